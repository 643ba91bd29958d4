import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsText, IsZoneCode } from '../../common/field-rules';
import { PageQuery } from '../../common/pagination';

export class ZoneFilterQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'BDH' }) @IsOptional() @IsText() @IsZoneCode() zone?: string;
}
