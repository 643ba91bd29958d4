import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsArea, IsNotBlank, IsOneOf, IsText, IsZoneCode } from '../../common/field-rules';
import { TEXT, ZONE_CODE_SCHEMA } from '../../common/field-schemas';
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
  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    exclusiveMinimum: true,
    maximum: 1_000_000,
    exclusiveMaximum: true,
    example: 110.5,
    nullable: true,
    description: 'hectares',
  })
  @IsOptional()
  @IsArea()
  areaHa?: number;
}

export class UpdateZoneDto extends PatchType(CreateZoneDto, ['code', 'name', 'kind', 'locality', 'wageRegion', 'status']) {}
