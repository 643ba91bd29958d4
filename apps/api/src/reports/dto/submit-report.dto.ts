import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { Count, IsInstant, IsQuarter, IsTaxCode, IsText, Money } from '../../common/field-rules';

const money = (example: string, description: string) => ({ type: String, example, description: `${description}; đồng, a JSON integer or a string of digits` });
const usd = (example: string, description: string) => ({ type: String, example, description: `${description}; US dollars, a JSON integer or a string of digits` });

export class ProductionDto {
  @ApiProperty(money('41500000000', 'gross industrial output at current prices (giá trị sản xuất công nghiệp, giá hiện hành)'))
  @Money() grossOutput: number | string;
  @ApiPropertyOptional(money('30100000000', 'gross output at 2010 comparable prices (giá so sánh 2010)'))
  @IsOptional() @Money() grossOutputConstant2010?: number | string;
  @ApiProperty(money('45000000000', 'net revenue (doanh thu thuần)'))
  @Money() revenue: number | string;
  @ApiPropertyOptional(usd('120000', 'export turnover'))
  @IsOptional() @Money() exportValueUsd?: number | string;
  @ApiPropertyOptional(usd('50000', 'import turnover'))
  @IsOptional() @Money() importValueUsd?: number | string;
  @ApiPropertyOptional(money('1200000000', 'taxes and fees paid to the state budget (nộp ngân sách)'))
  @IsOptional() @Money() stateBudgetPaid?: number | string;
}

export class InvestmentDto {
  @ApiPropertyOptional(money('0', 'investment capital realised in the quarter (vốn đầu tư thực hiện)'))
  @IsOptional() @Money() realizedCapital?: number | string;
}

export class EmploymentDto {
  @ApiProperty({ example: 175, description: 'headcount at the end of the quarter (lao động)' })
  @Count() workers: number;
  @ApiPropertyOptional({ example: 60 }) @IsOptional() @Count() femaleWorkers?: number;
  @ApiPropertyOptional({ example: 2 }) @IsOptional() @Count() foreignWorkers?: number;
  @ApiPropertyOptional({ example: 150, description: 'residents of the province' }) @IsOptional() @Count() localWorkers?: number;
  @ApiPropertyOptional({ example: 172, description: 'average headcount over the quarter; defaults to workers' })
  @IsOptional() @Count() averageWorkers?: number;
}

export class WagesDto {
  @ApiProperty(money('3255000000', 'total wages and income paid in the quarter (tổng quỹ lương)'))
  @Money() wageFund: number | string;
}

/** One enterprise's quarterly report (Mẫu A.III.1). A field left out is "not reported", not 0. */
export class SubmitReportDto {
  @ApiProperty({ example: '5300123456' }) @IsText() @IsTaxCode() taxCode: string;
  @ApiProperty({ example: '2025-Q3' }) @IsText() @IsQuarter() period: string;
  @ApiProperty({ type: ProductionDto }) @IsDefined() @ValidateNested() @Type(() => ProductionDto) production: ProductionDto;
  @ApiPropertyOptional({ type: InvestmentDto }) @IsOptional() @ValidateNested() @Type(() => InvestmentDto) investment?: InvestmentDto;
  @ApiProperty({ type: EmploymentDto }) @IsDefined() @ValidateNested() @Type(() => EmploymentDto) employment: EmploymentDto;
  @ApiProperty({ type: WagesDto }) @IsDefined() @ValidateNested() @Type(() => WagesDto) wages: WagesDto;

  @ApiPropertyOptional({
    example: '2025-10-05T09:30:00+07:00',
    description: 'Board and admin only: when a paper form keyed in later was received (its stamp). Timeliness is judged on it. Defaults to now.',
  })
  @IsOptional() @IsText() @IsInstant() receivedAt?: string;
}
