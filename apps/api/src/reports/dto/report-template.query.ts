import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsQuarter, IsText } from '../../common/field-rules';

export class ReportTemplateQuery {
  @ApiPropertyOptional({ example: '2025-Q3', description: "the quarter pre-filled in an enterprise's template; default the latest quarter that has ended" })
  @IsOptional() @IsText() @IsQuarter() period?: string;
}
