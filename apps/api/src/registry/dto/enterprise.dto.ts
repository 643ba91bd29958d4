import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsEmailAddress, IsRegistryDay, IsNotBlank, IsOneOf, IsTaxCode, IsText, IsZoneCode } from '../../common/field-rules';
import { EMAIL_SCHEMA, REGISTRY_DAY_SCHEMA, TAX_CODE_SCHEMA, TEXT, ZONE_CODE_SCHEMA } from '../../common/field-schemas';
import { PatchType } from '../../common/patch-type';

export class CreateEnterpriseDto {
  @ApiProperty(TAX_CODE_SCHEMA) @IsText() @IsTaxCode() taxCode: string;
  @ApiProperty({ ...TEXT, example: 'Công ty TNHH Hóa chất Đức Giang Lào Cai' }) @IsText() @IsNotBlank() name: string;
  @ApiProperty({ ...ZONE_CODE_SCHEMA, example: 'TL' }) @IsText() @IsZoneCode() zoneCode: string;
  @ApiProperty({
    enum: ['domestic', 'foreign'],
    description: 'The block: domestic, or foreign-invested (FDI). On a change, see `ownershipFrom`.',
  })
  @IsOneOf(['domestic', 'foreign'])
  ownership: 'domestic' | 'foreign';
  @ApiPropertyOptional({ enum: ['B', 'C', 'D', 'E'], nullable: true, description: 'VSIC 2025 section' })
  @IsOptional()
  @IsOneOf(['B', 'C', 'D', 'E'])
  vsicSection?: 'B' | 'C' | 'D' | 'E' | null;
  @ApiProperty(REGISTRY_DAY_SCHEMA) @IsText() @IsRegistryDay() operatingFrom: string;
  @ApiPropertyOptional({ ...REGISTRY_DAY_SCHEMA, example: null, nullable: true }) @IsOptional() @IsText() @IsRegistryDay() operatingUntil?:
    string | null;
  @ApiPropertyOptional({ ...EMAIL_SCHEMA, example: 'ketoan@example.vn', nullable: true })
  @IsOptional()
  @IsText()
  @IsEmailAddress()
  contactEmail?: string | null;
}

export class UpdateEnterpriseDto extends PatchType(OmitType(CreateEnterpriseDto, ['taxCode'] as const), [
  'name',
  'zoneCode',
  'ownership',
  'operatingFrom',
]) {
  @ApiPropertyOptional({
    ...REGISTRY_DAY_SCHEMA,
    example: '2025-07-01',
    description:
      'With `ownership`: the enterprise is in that block from this day on (a takeover), earlier days keep ' +
      'their block. Without it, an `ownership` other than the current one corrects the block since registration.',
  })
  @IsOptional()
  @IsText()
  @IsRegistryDay()
  ownershipFrom?: string | null;
}
