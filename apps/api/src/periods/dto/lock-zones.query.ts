import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsText, IsZoneCodeList } from '../../common/field-rules';

/** The zones a lock or unlock acts on; without them a board acts on all its zones, an admin on the whole province. */
export class LockZonesQuery {
  @ApiPropertyOptional({ example: 'BDH,DPM', description: 'zone codes separated by commas' })
  @IsOptional()
  @IsText()
  @IsZoneCodeList()
  zone?: string;
}

export function zoneList(q: LockZonesQuery): string[] | undefined {
  return q.zone === undefined ? undefined : [...new Set(q.zone.split(','))];
}
