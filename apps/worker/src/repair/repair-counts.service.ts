import { Injectable } from '@nestjs/common';
import { Settings } from '@app/config';
import { keyPrefix, repairCountsKey, repairField, RepairKind } from '@app/queue';
import { QueueProducers } from '../queues/queue-producers.service';

/** Counts repairs where the api's /metrics reads them (see libs/queue repair-counts). */
@Injectable()
export class RepairCounts {
  constructor(
    private readonly settings: Settings,
    private readonly producers: QueueProducers,
  ) {}

  async add(kind: RepairKind, subject: string, n = 1): Promise<void> {
    if (n <= 0) return;
    const redis = await this.producers.redis();
    await redis.hincrby(repairCountsKey(keyPrefix(this.settings)), repairField(kind, subject), n);
  }
}
