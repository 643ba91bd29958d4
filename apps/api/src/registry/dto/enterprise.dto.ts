import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsEmailAddress, IsIsoDay, IsNotBlank, IsOneOf, IsTaxCode, IsText, IsZoneCode } from '../../common/field-rules';

export class CreateEnterpriseDto {
  @ApiProperty({ example: '5300123456' }) @IsText() @IsTaxCode() taxCode: string;
  @ApiProperty({ example: 'Công ty TNHH Hóa chất Đức Giang Lào Cai' }) @IsText() @IsNotBlank() name: string;
  @ApiProperty({ example: 'TL' }) @IsText() @IsZoneCode() zoneCode: string;
  @ApiProperty({ enum: ['domestic', 'foreign'] }) @IsOneOf(['domestic', 'foreign']) ownership: 'domestic' | 'foreign';
  @ApiPropertyOptional({ enum: ['B', 'C', 'D', 'E'], description: 'VSIC 2025 section' })
  @IsOptional() @IsOneOf(['B', 'C', 'D', 'E']) vsicSection?: 'B' | 'C' | 'D' | 'E' | null;
  @ApiProperty({ example: '2019-05-01' }) @IsText() @IsIsoDay() operatingFrom: string;
  @ApiPropertyOptional({ example: null, nullable: true }) @IsOptional() @IsText() @IsIsoDay() operatingUntil?: string | null;
  @ApiPropertyOptional({ example: 'ketoan@example.vn' }) @IsOptional() @IsText() @IsEmailAddress() contactEmail?: string | null;
}

export class UpdateEnterpriseDto extends PartialType(OmitType(CreateEnterpriseDto, ['taxCode'] as const)) {}
