import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsOptional } from 'class-validator';
import { IsEmailAddress, IsOneOf, IsText } from '../common/field-rules';

export class CreateSubscriptionDto {
  @ApiProperty({ example: 'lanhdao@laocai.gov.vn' }) @IsText() @IsEmailAddress() email: string;

  @ApiProperty({ description: 'zone codes, or "all"', oneOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string', enum: ['all'] }] })
  @Allow() // checked by parseZoneScope, which reads both forms
  zoneCodes: string[] | 'all';

  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' }) @IsOptional() @IsOneOf(['vi', 'en']) language?: 'vi' | 'en';

  @ApiPropertyOptional({ enum: ['board', 'public'], default: 'board', description: 'board: full figures; public: after disclosure control' })
  @IsOptional() @IsOneOf(['board', 'public']) audience?: 'board' | 'public';
}
