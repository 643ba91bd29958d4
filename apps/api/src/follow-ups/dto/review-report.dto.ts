import { ApiProperty } from '@nestjs/swagger';
import { IsNotBlank, IsText } from '../../common/field-rules';

export class ReviewReportDto {
  @ApiProperty({ example: 'Đã liên hệ doanh nghiệp: quỹ lương quý này chưa gồm tiền thưởng.', description: 'what the board found or did' })
  @IsText() @IsNotBlank() comment: string;
}
