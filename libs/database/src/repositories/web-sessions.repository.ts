import { DatabaseTimeouts } from '../data-source-options';
import { listenOn, NotificationListener } from '../sql/notification-listener';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';
import { ActiveToken, Role } from './api-tokens.repository';

/** The channel on which a change of zone-quarter sums is announced (see the board-sessions migration). */
export const FIGURES_CHANGED_CHANNEL = 'figures_changed';

/** Zones and quarters whose sums a committed statement changed; '*' when too many to name. */
export type FiguresChange = ReadonlyArray<{ zone: string; period: string }> | '*';

/** The channel on which submissions leaving `received` are announced (see the verdict-notifications migration). */
export const REPORTS_DECIDED_CHANNEL = 'reports_decided';

/** Submissions a committed statement decided; '*' when too many to name. */
export type VerdictsChange = ReadonlyArray<{ id: string; taxCode: string }> | '*';

/** What the pages hear as it is committed. */
export interface LiveHandlers {
  figures(change: FiguresChange): void;
  verdicts(change: VerdictsChange): void;
}

export interface SessionLimits {
  readonly idleSeconds: number;
  readonly absoluteSeconds: number;
}

type TokenRow = { id: string; name: string; role: Role; zone_codes: string[] | null; tax_code: string | null };
const toToken = (r: TokenRow): ActiveToken => ({ id: r.id, name: r.name, role: r.role, zoneCodes: r.zone_codes, taxCode: r.tax_code });

/**
 * Sessions of the browser pages, stored by the hash of their id. A session lives while its token is
 * not revoked, it was used within the idle limit, its absolute limit has not passed and nobody signed out.
 */
export class WebSessionsRepository {
  constructor(private readonly db: Transactions) {}

  async start(idHash: string, tokenId: string, limits: SessionLimits, tx: SqlSession = this.db.pool): Promise<void> {
    await tx.query('INSERT INTO web_sessions (id_hash, token_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))', [
      idHash,
      tokenId,
      limits.absoluteSeconds,
    ]);
  }

  /** The session's token when the session is alive, which it keeps alive for another idle period; null otherwise. */
  async resume(idHash: string, limits: SessionLimits, tx: SqlSession = this.db.pool): Promise<ActiveToken | null> {
    const [row] = await tx.query<TokenRow>(
      `UPDATE web_sessions s SET last_seen_at = now() FROM api_tokens t
       WHERE s.id_hash = $1 AND t.id = s.token_id AND t.revoked_at IS NULL AND s.ended_at IS NULL
         AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => $2)
       RETURNING t.id, t.name, t.role, t.zone_codes, t.tax_code`,
      [idHash, limits.idleSeconds],
    );
    return row ? toToken(row) : null;
  }

  async end(idHash: string, tx: SqlSession = this.db.pool): Promise<void> {
    await tx.query('UPDATE web_sessions SET ended_at = now() WHERE id_hash = $1 AND ended_at IS NULL', [idHash]);
  }

  /** Records a failed sign-in of `client` and returns how many it made within the window (this one included). */
  async recordFailure(client: string, windowSeconds: number, tx: SqlSession = this.db.pool): Promise<number> {
    const [row] = await tx.query<{ n: number }>(
      `WITH purged AS (DELETE FROM sign_in_failures WHERE at < now() - make_interval(secs => $2)),
            added AS (INSERT INTO sign_in_failures (client) VALUES ($1))
       SELECT count(*)::int + 1 AS n FROM sign_in_failures WHERE client = $1 AND at >= now() - make_interval(secs => $2)`,
      [client, windowSeconds],
    );
    return row.n;
  }

  async recentFailures(client: string, windowSeconds: number, tx: SqlSession = this.db.pool): Promise<number> {
    const [row] = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sign_in_failures WHERE client = $1 AND at >= now() - make_interval(secs => $2)',
      [client, windowSeconds],
    );
    return row.n;
  }

  /**
   * Calls the handlers for each committed change of zone-quarter sums and each decided submission from
   * now on, on a connection of its own; `onError` once that connection fails (changes are then missed
   * until listening again).
   */
  listenForChanges(
    url: string,
    timeouts: DatabaseTimeouts,
    on: LiveHandlers,
    onError: (error: Error) => void,
  ): Promise<NotificationListener> {
    return listenOn(
      url,
      timeouts,
      {
        [FIGURES_CHANGED_CHANNEL]: (payload) => on.figures(JSON.parse(payload) as FiguresChange),
        [REPORTS_DECIDED_CHANNEL]: (payload) => on.verdicts(JSON.parse(payload) as VerdictsChange),
      },
      onError,
    );
  }
}
