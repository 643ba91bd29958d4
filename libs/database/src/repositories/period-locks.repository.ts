import { LockInterval } from '@app/domain';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

const INTERVAL = 'period, zone_code AS "zoneCode", locked_at AS "lockedAt", unlocked_at AS "unlockedAt"';

/**
 * Locks of quarters, kept as intervals (from locked to unlocked) so a filing is judged by the lock in
 * force when it arrived: of one zone, or of the whole province (zone null). At most one of each is open.
 */
export class PeriodLocksRepository {
  constructor(private readonly db: Transactions) {}

  /** Locks the quarter for the whole province; the zones newly locked: [null], or [] if it was locked already. */
  async lockProvince(period: string, by: string, tx: SqlSession = this.db.pool): Promise<Array<string | null>> {
    const rows = await tx.query<{ zone_code: null }>(
      `INSERT INTO period_locks (period, locked_by) VALUES ($1, $2)
       ON CONFLICT (period) WHERE unlocked_at IS NULL AND zone_code IS NULL DO NOTHING RETURNING zone_code`,
      [period, by],
    );
    return rows.map((r) => r.zone_code);
  }

  /** Locks the quarter for `zoneCodes`; the zones newly locked (those locked already are left as they are). */
  async lockZones(period: string, zoneCodes: readonly string[], by: string, tx: SqlSession = this.db.pool): Promise<Array<string | null>> {
    const rows = await tx.query<{ zone_code: string }>(
      `INSERT INTO period_locks (period, zone_code, locked_by) SELECT $1, z, $3 FROM unnest($2::text[]) AS z
       ON CONFLICT (period, zone_code) WHERE unlocked_at IS NULL AND zone_code IS NOT NULL DO NOTHING RETURNING zone_code`,
      [period, zoneCodes, by],
    );
    return rows.map((r) => r.zone_code);
  }

  /** Whether the whole province is locked; its open lock stays as it is until the caller's transaction ends. */
  async holdProvinceLock(period: string, tx: SqlSession): Promise<boolean> {
    const rows = await tx.query('SELECT 1 FROM period_locks WHERE period = $1 AND zone_code IS NULL AND unlocked_at IS NULL FOR UPDATE', [
      period,
    ]);
    return rows.length > 0;
  }

  /** Closes the open locks of `zoneCodes` (null: every lock of the quarter, the province's too); the zones unlocked. */
  async unlock(
    period: string,
    zoneCodes: readonly string[] | null,
    by: string,
    tx: SqlSession = this.db.pool,
  ): Promise<Array<string | null>> {
    const rows = await tx.query<{ zone_code: string | null }>(
      `UPDATE period_locks SET unlocked_at = now(), unlocked_by = $3
       WHERE period = $1 AND unlocked_at IS NULL AND ($2::text[] IS NULL OR zone_code = ANY($2)) RETURNING zone_code`,
      [period, zoneCodes, by],
    );
    return rows.map((r) => r.zone_code);
  }

  /** The locks of the quarter in force now. */
  async open(period: string, tx: SqlSession = this.db.pool): Promise<LockInterval[]> {
    return tx.query<LockInterval>(`SELECT ${INTERVAL} FROM period_locks WHERE period = $1 AND unlocked_at IS NULL`, [period]);
  }

  /** Every lock of the quarter, past and present, of `zoneCodes` and of the province, in the order they were taken. */
  async history(period: string, zoneCodes: readonly string[], tx: SqlSession = this.db.pool): Promise<LockInterval[]> {
    return tx.query<LockInterval>(
      `SELECT ${INTERVAL} FROM period_locks WHERE period = $1 AND (zone_code IS NULL OR zone_code = ANY($2)) ORDER BY locked_at, id`,
      [period, zoneCodes],
    );
  }

  /** Every lock, past and present, of the quarters `periods`: what a verdict judges receipts by. */
  async inPeriods(periods: readonly string[], tx: SqlSession = this.db.pool): Promise<LockInterval[]> {
    return tx.query<LockInterval>(`SELECT ${INTERVAL} FROM period_locks WHERE period = ANY($1)`, [periods]);
  }
}
