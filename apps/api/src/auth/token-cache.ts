import type { Principal } from '@app/access';

const TTL_MS = 30_000;

interface Entry {
  readonly principal: Principal;
  readonly until: number;
  /** When a request finding it starts reading it again in the background, so that a token in use never expires. */
  readonly refreshAt: number;
  refreshing: boolean;
}

/**
 * Principals by bearer secret (so that a known token costs no hashing), kept TTL_MS after they were
 * read. Caching is on only while revocations can be heard (TokenRevocations); a revocation forgets the
 * token in every process at once. A read is cached only if no revocation was heard, and caching never
 * paused, while it was under way: a token revoked between its read and the cache write would otherwise
 * stay cached. A token in use is read again in the background between half and nine tenths of its TTL,
 * each at its own moment, so that requests never wait for its expiry and expiries never come together.
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private caching = false;
  /** Counts revocations heard and pauses of caching. */
  private generation = 0;

  /** The principal of a bearer secret, from the cache or else from `read` (null: unknown or revoked). */
  resolve(secret: string, read: (secret: string) => Promise<Principal | null>): Promise<Principal | null> {
    const hit = this.caching ? this.entries.get(secret) : undefined;
    const now = Date.now();
    if (!hit || hit.until <= now) return this.load(secret, read);
    if (hit.refreshAt <= now && !hit.refreshing) {
      hit.refreshing = true;
      // A failed refresh leaves the entry to its expiry: the next request past it reads in the foreground.
      this.load(secret, read).catch(() => (hit.refreshing = false));
    }
    return Promise.resolve(hit.principal);
  }

  /** Off while revocations cannot be heard: every request then reads the database. */
  setCaching(on: boolean): void {
    this.caching = on;
    this.generation++;
    if (!on) this.entries.clear();
  }

  forget(tokenId: string): void {
    this.generation++;
    for (const [secret, entry] of this.entries) if (entry.principal.tokenId === tokenId) this.entries.delete(secret);
  }

  private async load(secret: string, read: (secret: string) => Promise<Principal | null>): Promise<Principal | null> {
    const generation = this.generation;
    const principal = await read(secret);
    if (!principal) {
      this.entries.delete(secret);
      return null;
    }
    if (this.caching && generation === this.generation) {
      const now = Date.now();
      this.entries.set(secret, {
        principal,
        until: now + TTL_MS,
        refreshAt: now + TTL_MS * (0.5 + 0.4 * Math.random()),
        refreshing: false,
      });
    }
    return principal;
  }
}
