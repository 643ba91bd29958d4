import { ApiProperty } from '@nestjs/swagger';
import { IsNotBlank, IsText } from '../../common/field-rules';
import { TEXT } from '../../common/field-schemas';

export class ReturnReportDto {
  @ApiProperty({
    ...TEXT,
    example: 'Quỹ lương quý chưa gồm tiền thưởng: đề nghị bổ sung và nộp lại báo cáo.',
    description: 'what the enterprise should correct; emailed to it and shown on its pages until it amends',
  })
  @IsText()
  @IsNotBlank()
  message: string;
}
