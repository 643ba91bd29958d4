import { ApiProperty } from '@nestjs/swagger';
import { Money } from '../../common/field-rules';

export class PutTargetDto {
  @ApiProperty({ type: String, example: '24000000000000', description: 'annual gross output target at 2010 prices, đồng' })
  @Money()
  grossOutputConstant2010: number | string;
}
