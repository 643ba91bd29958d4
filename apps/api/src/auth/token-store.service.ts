import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hashTokenSecret, Principal } from '@app/access';

const TTL_MS = 30_000;

/**
 * Resolves bearer tokens with an in-memory cache, so an authenticated request costs no database
 * round trip. Revocations reach every process at once (TokenRevocations); TTL_MS bounds the rest.
 */
@Injectable()
export class TokenStore {
  private readonly cache = new Map<string, { principal: Principal; until: number }>();
  private caching = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async resolve(secret: string): Promise<Principal | null> {
    const hash = hashTokenSecret(secret);
    const hit = this.caching ? this.cache.get(hash) : undefined;
    if (hit && hit.until > Date.now()) return hit.principal;
    const rows: Array<{ id: string; name: string; role: Principal['role']; zone_codes: string[] | null; tax_code: string | null }> =
      await this.db.query(
        'SELECT id, name, role, zone_codes, tax_code FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
        [hash],
      );
    if (rows.length === 0) {
      this.cache.delete(hash);
      return null;
    }
    const r = rows[0];
    const principal: Principal = { tokenId: r.id, name: r.name, role: r.role, zoneCodes: r.zone_codes, taxCode: r.tax_code };
    this.cache.set(hash, { principal, until: Date.now() + TTL_MS });
    return principal;
  }

  /** Off while revocations cannot be heard: every request then checks the database. */
  setCaching(on: boolean): void {
    this.caching = on;
    if (!on) this.cache.clear();
  }

  forget(tokenId: string): void {
    for (const [hash, entry] of this.cache) if (entry.principal.tokenId === tokenId) this.cache.delete(hash);
  }
}
