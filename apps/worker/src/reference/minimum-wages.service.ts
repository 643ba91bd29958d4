import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MinimumWageEntry, WageRegion } from '@app/domain';

const TTL_MS = 5 * 60_000;

/** The regional minimum wage table (data with effective dates), re-read every few minutes. */
@Injectable()
export class MinimumWages {
  private table: MinimumWageEntry[] = [];
  private loadedAt = 0;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async current(): Promise<readonly MinimumWageEntry[]> {
    if (Date.now() - this.loadedAt > TTL_MS) {
      const rows: Array<{ effective_from: string; region: number; monthly: string; source: string | null }> = await this.db.query(
        'SELECT effective_from, region, monthly, source FROM minimum_wages ORDER BY effective_from',
      );
      this.table = rows.map((r) => ({ effectiveFrom: r.effective_from, region: r.region as WageRegion, monthly: BigInt(r.monthly), source: r.source ?? undefined }));
      this.loadedAt = Date.now();
    }
    return this.table;
  }
}
