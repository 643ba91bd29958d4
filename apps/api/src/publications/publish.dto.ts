import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsFlag, IsPublicationDay, IsText } from '../common/field-rules';
import { PUBLICATION_DAY_SCHEMA } from '../common/field-schemas';

export class PublishDto {
  @ApiPropertyOptional({
    ...PUBLICATION_DAY_SCHEMA,
    description:
      'publish what the monthly schedule would publish on that day (default today, Vietnam time), ' + PUBLICATION_DAY_SCHEMA.description,
  })
  @IsOptional()
  @IsText()
  @IsPublicationDay()
  asOf?: string;

  @ApiPropertyOptional({ default: false, description: 'publish again although the month already has its publication' })
  @IsOptional()
  @IsFlag()
  force?: boolean;
}
