import { hashTokenSecret, issueSignInLink, issueToken, SIGN_IN_LINK_PATH } from '@app/access';
import { ApiTokensRepository } from '../../libs/database/src/repositories/api-tokens.repository';
import { SignInLinksRepository } from '../../libs/database/src/repositories/sign-in-links.repository';
import { openTestDatabase, TestDatabase } from '../support/test-database';

/** One-time sign-in links against a real database: a link names its token once, only while it lasts and the token does. */
describe('sign-in links repository', () => {
  let db: TestDatabase;
  let links: SignInLinksRepository;
  let tokens: ApiTokensRepository;

  beforeAll(async () => {
    db = await openTestDatabase('repo-sign-in-links');
    links = new SignInLinksRepository(db.transactions);
    tokens = new ApiTokensRepository(db.transactions);
  });
  afterAll(async () => {
    await db?.close();
  });

  const codeOf = (path: string) => new URL(path, 'http://x').pathname.slice(SIGN_IN_LINK_PATH.length + 1);

  it('names its token once, stores only the hash of its code and expires after 15 minutes', async () => {
    const { id } = await issueToken(tokens, { role: 'board', name: 'BQL', zoneCodes: null });
    const link = await issueSignInLink(links, id, '/?period=2025-Q3');
    expect(link.path).toMatch(/\?next=%2F%3Fperiod%3D2025-Q3$/);
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    const code = codeOf(link.path);
    expect(await db.query('SELECT 1 FROM sign_in_links WHERE code_hash = $1', [code])).toEqual([]);
    const twice = await Promise.all([links.use(hashTokenSecret(code)), links.use(hashTokenSecret(code))]);
    expect(twice.filter((t) => t !== null)).toEqual([id]);
  });

  it('is refused once expired, or once its token is revoked', async () => {
    const { id } = await issueToken(tokens, { role: 'board', name: 'BQL', zoneCodes: null });
    const expired = codeOf((await issueSignInLink(links, id)).path);
    await db.query("UPDATE sign_in_links SET expires_at = now() - interval '1 second' WHERE code_hash = $1", [hashTokenSecret(expired)]);
    expect(await links.use(hashTokenSecret(expired))).toBeNull();
    const revoked = codeOf((await issueSignInLink(links, id)).path);
    expect(await tokens.revoke(id)).toBe(true);
    expect(await links.use(hashTokenSecret(revoked))).toBeNull();
    expect(await links.use(hashTokenSecret('never-issued'))).toBeNull();
  });
});
