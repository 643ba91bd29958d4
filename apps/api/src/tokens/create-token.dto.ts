import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsNotBlank, IsOneOf, IsTaxCode, IsText, ZONE_CODE } from '../common/field-rules';
import { TAX_CODE_SCHEMA, TEXT } from '../common/field-schemas';

export class CreateTokenDto {
  @ApiProperty({ enum: ['admin', 'board', 'enterprise'] })
  @IsOneOf(['admin', 'board', 'enterprise'])
  role: 'admin' | 'board' | 'enterprise';

  @ApiProperty({ ...TEXT, example: 'Phòng Quản lý doanh nghiệp' })
  @IsText()
  @IsNotBlank()
  name: string;

  @ApiPropertyOptional({
    description: 'Board scope: a list of zone codes, or "all".',
    oneOf: [
      { type: 'array', items: { type: 'string', pattern: ZONE_CODE.source }, minItems: 1 },
      { type: 'string', enum: ['all'] },
    ],
  })
  @IsOptional()
  zoneCodes?: string[] | 'all';

  @ApiPropertyOptional(TAX_CODE_SCHEMA)
  @IsOptional()
  @IsTaxCode()
  taxCode?: string;
}
