import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsArea, IsCapacity, IsCountType, IsNotBlank, IsOneOf, IsRegistryDay, IsText, IsZoneCode } from '../../common/field-rules';
import { AREA_SCHEMA, REGISTRY_DAY_SCHEMA, TEXT, ZONE_CODE_SCHEMA } from '../../common/field-schemas';
import { PatchType } from '../../common/patch-type';

export class CreateZoneDto {
  @ApiProperty(ZONE_CODE_SCHEMA) @IsText() @IsZoneCode() code: string;
  @ApiProperty({ ...TEXT, example: 'Khu công nghiệp Bắc Duyên Hải' }) @IsText() @IsNotBlank() name: string;
  @ApiProperty({ enum: ['industrial_park', 'industrial_cluster'] })
  @IsOneOf(['industrial_park', 'industrial_cluster'])
  kind: 'industrial_park' | 'industrial_cluster';
  @ApiProperty({ ...TEXT, example: 'phường Duyên Hải (thành phố Lào Cai cũ)' }) @IsText() @IsNotBlank() locality: string;
  @ApiProperty({ type: 'integer', enum: [1, 2, 3, 4] }) @IsOneOf([1, 2, 3, 4]) wageRegion: 1 | 2 | 3 | 4;
  @ApiProperty({ enum: ['operating', 'restricted', 'planned', 'closing'] })
  @IsOneOf(['operating', 'restricted', 'planned', 'closing'])
  status: 'operating' | 'restricted' | 'planned' | 'closing';
  @ApiPropertyOptional({ ...AREA_SCHEMA, nullable: true, description: 'natural area, hectares' })
  @IsOptional()
  @IsArea()
  areaHa?: number;
  @ApiPropertyOptional({ ...REGISTRY_DAY_SCHEMA, example: '2005-03-15', nullable: true, description: 'the day it was established' })
  @IsOptional()
  @IsText()
  @IsRegistryDay()
  establishedOn?: string | null;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 10_000_000,
    example: 2000,
    nullable: true,
    description: 'central wastewater treatment plant: capacity, m³ a day',
  })
  @IsOptional()
  @IsCountType()
  @IsCapacity()
  wastewaterCapacityM3Day?: number | null;
  @ApiPropertyOptional({
    ...REGISTRY_DAY_SCHEMA,
    example: '2020-06-01',
    nullable: true,
    description: 'the day its central wastewater treatment plant began operating (needs `wastewaterCapacityM3Day`)',
  })
  @IsOptional()
  @IsText()
  @IsRegistryDay()
  wastewaterOperatingFrom?: string | null;
}

/** Leasable industrial land from a day on. */
export class PutZoneLandDto {
  @ApiProperty({ ...AREA_SCHEMA, description: 'leasable industrial land, hectares' }) @IsArea() leasableHa: number;
}

export class UpdateZoneDto extends PatchType(CreateZoneDto, ['code', 'name', 'kind', 'locality', 'wageRegion', 'status']) {}
