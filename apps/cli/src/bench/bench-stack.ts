import { Pool } from 'pg';
import { issueToken } from '@app/access';
import { apiProcesses, Settings } from '@app/config';
import { deleteKeys, redisEnvironment } from '@app/queue';
import {
  ADMIN_TIMEOUTS,
  ApiTokensRepository,
  BenchData,
  dropDatabase,
  ensureDatabase,
  migrateDatabase,
  pgConnectionOptions,
  Transactions,
} from '@app/database';
import { AppProcess, freePort } from '../processes/app-process';
import { HttpClient } from '../processes/http-client';

/** The stored history every section may stand on: 10 zones and 10 thousand enterprises until a section loads more. */
const REGISTRY = { zones: 10, enterprises: 10_000, quarters: 0 };

/**
 * The database kcn_bench, the api and the worker that the sections of the bench share, so
 * that a section run alone (`--only`) sets up what it needs and a full run loads the 1 million reports once.
 */
export class BenchStack {
  readonly http: HttpClient;
  readonly data: BenchData;
  /** Accepted reports loaded as history, or null while only the registry (or nothing) is loaded. */
  private loaded: number | null = null;
  private registryLoaded = false;
  private apiProcess: AppProcess | null = null;
  private workerProcess: AppProcess | null = null;

  private constructor(
    private readonly settings: Settings,
    readonly env: Record<string, string>,
    /** The api's processes: `--api-processes`, else what the api makes of API_PROCESSES here. */
    readonly apiProcesses: number,
    private readonly pool: Pool,
    readonly transactions: Transactions,
  ) {
    this.http = new HttpClient(`http://127.0.0.1:${env.PORT}`);
    this.data = new BenchData(transactions);
  }

  /** A fresh database, migrated, and the bench's queue keys removed; `processes` null leaves the api its own setting. */
  static async create(settings: Settings, processes: number | null): Promise<BenchStack> {
    const url = new URL(settings.DATABASE_URL);
    url.pathname = '/kcn_bench';
    const env = {
      DATABASE_URL: url.toString(),
      ...redisEnvironment(settings),
      QUEUE_PREFIX: 'kcn-bench',
      PORT: String(await freePort()),
      WORKER_HEALTH_PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '8',
      ...(processes === null ? {} : { API_PROCESSES: String(processes) }),
    };
    await dropDatabase(env.DATABASE_URL);
    await ensureDatabase(env.DATABASE_URL);
    await migrateDatabase(env.DATABASE_URL);
    await deleteKeys({ ...settings, QUEUE_PREFIX: env.QUEUE_PREFIX });
    const pool = new Pool({ connectionString: env.DATABASE_URL, max: 8, ...pgConnectionOptions(ADMIN_TIMEOUTS) });
    return new BenchStack(settings, env, processes ?? apiProcesses(settings), pool, new Transactions(pool));
  }

  get api(): AppProcess | null {
    return this.apiProcess;
  }

  get worker(): AppProcess | null {
    return this.workerProcess;
  }

  async startApi(): Promise<void> {
    if (this.apiProcess) return;
    const api = (this.apiProcess = AppProcess.start('api', this.env));
    await api.waitUntil(async () => (await this.http.get('/health/live')).status === 200);
  }

  async startWorker(): Promise<AppProcess> {
    if (this.workerProcess) return this.workerProcess;
    const worker = (this.workerProcess = AppProcess.start('worker', { ...this.env, LOG_LEVEL: 'info' }));
    await worker.waitUntil(() => worker.output.includes('worker ready'));
    return worker;
  }

  async registry(): Promise<void> {
    if (this.registryLoaded) return;
    await this.data.loadHistory(REGISTRY);
    this.registryLoaded = true;
  }

  /** Replaces the stored history with `reports` accepted reports (enterprises × 40 quarters), unless already there. */
  async history(reports: number, log: (line: string) => void): Promise<number> {
    if (this.loaded !== null && this.loaded >= reports) return this.loaded;
    await this.data.clearHistory();
    const enterprises = reports / 40;
    log(`Loading ${reports.toLocaleString('en-US')} accepted reports (${enterprises.toLocaleString('en-US')} enterprises × 40 quarters)`);
    this.loaded = await this.data.loadHistory({ zones: REGISTRY.zones, enterprises, quarters: 40 });
    this.registryLoaded = enterprises >= REGISTRY.enterprises;
    return this.loaded;
  }

  /** A board token of the given zones (null: every zone). */
  async boardToken(zoneCodes: readonly string[] | null = null, name = 'bench'): Promise<string> {
    return (await issueToken(new ApiTokensRepository(this.transactions), { role: 'board', name, zoneCodes })).token;
  }

  async close(): Promise<void> {
    await Promise.all([this.apiProcess?.stop(), this.workerProcess?.stop()]);
    await this.pool.end();
    await deleteKeys({ ...this.settings, QUEUE_PREFIX: this.env.QUEUE_PREFIX });
  }
}
