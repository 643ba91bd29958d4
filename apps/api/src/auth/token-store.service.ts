import { Injectable } from '@nestjs/common';
import { hashTokenSecret, Principal } from '@app/access';
import { ApiTokensRepository } from '@app/database';
import { TokenCache } from './token-cache';

/**
 * Resolves bearer tokens with an in-memory cache by secret, so an authenticated request costs no database
 * round trip and no hashing. Revocations reach every process at once (TokenRevocations); the cache's TTL
 * bounds the rest.
 */
@Injectable()
export class TokenStore {
  private readonly cache = new TokenCache();

  constructor(private readonly tokens: ApiTokensRepository) {}

  resolve(secret: string): Promise<Principal | null> {
    return this.cache.resolve(secret, (known) => this.read(hashTokenSecret(known)));
  }

  /** Off while revocations cannot be heard: every request then checks the database. */
  setCaching(on: boolean): void {
    this.cache.setCaching(on);
  }

  forget(tokenId: string): void {
    this.cache.forget(tokenId);
  }

  private async read(hash: string): Promise<Principal | null> {
    const t = await this.tokens.findActive(hash);
    return t ? { tokenId: t.id, name: t.name, role: t.role, zoneCodes: t.zoneCodes, taxCode: t.taxCode } : null;
  }
}
