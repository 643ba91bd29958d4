import type { Principal } from '@app/access';

const TTL_MS = 30_000;

/**
 * Principals by token hash, kept TTL_MS after they were read. Caching is on only while revocations
 * can be heard (TokenRevocations); a revocation forgets the token in every process at once.
 * A read is cached only if no revocation was heard, and caching never paused, while it was under way:
 * a token revoked between its read and the cache write would otherwise stay cached.
 */
export class TokenCache {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();
  private caching = false;
  /** Counts revocations heard and pauses of caching. */
  private generation = 0;

  /** The principal of a token hash, from the cache or else from `read` (null: unknown or revoked). */
  async resolve(hash: string, read: (hash: string) => Promise<Principal | null>): Promise<Principal | null> {
    const hit = this.caching ? this.entries.get(hash) : undefined;
    if (hit && hit.until > Date.now()) return hit.principal;
    const generation = this.generation;
    const principal = await read(hash);
    if (!principal) {
      this.entries.delete(hash);
      return null;
    }
    if (this.caching && generation === this.generation) this.entries.set(hash, { principal, until: Date.now() + TTL_MS });
    return principal;
  }

  /** Off while revocations cannot be heard: every request then reads the database. */
  setCaching(on: boolean): void {
    this.caching = on;
    this.generation++;
    if (!on) this.entries.clear();
  }

  forget(tokenId: string): void {
    this.generation++;
    for (const [hash, entry] of this.entries) if (entry.principal.tokenId === tokenId) this.entries.delete(hash);
  }
}
