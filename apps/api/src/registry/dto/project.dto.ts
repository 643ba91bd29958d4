import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoDay, IsNotBlank, IsOneOf, IsProjectCode, IsTaxCode, IsText, IsZoneCode, Money } from '../../common/field-rules';

export class CreateProjectDto {
  @ApiProperty({ example: 'DA-TL-001' }) @IsText() @IsProjectCode() code: string;
  @ApiProperty({ example: 'Nhà máy sản xuất phân bón DAP số 2' }) @IsText() @IsNotBlank() name: string;
  @ApiProperty({ example: '5300123456' }) @IsText() @IsTaxCode() taxCode: string;
  @ApiProperty({ example: 'TL' }) @IsText() @IsZoneCode() zoneCode: string;
  @ApiProperty({ enum: ['operating', 'under_construction', 'suspended', 'terminated'] })
  @IsOneOf(['operating', 'under_construction', 'suspended', 'terminated'])
  status: 'operating' | 'under_construction' | 'suspended' | 'terminated';
  @ApiPropertyOptional({ example: '2018-01-15' }) @IsOptional() @IsText() @IsIsoDay() operatingFrom?: string | null;
  @ApiPropertyOptional({ example: null, nullable: true }) @IsOptional() @IsText() @IsIsoDay() endedAt?: string | null;
  @ApiPropertyOptional({ type: String, example: '250000000000', description: 'đồng' }) @IsOptional() @Money() registeredCapital?: number | string | null;
}

export class UpdateProjectDto extends PartialType(OmitType(CreateProjectDto, ['code'] as const)) {}
