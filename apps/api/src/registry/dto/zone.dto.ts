import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsArea, IsNotBlank, IsOneOf, IsText, IsZoneCode } from '../../common/field-rules';

export class CreateZoneDto {
  @ApiProperty({ example: 'BDH' }) @IsText() @IsZoneCode() code: string;
  @ApiProperty({ example: 'Khu công nghiệp Bắc Duyên Hải' }) @IsText() @IsNotBlank() name: string;
  @ApiProperty({ enum: ['industrial_park', 'industrial_cluster'] })
  @IsOneOf(['industrial_park', 'industrial_cluster']) kind: 'industrial_park' | 'industrial_cluster';
  @ApiProperty({ example: 'phường Duyên Hải (thành phố Lào Cai cũ)' }) @IsText() @IsNotBlank() locality: string;
  @ApiProperty({ enum: [1, 2, 3, 4] }) @IsOneOf([1, 2, 3, 4]) wageRegion: 1 | 2 | 3 | 4;
  @ApiProperty({ enum: ['operating', 'restricted', 'planned', 'closing'] })
  @IsOneOf(['operating', 'restricted', 'planned', 'closing']) status: 'operating' | 'restricted' | 'planned' | 'closing';
  @ApiPropertyOptional({ example: 110.5 }) @IsOptional() @IsArea() areaHa?: number;
}

export class UpdateZoneDto extends PartialType(CreateZoneDto) {}
