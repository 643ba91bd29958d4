import { ApiProperty } from '@nestjs/swagger';
import { Money } from '../../common/field-rules';
import { moneySchema } from '../../common/field-schemas';

export class PutTargetDto {
  @ApiProperty(moneySchema('money', '24000000000000', 'annual gross output target at 2010 prices'))
  @Money()
  grossOutputConstant2010: number | string;
}
