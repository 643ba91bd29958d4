import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsOptional } from 'class-validator';
import { IsEmailAddress, IsOneOf, IsText, ZONE_CODE } from '../common/field-rules';
import { EMAIL_SCHEMA } from '../common/field-schemas';

export class CreateSubscriptionDto {
  @ApiProperty(EMAIL_SCHEMA) @IsText() @IsEmailAddress() email: string;

  @ApiProperty({
    description: 'zone codes, or "all"',
    oneOf: [
      { type: 'array', items: { type: 'string', pattern: ZONE_CODE.source }, minItems: 1 },
      { type: 'string', enum: ['all'] },
    ],
  })
  @Allow() // checked by parseZoneScope, which reads both forms
  zoneCodes: string[] | 'all';

  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' }) @IsOptional() @IsOneOf(['vi', 'en']) language?: 'vi' | 'en';

  @ApiPropertyOptional({
    enum: ['board', 'public'],
    default: 'board',
    description: 'board: full figures; public: after disclosure control',
  })
  @IsOptional()
  @IsOneOf(['board', 'public'])
  audience?: 'board' | 'public';
}
