import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsText, IsZoneCode } from '../../common/field-rules';
import { ZONE_CODE_SCHEMA } from '../../common/field-schemas';
import { PageQuery } from '../../common/pagination';

export class ZoneFilterQuery extends PageQuery {
  @ApiPropertyOptional(ZONE_CODE_SCHEMA) @IsOptional() @IsText() @IsZoneCode() zone?: string;
}
