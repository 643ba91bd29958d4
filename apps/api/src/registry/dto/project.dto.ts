import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsArea, IsRegistryDay, IsNotBlank, IsOneOf, IsProjectCode, IsTaxCode, IsText, IsZoneCode, Money } from '../../common/field-rules';
import {
  AREA_SCHEMA,
  moneySchema,
  PROJECT_CODE_SCHEMA,
  REGISTRY_DAY_SCHEMA,
  TAX_CODE_SCHEMA,
  TEXT,
  ZONE_CODE_SCHEMA,
} from '../../common/field-schemas';
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
  @ApiPropertyOptional({
    ...REGISTRY_DAY_SCHEMA,
    example: '2017-09-20',
    nullable: true,
    description: 'the day the investment was registered',
  })
  @IsOptional()
  @IsText()
  @IsRegistryDay()
  registeredOn?: string | null;
  @ApiPropertyOptional({ ...moneySchema('usd', '10000000', 'registered capital of a foreign-invested project'), nullable: true })
  @IsOptional()
  @Money('usd')
  registeredCapitalUsd?: number | string | null;
  @ApiPropertyOptional({ ...AREA_SCHEMA, example: 12.5, nullable: true, description: 'land leased in the zone, hectares' })
  @IsOptional()
  @IsArea()
  leasedHa?: number | null;
  @ApiPropertyOptional({
    ...REGISTRY_DAY_SCHEMA,
    example: '2018-01-01',
    nullable: true,
    description: 'the day the lease began; without it the land counts from `registeredOn`, else `operatingFrom`',
  })
  @IsOptional()
  @IsText()
  @IsRegistryDay()
  leasedFrom?: string | null;
}

export class UpdateProjectDto extends PatchType(OmitType(CreateProjectDto, ['code'] as const), ['name', 'taxCode', 'zoneCode', 'status']) {}
