import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsOneOf, IsQuarter, IsText, IsZoneCode } from '../../common/field-rules';
import { QUARTER_SCHEMA, ZONE_CODE_SCHEMA } from '../../common/field-schemas';
import { PageQuery } from '../../common/pagination';

export class ListFollowUpsQuery extends PageQuery {
  @ApiPropertyOptional(ZONE_CODE_SCHEMA) @IsOptional() @IsText() @IsZoneCode() zone?: string;
  @ApiPropertyOptional(QUARTER_SCHEMA) @IsOptional() @IsText() @IsQuarter() period?: string;
  @ApiPropertyOptional({ enum: ['false', 'true'], description: 'false hides reviewed reports, true lists only them; absent lists both' })
  @IsOptional()
  @IsOneOf(['false', 'true'])
  reviewed?: 'false' | 'true';
  @ApiPropertyOptional({
    enum: ['false', 'true'],
    description: 'true lists only reports returned and not yet amended, false only the others',
  })
  @IsOptional()
  @IsOneOf(['false', 'true'])
  returned?: 'false' | 'true';
}
