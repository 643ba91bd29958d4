import { Pool } from 'pg';
import { hashTokenSecret, issueSignInLink, issueToken, TokenRequest } from '@app/access';
import { dropDatabase } from '../../libs/database/src/database-admin';
import { ApiTokensRepository } from '../../libs/database/src/repositories/api-tokens.repository';
import { SignInLinksRepository } from '../../libs/database/src/repositories/sign-in-links.repository';
import { Transactions } from '../../libs/database/src/sql/transactions.service';
import { AppProcess, freePort } from './app-process';
// The file itself, not the @app/config door: that pulls in Nest modules, which jest cannot load as ESM.
import { loadSettings } from '../../libs/config/src/settings';
import { deleteKeys } from '@app/queue';
import { HttpClient } from './http-client';
import { copyTemplateDatabase } from './test-database';
import { queuePrefix, REDIS_URL, runId } from './test-run';

/** The api and worker processes of one suite, on their own database (a copy of the migrated template) and key prefix. */
export interface TestSystem {
  readonly env: Record<string, string>;
  readonly http: HttpClient;
  /** Direct database access for assertions: rows of a query. */
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  token(request: TokenRequest): Promise<string>;
  /** The path of a new one-time sign-in link for a token (as the demo prints it). */
  signInLink(token: string, next?: string): Promise<string>;
  startWorker(extraEnv?: Record<string, string>): Promise<void>;
  stopWorker(signal?: NodeJS.Signals): Promise<void>;
  /** The worker started last still runs (it was neither stopped nor has it exited). */
  workerRunning(): boolean;
  /** What the api, and the worker started last, have written so far, line by line. */
  apiOutput(): string[];
  workerOutput(): string[];
  close(): Promise<void>;
}

/**
 * Starts a suite's api and worker. `env` overrides settings; as a function it gets the suite's own
 * settings first (to route DATABASE_URL through a proxy, say), while the suite's queries go direct.
 */
export async function startTestSystem(
  suite: string,
  env: Record<string, string> | ((settings: Record<string, string>) => Record<string, string>) = {},
): Promise<TestSystem> {
  const run = runId();
  const url = await copyTemplateDatabase(suite);
  const port = await freePort();
  const base: Record<string, string> = {
    DATABASE_URL: url,
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix(run, suite),
    PORT: String(port),
    WORKER_HEALTH_PORT: String(await freePort()),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    OUTBOX_POLL_MS: '20',
    DB_POOL_SIZE: '5',
    MAIL_DIR: `var/test-mail/${run}-${suite}`,
  };
  const settings: Record<string, string> = { ...base, ...(typeof env === 'function' ? env(base) : env) };
  const http = new HttpClient(`http://127.0.0.1:${port}`);
  const pool = new Pool({ connectionString: url, max: 2 });
  // pool.end() resolves before its connections have closed, and close() then drops the database WITH
  // (FORCE): a connection still closing hears "terminating connection", which unheard fails the suite.
  pool.on('error', () => undefined);
  const transactions = new Transactions(pool);
  const tokens = new ApiTokensRepository(transactions);
  const api = AppProcess.start('api', settings);
  let worker: AppProcess | null = null;
  await api.waitUntil(async () => (await http.get('/health/live')).status === 200);

  const system: TestSystem = {
    env: settings,
    http,
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    token: async (request) => (await issueToken(tokens, request)).token,
    signInLink: async (token, next) => {
      const { id } = (await tokens.findActive(hashTokenSecret(token)))!;
      return (await issueSignInLink(new SignInLinksRepository(transactions), id, next)).path;
    },
    async startWorker(extraEnv = {}) {
      if (worker?.running) return;
      worker = AppProcess.start('worker', { ...settings, ...extraEnv, LOG_LEVEL: 'info' });
      const started = worker;
      await started.waitUntil(() => started.output.includes('worker ready'));
    },
    async stopWorker(signal) {
      await worker?.stop(signal);
      worker = null;
    },
    workerRunning: () => worker?.running ?? false,
    apiOutput: () => lines(api),
    workerOutput: () => (worker ? lines(worker) : []),
    async close() {
      await Promise.all([api.stop(), system.stopWorker()]);
      await pool.end();
      await dropDatabase(url);
      await deleteKeys(loadSettings(settings));
    },
  };
  await system.startWorker();
  return system;
}

const lines = (p: AppProcess) => (p.output === '' ? [] : p.output.split('\n'));
