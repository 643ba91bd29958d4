import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase } from '../libs/database/src/database-admin';
import { AppProcess } from './support/app-process';
import { runCli } from './support/cli';
import { startExtraApi } from './support/extra-process';
import { createEnterprise, createZone, reportBody, submitAndDecide } from './support/fixtures';
import { HttpClient } from './support/http-client';
import { publish } from './support/publish';
import { startTestSystem, TestSystem } from './support/test-system';

/*
 * The restore drill: `cli backup` writes the database to a file, `cli restore` puts it into a new
 * database, and an api started on that one shows the same figures and the same publications.
 */
const ENTERPRISES = ['5301100001', '5301100002', '5301100003', '5301100004'];

describe('backup and restore', () => {
  let sys: TestSystem;
  let restored: { api: AppProcess; http: HttpClient } | null = null;
  let admin: string;
  let board: string;
  const dir = mkdtempSync(join(tmpdir(), 'kcn-backup-'));
  const file = join(dir, 'kcn.dump');
  let restoredUrl: string;

  beforeAll(async () => {
    sys = await startTestSystem('backup_restore');
    const url = new URL(sys.env.DATABASE_URL);
    url.pathname = `${url.pathname}_restored`;
    restoredUrl = url.toString();
    admin = await sys.token({ role: 'admin', name: 'admin' });
    board = await sys.token({ role: 'board', name: 'BQL', zoneCodes: ['TH'] });
    await createZone(sys.http, admin, 'TH', { name: 'KCN Tằng Hải' });
    for (const [i, taxCode] of ENTERPRISES.entries()) {
      await createEnterprise(sys.http, admin, taxCode, 'TH');
      for (const period of ['2025-Q1', '2025-Q2'])
        await submitAndDecide(sys.http, board, reportBody(taxCode, period, { grossOutput: (i + 1) * 2_000_000_000, workers: 50 + i }));
    }
    expect((await publish(sys.http, {}, admin)).status).toBe(202);
  }, 60_000);

  afterAll(async () => {
    await restored?.api.stop();
    await sys?.close();
    await dropDatabase(restoredUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  /** What a board and an admin read: the zone's figures and every publication with its figures. */
  const readings = async (http: HttpClient) => {
    const summaries = await Promise.all(['2025-Q1', '2025-Q2', '2025'].map((p) => http.get(`/v1/zones/TH/summary?period=${p}`, board)));
    const list = await http.get('/v1/publications', admin);
    const publications = await Promise.all(list.body.items.map((p: { id: number }) => http.get(`/v1/publications/${p.id}`, admin)));
    // A summary is as of the moment it is read; the rest must be the same.
    const figures = summaries.map((r) => [r.status, { ...r.body, asOf: undefined }]);
    return { summaries: figures, publications: publications.map((r) => [r.status, r.body]) };
  };

  it('restores into a new database an api shows the same figures and publications from', async () => {
    const before = await readings(sys.http);
    expect(before.publications).toHaveLength(1);

    const backedUp = await runCli(sys.env, ['backup', '--file', file]);
    expect(backedUp.code).toBe(0);
    expect(backedUp.stdout.trim()).toBe(file);
    const restoring = await runCli({ ...sys.env, DATABASE_URL: restoredUrl }, ['restore', '--file', file]);
    expect([restoring.code, restoring.stderr]).toEqual([0, expect.stringContaining('restored')]);

    restored = await startExtraApi(sys, { DATABASE_URL: restoredUrl });
    expect(await readings(restored.http)).toEqual(before);
  }, 60_000);

  it('refuses to restore over a database that has tables, and changes nothing there', async () => {
    const before = await readings(restored!.http);
    const again = await runCli({ ...sys.env, DATABASE_URL: restoredUrl }, ['restore', '--file', file]);
    expect(again.code).not.toBe(0);
    expect(await readings(restored!.http)).toEqual(before);
  });
});
