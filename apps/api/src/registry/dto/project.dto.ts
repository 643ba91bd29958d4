import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsRegistryDay, IsNotBlank, IsOneOf, IsProjectCode, IsTaxCode, IsText, IsZoneCode, Money } from '../../common/field-rules';
import { moneySchema, PROJECT_CODE_SCHEMA, REGISTRY_DAY_SCHEMA, TAX_CODE_SCHEMA, TEXT, ZONE_CODE_SCHEMA } from '../../common/field-schemas';
import { PatchType } from '../../common/patch-type';

export class CreateProjectDto {
  @ApiProperty(PROJECT_CODE_SCHEMA) @IsText() @IsProjectCode() code: string;
  @ApiProperty({ ...TEXT, example: 'Nhà máy sản xuất phân bón DAP số 2' }) @IsText() @IsNotBlank() name: string;
  @ApiProperty(TAX_CODE_SCHEMA) @IsText() @IsTaxCode() taxCode: string;
  @ApiProperty({ ...ZONE_CODE_SCHEMA, example: 'TL' }) @IsText() @IsZoneCode() zoneCode: string;
  @ApiProperty({ enum: ['operating', 'under_construction', 'suspended', 'terminated'] })
  @IsOneOf(['operating', 'under_construction', 'suspended', 'terminated'])
  status: 'operating' | 'under_construction' | 'suspended' | 'terminated';
  @ApiPropertyOptional({ ...REGISTRY_DAY_SCHEMA, example: '2018-01-15', nullable: true })
  @IsOptional()
  @IsText()
  @IsRegistryDay()
  operatingFrom?: string | null;
  @ApiPropertyOptional({ ...REGISTRY_DAY_SCHEMA, example: null, nullable: true }) @IsOptional() @IsText() @IsRegistryDay() endedAt?:
    string | null;
  @ApiPropertyOptional({ ...moneySchema('money', '250000000000', 'registered capital'), nullable: true })
  @IsOptional()
  @Money()
  registeredCapital?: number | string | null;
}

export class UpdateProjectDto extends PatchType(OmitType(CreateProjectDto, ['code'] as const), ['name', 'taxCode', 'zoneCode', 'status']) {}
