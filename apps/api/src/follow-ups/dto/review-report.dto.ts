import { ApiProperty } from '@nestjs/swagger';
import { IsNotBlank, IsText } from '../../common/field-rules';
import { TEXT } from '../../common/field-schemas';

export class ReviewReportDto {
  @ApiProperty({ ...TEXT, example: 'Đã liên hệ doanh nghiệp: quỹ lương quý này chưa gồm tiền thưởng.', description: 'what the board found or did' })
  @IsText() @IsNotBlank() comment: string;
}
