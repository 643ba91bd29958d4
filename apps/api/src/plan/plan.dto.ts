import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsNotBlank, IsPlanValue, IsRegistryDay, IsText } from '../common/field-rules';
import { REGISTRY_DAY_SCHEMA, TEXT } from '../common/field-schemas';

export class PutPlanTargetDto {
  @ApiProperty({
    type: Number,
    minimum: 0,
    exclusiveMinimum: true,
    example: 24_000_000_000_000,
    description: 'the figure to reach, in `unit`; at most two decimals',
  })
  @IsPlanValue()
  value: number;

  @ApiProperty({
    ...TEXT,
    example: 'đồng',
    description: "the key's unit: parks, clusters, ha, USD, workers, % or đồng (park_output_YYYY, at 2010 prices)",
  })
  @IsText()
  @IsNotBlank()
  unit: string;

  @ApiProperty({ ...REGISTRY_DAY_SCHEMA, example: '2025-12-31', description: 'the day it is to be reached' })
  @IsText()
  @IsRegistryDay()
  deadline: string;

  @ApiProperty({ ...TEXT, example: 'Quyết định 273/QĐ-TTg ngày 11/4/2023 (Quy hoạch tỉnh Lào Cai thời kỳ 2021–2030)' })
  @IsText()
  @IsNotBlank()
  source: string;
}

export class PlanQuery {
  @ApiPropertyOptional({
    ...REGISTRY_DAY_SCHEMA,
    example: '2025-06-30',
    description: 'the day the plan is read as of (default today, Vietnam time)',
  })
  @IsOptional()
  @IsText()
  @IsRegistryDay()
  asOf?: string;
}
