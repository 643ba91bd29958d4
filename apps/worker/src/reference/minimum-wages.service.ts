import { Injectable } from '@nestjs/common';
import { MinimumWagesRepository } from '@app/database';
import { MinimumWageEntry } from '@app/domain';

const TTL_MS = 5 * 60_000;

/** The regional minimum wage table (data with effective dates), re-read every few minutes. */
@Injectable()
export class MinimumWages {
  private table: MinimumWageEntry[] = [];
  private loadedAt = 0;

  constructor(private readonly wages: MinimumWagesRepository) {}

  async current(): Promise<readonly MinimumWageEntry[]> {
    if (Date.now() - this.loadedAt > TTL_MS) {
      this.table = await this.wages.all();
      this.loadedAt = Date.now();
    }
    return this.table;
  }
}
