import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsOneOf, IsQuarter, IsText, IsZoneCode } from '../../common/field-rules';
import { PageQuery } from '../../common/pagination';

export class ListFollowUpsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'BDH' }) @IsOptional() @IsText() @IsZoneCode() zone?: string;
  @ApiPropertyOptional({ example: '2025-Q3' }) @IsOptional() @IsText() @IsQuarter() period?: string;
  @ApiPropertyOptional({ enum: ['false', 'true'], description: 'false hides reviewed reports, true lists only them; absent lists both' })
  @IsOptional() @IsOneOf(['false', 'true']) reviewed?: 'false' | 'true';
}
