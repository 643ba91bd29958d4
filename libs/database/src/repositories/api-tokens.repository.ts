import { DatabaseTimeouts } from '../data-source-options';
import { listenOn, NotificationListener } from '../sql/notification-listener';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

export type Role = 'admin' | 'board' | 'enterprise';

/** The channel on which every api process hears of revoked tokens (the payload is the token's id). */
export const TOKEN_REVOKED_CHANNEL = 'token_revoked';

export interface NewApiToken {
  readonly name: string;
  readonly role: Role;
  /** Board scope; null means every zone. */
  readonly zoneCodes: readonly string[] | null;
  readonly taxCode: string | null;
  /** SHA-256 of the secret, hex: the secret itself is never stored. */
  readonly tokenHash: string;
  readonly createdBy: string | null;
}

/** A token not revoked: who holds it and their scope. */
export interface ActiveToken {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly zoneCodes: string[] | null;
  readonly taxCode: string | null;
}

/** Stops listening. */
export type RevocationListener = NotificationListener;

/** Bearer tokens: issuing, reading by hash, revoking, and hearing of revocations. */
export class ApiTokensRepository {
  constructor(private readonly db: Transactions) {}

  /** Stores a token; returns its id. */
  async insert(token: NewApiToken, tx: SqlSession = this.db.pool): Promise<string> {
    const [row] = await tx.query<{ id: string }>(
      'INSERT INTO api_tokens (name, role, zone_codes, tax_code, token_hash, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [token.name, token.role, token.zoneCodes, token.taxCode, token.tokenHash, token.createdBy],
    );
    return row.id;
  }

  async findActive(tokenHash: string, tx: SqlSession = this.db.pool): Promise<ActiveToken | null> {
    const [r] = await tx.query<{ id: string; name: string; role: Role; zone_codes: string[] | null; tax_code: string | null }>(
      'SELECT id, name, role, zone_codes, tax_code FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
      [tokenHash],
    );
    return r ? { id: r.id, name: r.name, role: r.role, zoneCodes: r.zone_codes, taxCode: r.tax_code } : null;
  }

  /**
   * Revokes an active token and announces it on TOKEN_REVOKED_CHANNEL (heard when the caller's
   * transaction commits, never for one rolled back). False when no active token has this id.
   */
  async revoke(id: string, tx: SqlSession = this.db.pool): Promise<boolean> {
    const rows = await tx.query(
      `WITH revoked AS (UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id)
       SELECT pg_notify($2, id::text) FROM revoked`,
      [id, TOKEN_REVOKED_CHANNEL],
    );
    return rows.length > 0;
  }

  /**
   * Calls `onRevoked` with the id of each token revoked from now on, on a connection of its own;
   * `onError` once that connection fails (revocations are then missed until listening again).
   */
  listenForRevocations(
    url: string,
    timeouts: DatabaseTimeouts,
    onRevoked: (tokenId: string) => void,
    onError: (error: Error) => void,
  ): Promise<RevocationListener> {
    return listenOn(url, timeouts, { [TOKEN_REVOKED_CHANNEL]: onRevoked }, onError);
  }
}
