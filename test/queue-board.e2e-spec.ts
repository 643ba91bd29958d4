import { pageSession } from '../apps/cli/src/bench/page-session';
import { createEnterprise, createZone, reportBody, submitAndDecide } from './support/fixtures';
import { startTestSystem, TestSystem } from './support/test-system';

/* The operators' queue page (bull-board) at /admin/queues: an admin's page session only. */
describe('queue board', () => {
  let sys: TestSystem;
  let admin: string;
  let board: string;

  beforeAll(async () => {
    sys = await startTestSystem('queue_board');
    admin = await sys.token({ role: 'admin', name: 'admin' });
    board = await sys.token({ role: 'board', name: 'BQL', zoneCodes: ['BQ'] });
    await createZone(sys.http, admin, 'BQ', { name: 'KCN Bảo Quang' });
    await createEnterprise(sys.http, admin, '5301200001', 'BQ');
    await submitAndDecide(sys.http, board, reportBody('5301200001', '2025-Q2'));
  });

  afterAll(async () => {
    await sys?.close();
  });

  const get = async (path: string, cookie?: string) =>
    fetch(`${sys.http.baseUrl}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

  it('shows an admin every queue and its jobs', async () => {
    const cookie = await pageSession(sys.http.baseUrl, admin);
    const page = await get('/admin/queues', cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    // The page's script comes from the board too.
    const script = /<script[^>]+src="([^"]+)"/.exec(await page.text())?.[1];
    expect(script).toMatch(/^static\//);
    expect((await get(`/admin/queues/${script}`, cookie)).status).toBe(200);
    const api = await get('/admin/queues/api/queues?activeQueue=reports&status=completed&page=1', cookie);
    expect(api.status).toBe(200);
    const { queues } = (await api.json()) as { queues: Array<{ name: string; counts: Record<string, number> }> };
    expect(queues.map((q) => q.name).sort()).toEqual(['mail', 'publications', 'reminders', 'reports']);
    expect(queues.find((q) => q.name === 'reports')!.counts.completed).toBe(1);
  });

  it('sends a browser without a session to sign in, and refuses a board', async () => {
    const anonymous = await get('/admin/queues/api/queues');
    expect([anonymous.status, anonymous.headers.get('location')]).toEqual([303, '/login?next=%2Fadmin%2Fqueues']);
    const refused = await get('/admin/queues', await pageSession(sys.http.baseUrl, board));
    expect(refused.status).toBe(403);
  });
});
