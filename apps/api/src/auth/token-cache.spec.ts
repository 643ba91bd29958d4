import type { Principal } from '@app/access';
import { TokenCache } from './token-cache';

const PRINCIPAL: Principal = { tokenId: 'token-1', name: 'DN 1', role: 'enterprise', zoneCodes: null, taxCode: '5300000001' };

/** A token table whose reads can be held, to replay a revocation arriving in the middle of one. */
function tokenTable() {
  let revoked = false;
  let holding = false;
  const held: Array<() => void> = [];
  const reads: string[] = [];
  const read = async (secret: string): Promise<Principal | null> => {
    reads.push(secret);
    // The row as it was when the read reached the database, answered when the test lets it go.
    const found = revoked ? null : PRINCIPAL;
    if (holding) await new Promise<void>((release) => held.push(release));
    return found;
  };
  return {
    read,
    reads,
    hold: () => (holding = true),
    release: () => {
      holding = false;
      for (const r of held.splice(0)) r();
    },
    revoke: () => (revoked = true),
  };
}

/** Lets the promise chains of a released read run to their end (timers are fake, microtasks are not). */
async function settled(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('TokenCache', () => {
  it('serves a token from the cache once read', async () => {
    const cache = new TokenCache();
    const t = tokenTable();
    cache.setCaching(true);
    expect(await cache.resolve('secret', t.read)).toEqual(PRINCIPAL);
    expect(await cache.resolve('secret', t.read)).toEqual(PRINCIPAL);
    expect(t.reads).toEqual(['secret']);
  });

  it('does not keep a token whose revocation arrived between its read and the cache write', async () => {
    const cache = new TokenCache();
    const t = tokenTable();
    cache.setCaching(true);
    t.hold();
    const reading = cache.resolve('secret', t.read);
    // The read has reached the database while the token was valid; the revocation commits and its
    // notification arrives before the read's answer.
    expect(t.reads).toEqual(['secret']);
    t.revoke();
    cache.forget(PRINCIPAL.tokenId);
    t.release();
    await reading;

    expect(await cache.resolve('secret', t.read)).toBeNull();
    expect(t.reads).toEqual(['secret', 'secret']);
  });

  it('does not keep a token read while revocations could not be heard', async () => {
    const cache = new TokenCache();
    const t = tokenTable();
    cache.setCaching(true);
    t.hold();
    const reading = cache.resolve('secret', t.read);
    // The listener drops (notifications sent meanwhile are lost) and is back before the read answers.
    cache.setCaching(false);
    t.revoke();
    cache.setCaching(true);
    t.release();
    await reading;

    expect(await cache.resolve('secret', t.read)).toBeNull();
  });

  describe('refresh ahead of expiry', () => {
    afterEach(() => {
      jest.useRealTimers();
      jest.restoreAllMocks();
    });

    it('reads a token in use again in the background in the second half of its TTL, never making a request wait', async () => {
      jest.useFakeTimers({ now: 0 });
      jest.spyOn(Math, 'random').mockReturnValue(0.5);
      const cache = new TokenCache();
      const t = tokenTable();
      cache.setCaching(true);
      await cache.resolve('secret', t.read);
      // Refresh due at 0.7 of the 30 s TTL: before it, from the cache alone.
      jest.setSystemTime(20_000);
      await cache.resolve('secret', t.read);
      expect(t.reads).toEqual(['secret']);
      jest.setSystemTime(23_000);
      t.hold();
      // Answered from the cache while the read is held; one read however many requests come meanwhile.
      expect(await cache.resolve('secret', t.read)).toEqual(PRINCIPAL);
      expect(await cache.resolve('secret', t.read)).toEqual(PRINCIPAL);
      expect(t.reads).toEqual(['secret', 'secret']);
      t.release();
      await settled();
      // The refreshed entry lasts a TTL from its own read: past the first one's expiry (30 s), answered
      // from the cache while its own refresh (due at 44 s) is held.
      jest.setSystemTime(50_000);
      t.hold();
      expect(await cache.resolve('secret', t.read)).toEqual(PRINCIPAL);
      expect(t.reads).toEqual(['secret', 'secret', 'secret']);
      t.release();
    });

    it('does not keep a token revoked while its background read was under way', async () => {
      jest.useFakeTimers({ now: 0 });
      const cache = new TokenCache();
      const t = tokenTable();
      cache.setCaching(true);
      await cache.resolve('secret', t.read);
      jest.setSystemTime(29_000);
      t.hold();
      await cache.resolve('secret', t.read);
      t.revoke();
      cache.forget(PRINCIPAL.tokenId);
      t.release();
      await settled();

      expect(await cache.resolve('secret', t.read)).toBeNull();
    });

    it('spreads the refreshes of tokens read together over the second half of their TTL', async () => {
      const cache = new TokenCache();
      cache.setCaching(true);
      const dues: number[] = [];
      for (let i = 0; i < 200; i++) {
        jest.useFakeTimers({ now: 0 });
        const t = tokenTable();
        await cache.resolve(`secret-${i}`, t.read);
        // The first moment this token is read again in the background.
        let at = 15_000;
        while (t.reads.length === 1 && at < 30_000) {
          jest.setSystemTime(at);
          await cache.resolve(`secret-${i}`, t.read);
          at += 500;
        }
        dues.push(at);
      }
      expect(Math.min(...dues)).toBeLessThan(17_000);
      expect(Math.max(...dues)).toBeGreaterThan(25_000);
    });
  });
});
