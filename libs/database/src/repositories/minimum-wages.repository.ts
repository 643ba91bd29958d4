import { MinimumWageEntry, WageRegion } from '@app/domain';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

/** The regional minimum wages, with the day each took effect (data, as decrees change them). */
export class MinimumWagesRepository {
  constructor(private readonly db: Transactions) {}

  /** Every entry, oldest first. */
  async all(tx: SqlSession = this.db.pool): Promise<MinimumWageEntry[]> {
    const rows = await tx.query<{ effective_from: string; region: number; monthly: string; source: string | null }>(
      'SELECT effective_from, region, monthly, source FROM minimum_wages ORDER BY effective_from',
    );
    return rows.map((r) => ({
      effectiveFrom: r.effective_from,
      region: r.region as WageRegion,
      monthly: BigInt(r.monthly),
      source: r.source ?? undefined,
    }));
  }
}
