import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

/** One-time sign-in links, stored by the hash of their code. */
export class SignInLinksRepository {
  constructor(private readonly db: Transactions) {}

  async create(codeHash: string, tokenId: string, lifetimeSeconds: number, tx: SqlSession = this.db.pool): Promise<Date> {
    const [row] = await tx.query<{ expires_at: Date }>(
      'INSERT INTO sign_in_links (code_hash, token_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3)) RETURNING expires_at',
      [codeHash, tokenId, lifetimeSeconds],
    );
    return row.expires_at;
  }

  /**
   * Marks the link used and returns its token's id, when the link was never used, has not expired and
   * its token is not revoked; null otherwise. One statement, so two uses at once cannot both succeed.
   */
  async use(codeHash: string, tx: SqlSession = this.db.pool): Promise<string | null> {
    const [row] = await tx.query<{ token_id: string }>(
      `UPDATE sign_in_links l SET used_at = now() FROM api_tokens t
       WHERE l.code_hash = $1 AND l.used_at IS NULL AND l.expires_at > now() AND t.id = l.token_id AND t.revoked_at IS NULL
       RETURNING l.token_id`,
      [codeHash],
    );
    return row?.token_id ?? null;
  }
}
