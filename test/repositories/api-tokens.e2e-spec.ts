import { createHash } from 'node:crypto';
import { issueToken } from '@app/access';
import { ApiTokensRepository, RevocationListener } from '../../libs/database/src/repositories/api-tokens.repository';
import { openTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Tokens against a real database, without HTTP: only the hash is stored, a revoked token no longer
 * resolves, and every listener hears of a revocation when (and only if) it commits.
 */
const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');

describe('api tokens repository', () => {
  let db: TestDatabase;
  let tokens: ApiTokensRepository;
  let listener: RevocationListener;
  const heard: string[] = [];
  const listenerErrors: string[] = [];
  const waiting: Array<{ id: string; resolve: () => void }> = [];

  /** Resolves once the revocation of `id` has been heard. */
  const hear = (id: string) => new Promise<void>((resolve) => (heard.includes(id) ? resolve() : waiting.push({ id, resolve })));

  beforeAll(async () => {
    db = await openTestDatabase('repo-api-tokens');
    tokens = new ApiTokensRepository(db.transactions);
    const timeouts = { connectMs: 3000, statementMs: 5000, lockMs: 3000, idleInTransactionMs: 60_000 };
    listener = await tokens.listenForRevocations(
      db.url,
      timeouts,
      (id) => {
        heard.push(id);
        for (const w of waiting.filter((x) => x.id === id)) w.resolve();
      },
      (error) => listenerErrors.push(error.message),
    );
  });
  afterAll(async () => {
    await listener?.close();
    await db?.close();
  });

  it('stores the hash of a new token, never its secret, and resolves the secret to its holder and scope', async () => {
    const board = await issueToken(tokens, { role: 'board', name: 'BQL Bắc Duyên Hải', zoneCodes: ['BDH', 'DPM'] });
    const [row] = await db.query('SELECT token_hash, role, zone_codes, tax_code FROM api_tokens WHERE id = $1', [board.id]);
    expect(row).toEqual({ token_hash: sha256(board.token), role: 'board', zone_codes: ['BDH', 'DPM'], tax_code: null });
    expect(JSON.stringify(await db.query('SELECT * FROM api_tokens'))).not.toContain(board.token);
    expect(await tokens.findActive(sha256(board.token))).toEqual({
      id: board.id,
      name: 'BQL Bắc Duyên Hải',
      role: 'board',
      zoneCodes: ['BDH', 'DPM'],
      taxCode: null,
    });
    const filer = await issueToken(tokens, { role: 'enterprise', name: 'DN', taxCode: '5300123456' });
    expect(await tokens.findActive(sha256(filer.token))).toMatchObject({ role: 'enterprise', zoneCodes: null, taxCode: '5300123456' });
    expect(await tokens.findActive(sha256('kcn_unknown'))).toBeNull();
  });

  it('issues a token in the caller transaction: none is left when it rolls back', async () => {
    let secret = '';
    await expect(
      db.transactions.run(async (tx) => {
        secret = (await issueToken(tokens, { role: 'admin', name: 'Bỏ dở' }, tx)).token;
        throw new Error('the rest of the unit of work failed');
      }),
    ).rejects.toThrow('the rest of the unit of work failed');
    expect(await tokens.findActive(sha256(secret))).toBeNull();
    expect(await db.query(`SELECT 1 FROM api_tokens WHERE name = 'Bỏ dở'`)).toEqual([]);
  });

  it('revokes a token once: it resolves no more, and every listener hears of it', async () => {
    const t = await issueToken(tokens, { role: 'admin', name: 'Thu hồi' });
    expect(await tokens.revoke(t.id)).toBe(true);
    await hear(t.id);
    expect(await tokens.findActive(sha256(t.token))).toBeNull();
    expect(await tokens.revoke(t.id)).toBe(false);
    expect(await tokens.revoke('00000000-0000-4000-8000-000000000000')).toBe(false);
  });

  it('announces a revocation when its transaction commits, and never one rolled back', async () => {
    const [kept, later, other] = await Promise.all(
      ['Giữ lại', 'Thu hồi sau', 'Thu hồi khác'].map((name) => issueToken(tokens, { role: 'admin', name })),
    );
    await expect(
      db.transactions.run(async (tx) => {
        await tokens.revoke(kept.id, tx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await tokens.findActive(sha256(kept.token))).not.toBeNull();

    await db.transactions.run(async (tx) => {
      expect(await tokens.revoke(later.id, tx)).toBe(true);
      // Another revocation commits meanwhile and is heard; notifications arrive in commit order, so
      // had either of the others been sent already it would have been heard first.
      expect(await tokens.revoke(other.id)).toBe(true);
      await hear(other.id);
      expect(heard).not.toContain(later.id);
      expect(heard).not.toContain(kept.id);
    });
    await hear(later.id);
    expect(heard).not.toContain(kept.id);
    expect(listenerErrors).toEqual([]);
  });
});
