import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

export type SubscriptionLanguage = 'vi' | 'en';
/** Board: full figures; public: after disclosure control. */
export type SubscriptionAudience = 'board' | 'public';

export interface NewSubscription {
  readonly email: string;
  /** Null means every zone. */
  readonly zoneCodes: readonly string[] | null;
  readonly language: SubscriptionLanguage;
  readonly audience: SubscriptionAudience;
  readonly createdBy: string | null;
}

export interface Subscription {
  readonly id: string;
  readonly email: string;
  readonly zoneCodes: string[] | null;
  readonly language: SubscriptionLanguage;
  readonly audience: SubscriptionAudience;
  readonly createdAt: Date;
}

interface SubscriptionRow {
  id: string;
  email: string;
  zone_codes: string[] | null;
  language: SubscriptionLanguage;
  audience: SubscriptionAudience;
  created_at: Date;
}

const COLUMNS = 'id, email, zone_codes, language, audience, created_at';

const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  email: r.email,
  zoneCodes: r.zone_codes,
  language: r.language,
  audience: r.audience,
  createdAt: r.created_at,
});

/** Who receives the monthly publication email. */
export class SubscriptionsRepository {
  constructor(private readonly db: Transactions) {}

  async insert(s: NewSubscription, tx: SqlSession = this.db.pool): Promise<Subscription> {
    const [row] = await tx.query<SubscriptionRow>(
      `INSERT INTO subscriptions (email, zone_codes, language, audience, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [s.email, s.zoneCodes, s.language, s.audience, s.createdBy],
    );
    return toSubscription(row);
  }

  /** Subscriptions not cancelled, oldest first. */
  async listActive(tx: SqlSession = this.db.pool): Promise<Subscription[]> {
    return (await tx.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions WHERE cancelled_at IS NULL ORDER BY created_at`)).map(
      toSubscription,
    );
  }

  /** The subscription if it is not cancelled; `id` must be a uuid. */
  async findActive(id: string, tx: SqlSession = this.db.pool): Promise<Subscription | null> {
    const [row] = await tx.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions WHERE id = $1 AND cancelled_at IS NULL`, [id]);
    return row ? toSubscription(row) : null;
  }

  /** The token of the subscription's unsubscribe link (never shown by the API: it is the link's only key). */
  async unsubscribeToken(id: string, tx: SqlSession = this.db.pool): Promise<string | null> {
    const [row] = await tx.query<{ unsubscribe_token: string }>('SELECT unsubscribe_token FROM subscriptions WHERE id = $1', [id]);
    return row?.unsubscribe_token ?? null;
  }

  /** Whom an unsubscribe link's token is for, and whether that subscription is still active; null for an unknown token. */
  async findByUnsubscribeToken(
    token: string,
    tx: SqlSession = this.db.pool,
  ): Promise<{ id: string; email: string; active: boolean } | null> {
    const [row] = await tx.query<{ id: string; email: string; active: boolean }>(
      'SELECT id, email, cancelled_at IS NULL AS active FROM subscriptions WHERE unsubscribe_token = $1',
      [token],
    );
    return row ?? null;
  }

  /** Cancels a subscription; false when it was cancelled already (or never existed). */
  async cancel(id: string, tx: SqlSession = this.db.pool): Promise<boolean> {
    const rows = await tx.query('UPDATE subscriptions SET cancelled_at = now() WHERE id = $1 AND cancelled_at IS NULL RETURNING id', [id]);
    return rows.length > 0;
  }
}
