import { SingleBar, Presets } from 'cli-progress';
import { createInterface } from 'node:readline';
import { Pool } from 'pg';
import { issueSignInLink, issueToken, SIGN_IN_LINK_SECONDS } from '@app/access';
import { Settings } from '@app/config';
import { deleteKeys, redisEnvironment } from '@app/queue';
import { periodNameOf } from '@app/domain';
import {
  ADMIN_TIMEOUTS,
  ApiTokensRepository,
  dropDatabase,
  ensureDatabase,
  migrateDatabase,
  pgConnectionOptions,
  SignInLinksRepository,
  Transactions,
  withTransactions,
} from '@app/database';
import { AppProcess, freePort } from '../processes/app-process';
import { HttpClient } from '../processes/http-client';
import { buildDemoDataset, DemoFiling } from './demo-dataset';
import { publishDemoMonth } from './demo-publication';
import { LAO_CAI_PLAN_TARGETS } from './lao-cai-plan';
import { planTable } from './plan-table';
import { downloadWorkbook } from './workbook-download';
import { zoneTable } from './zone-table';

const CONCURRENCY = 16;
const WORKBOOK_DIR = 'var/demo';
/** The periods the walkthrough shows: the published year, and this year to date. */
const SHOWN_PERIODS = [
  { query: 'period=2024', title: `${periodNameOf('2024', 'vi')} (${periodNameOf('2024', 'en')})` },
  { query: 'from=2025-Q1&to=2025-Q3', title: `${periodNameOf('2025-Q1..2025-Q3', 'vi')} (${periodNameOf('2025-Q1..2025-Q3', 'en')})` },
];
// The latest quarter the demo files: the pages' own default (the latest quarter past due) holds nothing yet.
const OVERVIEW_PERIOD = '2025-Q3';
/** The plan as of the end of the last quarter filed. */
const PLAN_AS_OF = '2025-09-30';

/** Runs `work` over items, a few at a time, ticking a progress bar. */
async function withProgress<T>(label: string, items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  const bar = new SingleBar(
    { format: `${label.padEnd(34)} {bar} {value}/{total}`, noTTYOutput: true, notTTYSchedule: 2000 },
    Presets.shades_classic,
  );
  bar.start(items.length, 0);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      await work(items[next++]);
      bar.increment();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  bar.stop();
}

async function expect2xx(reply: Promise<{ status: number; body: unknown }>, what: string): Promise<void> {
  const r = await reply;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
}

/**
 * The seeded walkthrough: a fresh database, the api and worker as real processes, the Lào Cai registry,
 * 2024 and 2025 Q1–Q3 filed over HTTP, the board's tables and its workbooks, written under var/demo.
 */
export async function demo(settings: Settings, flags: Record<string, string>, log: (line: string) => void): Promise<void> {
  const databaseUrl = new URL(settings.DATABASE_URL);
  databaseUrl.pathname = '/kcn_demo';
  const port = await freePort();
  const env = {
    DATABASE_URL: databaseUrl.toString(),
    ...redisEnvironment(settings),
    QUEUE_PREFIX: 'kcn-demo',
    PORT: String(port),
    WORKER_HEALTH_PORT: String(await freePort()),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    MAIL_DIR: 'var/demo-mail',
  };
  log('1. Fresh database kcn_demo, migrations, api and worker');
  await dropDatabase(env.DATABASE_URL);
  await ensureDatabase(env.DATABASE_URL);
  await migrateDatabase(env.DATABASE_URL);
  await deleteKeys({ ...settings, QUEUE_PREFIX: env.QUEUE_PREFIX });
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 1, ...pgConnectionOptions(ADMIN_TIMEOUTS) });
  const { token: admin } = await issueToken(new ApiTokensRepository(new Transactions(pool)), { role: 'admin', name: 'Demo administrator' });
  await pool.end();

  const api = AppProcess.start('api', env);
  const worker = AppProcess.start('worker', { ...env, LOG_LEVEL: 'info' });
  const http = new HttpClient(`http://127.0.0.1:${port}`);
  try {
    await api.waitUntil(async () => (await http.get('/health/ready')).status === 200);
    await worker.waitUntil(() => worker.output.includes('worker ready'));
    log(`   api on ${http.baseUrl} (OpenAPI at ${http.baseUrl}/docs)`);

    const data = buildDemoDataset();
    log(`\n2. Registry: ${data.zones.length} zones, ${data.enterprises.length} enterprises, ${data.projects.length} projects`);
    await withProgress('   zones', data.zones, async ({ year2024: _, leasableLand, ...zone }) => {
      await expect2xx(http.post('/v1/zones', zone, admin), `zone ${zone.code}`);
      for (const [from, ha] of leasableLand ?? []) {
        await expect2xx(http.put(`/v1/zones/${zone.code}/land/${from}`, { leasableHa: ha }, admin), `land of ${zone.code}`);
      }
    });
    await withProgress('   enterprises', data.enterprises, async (e) =>
      expect2xx(http.post('/v1/enterprises', e, admin), `enterprise ${e.taxCode}`),
    );
    await withProgress('   projects', data.projects, async (p) => expect2xx(http.post('/v1/projects', p, admin), `project ${p.code}`));
    await withProgress('   annual targets', data.targets, async (t) =>
      expect2xx(http.put(`/v1/targets/${t.zoneCode}/${t.year}`, { grossOutputConstant2010: t.grossOutputConstant2010 }, admin), 'target'),
    );

    await withProgress('   plan targets', LAO_CAI_PLAN_TARGETS, async ({ key, ...target }) =>
      expect2xx(http.put(`/v1/plan/targets/${key}`, target, admin), `plan target ${key}`),
    );

    const boardToken = { role: 'board', name: 'Ban Quản lý KKT tỉnh Lào Cai', zoneCodes: 'all' };
    const { id: boardId, token: board } = (await http.post<{ id: string; token: string }>('/v1/tokens', boardToken, admin)).body;
    const counts = (kind: DemoFiling['kind']) => data.filings.filter((f) => f.kind === kind).length;
    log(`\n3. Filings 2024-Q1..2025-Q3 over HTTP (paper forms keyed in by the board with their receipt stamps):`);
    log(
      `   ${data.filings.length} submissions: ${counts('rejected')} rejected first tries and their corrections, ` +
        `${counts('amendment')} amendments`,
    );
    for (const phase of [1, 2, 3] as const) {
      const filings = data.filings.filter((f) => f.phase === phase);
      const label = ['', '   originals', '   corrections of rejected reports', '   amendments'][phase];
      await withProgress(label, filings, async (f) =>
        expect2xx(http.post('/v1/reports', f.body, board), `report ${String(f.body.taxCode)} ${String(f.body.period)}`),
      );
      await waitForVerdicts(http, board);
    }
    const verdicts = await http.get<{ items: Array<{ issues: Array<{ code: string }> }> }>('/v1/reports?status=rejected&limit=500', board);
    const rejected = verdicts.body.items;
    log(`   worker verdicts done: ${rejected.length} rejected (${rejected[0]?.issues[0]?.code ?? '-'}), the rest accepted`);

    for (const { query, title } of SHOWN_PERIODS) {
      const summary = (await http.get<Parameters<typeof zoneTable>[0]>(`/v1/summaries?${query}`, board)).body;
      log(`\n4. Zone summary ${title}  (GTSX = gross output, current prices; KH = progress on the annual target at 2010 prices)`);
      log(zoneTable(summary));
    }
    const plan = (await http.get<Parameters<typeof planTable>[0]>(`/v1/plan?asOf=${PLAN_AS_OF}`, board)).body;
    log(`\n5. The province plan as of ${PLAN_AS_OF} (GET /v1/plan; the path is linear from 2021, a year's output by quarter):`);
    log(planTable(plan));
    log('\n6. The same as workbooks for the board (GET /v1/summaries.xlsx):');
    for (const { query } of SHOWN_PERIODS) log(`   ${await downloadWorkbook(http, `/v1/summaries.xlsx?${query}`, board, WORKBOOK_DIR)}`);
    log("   and the board's report to the ministry for 2024 (GET /v1/upward-reports/2024.xlsx, FDI and domestic blocks):");
    log(`   ${await downloadWorkbook(http, '/v1/upward-reports/2024.xlsx', board, WORKBOOK_DIR)}`);
    log('\n7. Monthly publication and its emails (POST /v1/publications, as the schedule does on day 1 at 07:00):');
    for (const line of await publishDemoMonth(http, admin, env.MAIL_DIR)) log(line);
    const overview = `/?period=${OVERVIEW_PERIOD}`;
    if (flags.keep === 'true') {
      log(`\n8. The pages, live while the api and worker keep running (Ctrl-C to stop); OpenAPI at ${http.baseUrl}/docs.`);
      log(`   The overview is at ${http.baseUrl}${overview}`);
      const filer = data.enterprises[0];
      const enterpriseToken = { role: 'enterprise', name: `Kế toán ${filer.name}`, taxCode: filer.taxCode };
      const { id: filerId } = (await http.post<{ id: string }>('/v1/tokens', enterpriseToken, admin)).body;
      const printLinks = async () => {
        const links = await withTransactions(env.DATABASE_URL, ADMIN_TIMEOUTS, async (t) => [
          await issueSignInLink(new SignInLinksRepository(t), boardId, overview),
          await issueSignInLink(new SignInLinksRepository(t), filerId, '/'),
        ]);
        const minutes = SIGN_IN_LINK_SECONDS / 60;
        log(`   One-time links, each valid for ${minutes} minutes and once (a private window keeps the two sessions apart):`);
        log(`   the board, on the overview: ${http.baseUrl}${links[0].path}`);
        log(`   ${filer.name}, on its quarters: ${http.baseUrl}${links[1].path}`);
        log('   Press Enter for new links.');
      };
      await printLinks();
      const input = createInterface({ input: process.stdin });
      input.on('line', () => void printLinks());
      await new Promise((resolve) => process.once('SIGINT', resolve));
      input.close();
    } else {
      log(`\n8. The board's overview (run with --keep to browse it, signed in through a one-time link): ${http.baseUrl}${overview}`);
    }
  } finally {
    await Promise.all([api.stop(), worker.stop()]);
  }
}

async function waitForVerdicts(http: HttpClient, token: string): Promise<void> {
  for (;;) {
    const pending = await http.get<{ items: unknown[] }>('/v1/reports?status=received&limit=1', token);
    if (pending.body.items.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
