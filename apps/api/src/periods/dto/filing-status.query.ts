import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsText, IsZoneCode } from '../../common/field-rules';
import { ZONE_CODE_SCHEMA } from '../../common/field-schemas';

/** Not paginated: one row per expected enterprise, so the counts and the rows always agree. */
export class FilingStatusQuery {
  @ApiPropertyOptional(ZONE_CODE_SCHEMA) @IsOptional() @IsText() @IsZoneCode() zone?: string;
}
