import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsOneOf, IsQuarter, IsTaxCode, IsText, IsZoneCode } from '../../common/field-rules';
import { QUARTER_SCHEMA, TAX_CODE_SCHEMA, ZONE_CODE_SCHEMA } from '../../common/field-schemas';
import { PageQuery } from '../../common/pagination';

export class ListReportsQuery extends PageQuery {
  @ApiPropertyOptional(TAX_CODE_SCHEMA) @IsOptional() @IsText() @IsTaxCode() taxCode?: string;
  @ApiPropertyOptional(ZONE_CODE_SCHEMA) @IsOptional() @IsText() @IsZoneCode() zone?: string;
  @ApiPropertyOptional(QUARTER_SCHEMA) @IsOptional() @IsText() @IsQuarter() period?: string;
  @ApiPropertyOptional({ enum: ['received', 'accepted', 'rejected', 'superseded'] })
  @IsOptional()
  @IsOneOf(['received', 'accepted', 'rejected', 'superseded'])
  status?: string;
}
