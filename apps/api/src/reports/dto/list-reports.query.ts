import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsOneOf, IsQuarter, IsTaxCode, IsText, IsZoneCode } from '../../common/field-rules';
import { PageQuery } from '../../common/pagination';

export class ListReportsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '5300123456' }) @IsOptional() @IsText() @IsTaxCode() taxCode?: string;
  @ApiPropertyOptional({ example: 'BDH' }) @IsOptional() @IsText() @IsZoneCode() zone?: string;
  @ApiPropertyOptional({ example: '2025-Q3' }) @IsOptional() @IsText() @IsQuarter() period?: string;
  @ApiPropertyOptional({ enum: ['received', 'accepted', 'rejected', 'superseded'] })
  @IsOptional() @IsOneOf(['received', 'accepted', 'rejected', 'superseded']) status?: string;
}
