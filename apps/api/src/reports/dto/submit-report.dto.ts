import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { CompiledValidation } from '../../common/compiled-validation';
import { Count, IsQuarter, IsReceiptInstant, IsTaxCode, IsText, Money } from '../../common/field-rules';
import { COUNT_SCHEMA, moneySchema, QUARTER_SCHEMA, RECEIPT_INSTANT_SCHEMA, TAX_CODE_SCHEMA } from '../../common/field-schemas';

const money = (example: string, description: string) => moneySchema('money', example, description);
const usd = (example: string, description: string) => moneySchema('usd', example, description);

export class ProductionDto {
  @ApiProperty(money('41500000000', 'gross industrial output at current prices (giá trị sản xuất công nghiệp, giá hiện hành)'))
  @Money()
  grossOutput: number | string;
  @ApiPropertyOptional(money('30100000000', 'gross output at 2010 comparable prices (giá so sánh 2010)'))
  @IsOptional()
  @Money()
  grossOutputConstant2010?: number | string;
  @ApiProperty(money('45000000000', 'net revenue (doanh thu thuần)'))
  @Money()
  revenue: number | string;
  @ApiPropertyOptional(usd('120000', 'export turnover'))
  @IsOptional()
  @Money('usd')
  exportValueUsd?: number | string;
  @ApiPropertyOptional(usd('50000', 'import turnover'))
  @IsOptional()
  @Money('usd')
  importValueUsd?: number | string;
  @ApiPropertyOptional(money('1200000000', 'taxes and fees paid to the state budget (nộp ngân sách)'))
  @IsOptional()
  @Money()
  stateBudgetPaid?: number | string;
}

export class InvestmentDto {
  @ApiPropertyOptional(money('0', 'investment capital realised in the quarter (vốn đầu tư thực hiện)'))
  @IsOptional()
  @Money()
  realizedCapital?: number | string;
}

export class EmploymentDto {
  @ApiProperty({ ...COUNT_SCHEMA, example: 175, description: 'headcount at the end of the quarter (lao động)' })
  @Count()
  workers: number;
  @ApiPropertyOptional({ ...COUNT_SCHEMA, example: 60 }) @IsOptional() @Count() femaleWorkers?: number;
  @ApiPropertyOptional({ ...COUNT_SCHEMA, example: 2 }) @IsOptional() @Count() foreignWorkers?: number;
  @ApiPropertyOptional({ ...COUNT_SCHEMA, example: 150, description: 'residents of the province' })
  @IsOptional()
  @Count()
  localWorkers?: number;
  @ApiPropertyOptional({ ...COUNT_SCHEMA, example: 172, description: 'average headcount over the quarter; defaults to workers' })
  @IsOptional()
  @Count()
  averageWorkers?: number;
}

export class WagesDto {
  @ApiProperty(money('3255000000', 'total wages and income paid in the quarter (tổng quỹ lương)'))
  @Money()
  wageFund: number | string;
}

/**
 * One enterprise's quarterly report (Mẫu A.III.1). A field left out is "not reported", not 0. Checked by
 * a validator compiled from these rules: every report filed, as JSON or as a file's row, passes it.
 */
@CompiledValidation()
export class SubmitReportDto {
  @ApiProperty(TAX_CODE_SCHEMA) @IsText() @IsTaxCode() taxCode: string;
  @ApiProperty(QUARTER_SCHEMA) @IsText() @IsQuarter() period: string;
  @ApiProperty({ type: ProductionDto }) @IsDefined() @ValidateNested() @Type(() => ProductionDto) production: ProductionDto;
  @ApiPropertyOptional({ type: InvestmentDto }) @IsOptional() @ValidateNested() @Type(() => InvestmentDto) investment?: InvestmentDto;
  @ApiProperty({ type: EmploymentDto }) @IsDefined() @ValidateNested() @Type(() => EmploymentDto) employment: EmploymentDto;
  @ApiProperty({ type: WagesDto }) @IsDefined() @ValidateNested() @Type(() => WagesDto) wages: WagesDto;

  @ApiPropertyOptional({
    ...RECEIPT_INSTANT_SCHEMA,
    description:
      `Board and admin only: when a paper form keyed in later was received (its stamp), ${RECEIPT_INSTANT_SCHEMA.description}. ` +
      'Timeliness is judged on it. Defaults to now.',
  })
  @IsOptional()
  @IsText()
  @IsReceiptInstant()
  receivedAt?: string;
}
