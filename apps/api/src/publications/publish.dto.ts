import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsFlag, IsIsoDay, IsText } from '../common/field-rules';

export class PublishDto {
  @ApiPropertyOptional({ example: '2025-11-01', description: 'publish what the monthly schedule would publish on that day (default today, Vietnam time)' })
  @IsOptional() @IsText() @IsIsoDay() asOf?: string;

  @ApiPropertyOptional({ default: false, description: 'publish again although the month already has its publication' })
  @IsOptional() @IsFlag() force?: boolean;
}
