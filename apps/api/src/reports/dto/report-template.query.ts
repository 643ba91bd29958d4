import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsQuarter, IsText } from '../../common/field-rules';
import { QUARTER_SCHEMA } from '../../common/field-schemas';

export class ReportTemplateQuery {
  @ApiPropertyOptional({
    ...QUARTER_SCHEMA,
    description:
      `the quarter pre-filled in an enterprise's template, ${QUARTER_SCHEMA.description}; ` + 'default the latest quarter that has ended',
  })
  @IsOptional()
  @IsText()
  @IsQuarter()
  period?: string;
}
