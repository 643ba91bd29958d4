import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

/** One target of the province's plan, as the admin set it. */
export interface PlanTarget {
  readonly key: string;
  /** As PostgreSQL writes numeric(20, 2). */
  readonly value: string;
  readonly unit: string;
  /** 'YYYY-MM-DD'. */
  readonly deadline: string;
  /** The document it comes from. */
  readonly source: string;
  readonly updatedAt: Date;
}

interface PlanTargetRow {
  key: string;
  value: string;
  unit: string;
  deadline: string;
  source: string;
  updated_at: Date;
}

const toTarget = (r: PlanTargetRow): PlanTarget => ({
  key: r.key,
  value: r.value,
  unit: r.unit,
  deadline: r.deadline,
  source: r.source,
  updatedAt: r.updated_at,
});

/** The province's plan targets, one per key. */
export class PlanTargetsRepository {
  constructor(private readonly db: Transactions) {}

  /** Sets a target, replacing the one of the same key. */
  async set(
    target: Pick<PlanTarget, 'key' | 'value' | 'unit' | 'deadline' | 'source'>,
    setBy: string | null,
    tx: SqlSession = this.db.pool,
  ): Promise<PlanTarget> {
    const [row] = await tx.query<PlanTargetRow>(
      `INSERT INTO plan_targets (key, value, unit, deadline, source, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, unit = EXCLUDED.unit, deadline = EXCLUDED.deadline,
         source = EXCLUDED.source, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING *`,
      [target.key, target.value, target.unit, target.deadline, target.source, setBy],
    );
    return toTarget(row);
  }

  async list(tx: SqlSession = this.db.pool): Promise<PlanTarget[]> {
    return (await tx.query<PlanTargetRow>('SELECT * FROM plan_targets ORDER BY key')).map(toTarget);
  }
}
