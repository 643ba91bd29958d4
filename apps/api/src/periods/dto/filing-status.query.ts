import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsText, IsZoneCode } from '../../common/field-rules';

/** Not paginated: one row per expected enterprise, so the counts and the rows always agree. */
export class FilingStatusQuery {
  @ApiPropertyOptional({ example: 'BDH' }) @IsOptional() @IsText() @IsZoneCode() zone?: string;
}
