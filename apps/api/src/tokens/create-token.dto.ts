import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsNotBlank, IsOneOf, IsTaxCode, IsText } from '../common/field-rules';

export class CreateTokenDto {
  @ApiProperty({ enum: ['admin', 'board', 'enterprise'] })
  @IsOneOf(['admin', 'board', 'enterprise'])
  role: 'admin' | 'board' | 'enterprise';

  @ApiProperty({ example: 'Phòng Quản lý doanh nghiệp' })
  @IsText() @IsNotBlank()
  name: string;

  @ApiPropertyOptional({ description: 'Board scope: a list of zone codes, or "all".', oneOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string', enum: ['all'] }] })
  @IsOptional()
  zoneCodes?: string[] | 'all';

  @ApiPropertyOptional({ example: '5300123456' })
  @IsOptional() @IsTaxCode()
  taxCode?: string;
}
