import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsOneOf } from '../../common/field-rules';

export class UploadReportQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: 'store nothing unless every row is valid (422 listing every bad cell otherwise)',
  })
  @IsOptional()
  @IsOneOf(['true', 'false'])
  atomic?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: 'check every row and store nothing (200 with each row valid or invalid)',
  })
  @IsOptional()
  @IsOneOf(['true', 'false'])
  dryRun?: string;
}
