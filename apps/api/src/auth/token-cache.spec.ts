import type { Principal } from '@app/access';
import { TokenCache } from './token-cache';

const PRINCIPAL: Principal = { tokenId: 'token-1', name: 'DN 1', role: 'enterprise', zoneCodes: null, taxCode: '5300000001' };

/** A token table whose reads can be held, to replay a revocation arriving in the middle of one. */
function tokenTable() {
  let revoked = false;
  let holding = false;
  const held: Array<() => void> = [];
  const reads: string[] = [];
  const read = async (hash: string): Promise<Principal | null> => {
    reads.push(hash);
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

describe('TokenCache', () => {
  it('serves a token from the cache once read', async () => {
    const cache = new TokenCache();
    const t = tokenTable();
    cache.setCaching(true);
    expect(await cache.resolve('hash', t.read)).toEqual(PRINCIPAL);
    expect(await cache.resolve('hash', t.read)).toEqual(PRINCIPAL);
    expect(t.reads).toEqual(['hash']);
  });

  it('does not keep a token whose revocation arrived between its read and the cache write', async () => {
    const cache = new TokenCache();
    const t = tokenTable();
    cache.setCaching(true);
    t.hold();
    const reading = cache.resolve('hash', t.read);
    // The read has reached the database while the token was valid; the revocation commits and its
    // notification arrives before the read's answer.
    expect(t.reads).toEqual(['hash']);
    t.revoke();
    cache.forget(PRINCIPAL.tokenId);
    t.release();
    await reading;

    expect(await cache.resolve('hash', t.read)).toBeNull();
    expect(t.reads).toEqual(['hash', 'hash']);
  });

  it('does not keep a token read while revocations could not be heard', async () => {
    const cache = new TokenCache();
    const t = tokenTable();
    cache.setCaching(true);
    t.hold();
    const reading = cache.resolve('hash', t.read);
    // The listener drops (notifications sent meanwhile are lost) and is back before the read answers.
    cache.setCaching(false);
    t.revoke();
    cache.setCaching(true);
    t.release();
    await reading;

    expect(await cache.resolve('hash', t.read)).toBeNull();
  });
});
