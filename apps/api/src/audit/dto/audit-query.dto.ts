import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsNotBlank, IsText } from '../../common/field-rules';
import { TEXT } from '../../common/field-schemas';
import { PageQuery } from '../../common/pagination';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ ...TEXT, example: 'report', description: 'report, token, period, zone, enterprise, project, target, ...' })
  @IsOptional()
  @IsText()
  @IsNotBlank()
  entity?: string;

  @ApiPropertyOptional({ ...TEXT, description: "the entity's id: a report id, a token id, a period such as 2025-Q3, a tax code, ..." })
  @IsOptional()
  @IsText()
  @IsNotBlank()
  id?: string;
}
