import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsNotBlank, IsText } from '../../common/field-rules';
import { TEXT } from '../../common/field-schemas';

export class ReviewReportDto {
  @ApiProperty({
    ...TEXT,
    example: 'Đã liên hệ doanh nghiệp: quỹ lương quý này chưa gồm tiền thưởng.',
    description: 'what the board found or did; internal to the board',
  })
  @IsText()
  @IsNotBlank()
  comment: string;

  @ApiPropertyOptional({
    ...TEXT,
    example: 'Đề nghị bổ sung tiền thưởng quý vào tổng quỹ lương và nộp lại báo cáo.',
    description: 'what the enterprise reads on its report; kept until a later review sends another',
  })
  @IsOptional()
  @IsText()
  @IsNotBlank()
  messageToEnterprise?: string;
}
