import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hashTokenSecret, Principal } from '@app/access';
import { TokenCache } from './token-cache';

/**
 * Resolves bearer tokens with an in-memory cache, so an authenticated request costs no database
 * round trip. Revocations reach every process at once (TokenRevocations); the cache's TTL bounds the rest.
 */
@Injectable()
export class TokenStore {
  private readonly cache = new TokenCache();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  resolve(secret: string): Promise<Principal | null> {
    return this.cache.resolve(hashTokenSecret(secret), (hash) => this.read(hash));
  }

  /** Off while revocations cannot be heard: every request then checks the database. */
  setCaching(on: boolean): void {
    this.cache.setCaching(on);
  }

  forget(tokenId: string): void {
    this.cache.forget(tokenId);
  }

  private async read(hash: string): Promise<Principal | null> {
    const rows: Array<{ id: string; name: string; role: Principal['role']; zone_codes: string[] | null; tax_code: string | null }> =
      await this.db.query(
        'SELECT id, name, role, zone_codes, tax_code FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
        [hash],
      );
    const r = rows[0];
    return r ? { tokenId: r.id, name: r.name, role: r.role, zoneCodes: r.zone_codes, taxCode: r.tax_code } : null;
  }
}
