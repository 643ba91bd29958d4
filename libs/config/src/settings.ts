import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync, ValidateBy, ValidateIf } from 'class-validator';
import { availableParallelism } from 'node:os';
import { parseTrustProxy } from './trust-proxy';

/**
 * API_PROCESSES, else one api process per two cores: PostgreSQL, the worker and the api's own libuv
 * threads need the others. On 2 cores one process served more reports than two (README, "Intake").
 */
export function apiProcesses(settings: Pick<Settings, 'API_PROCESSES'>): number {
  return settings.API_PROCESSES ?? Math.max(1, Math.floor(availableParallelism() / 2));
}

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Every setting of the api and the worker, read from the environment, each with a default that works locally. */
export class Settings {
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/reporting';

  /** The server in standalone mode; in every mode, the user, password and TLS (rediss://) of the data nodes. */
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** One server (REDIS_URL), a primary found through Sentinel, or a Redis Cluster (both through REDIS_NODES). */
  @IsIn(['standalone', 'sentinel', 'cluster'])
  REDIS_MODE = 'standalone';

  /** host:port, separated by commas: the sentinels (sentinel mode) or some nodes of the cluster (cluster mode). */
  @ValidateIf((s: Settings) => s.REDIS_MODE !== 'standalone' || s.REDIS_NODES !== undefined)
  @Matches(/^[\w.-]+:\d+(,[\w.-]+:\d+)*$/, {
    message: 'REDIS_NODES must be host:port pairs separated by commas (needed in sentinel and cluster mode)',
  })
  REDIS_NODES: string | undefined = undefined;

  /** The name the sentinels know the primary by. */
  @IsString()
  REDIS_SENTINEL_NAME = 'mymaster';

  /** Keeps several installations apart on one Redis; hash-tagged ({kcn}) in cluster mode unless it has a tag already. */
  @Matches(/^[\w{}:.-]+$/, { message: 'QUEUE_PREFIX may contain letters, digits, _ - . : { }' })
  QUEUE_PREFIX = 'kcn';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** api processes sharing the port (Node cluster); unset, as many as serve best here (apiProcesses). */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(64)
  API_PROCESSES: number | undefined = undefined;

  // Initialised, even to undefined: loadSettings reads only the keys an instance has, and a bare
  // declaration has none once compiled, so SMTP_URL from the environment was silently ignored.
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL: string | undefined = undefined;

  @IsString()
  MAIL_FROM = 'Ban Quản lý Khu kinh tế tỉnh Lào Cai <bao-cao@localhost>';

  /** The board as it signs its own reports: the reporting unit of the report to the ministry. */
  @IsString()
  BOARD_NAME = 'Ban Quản lý Khu kinh tế tỉnh Lào Cai';

  /** Where the board signs its reports ("Lào Cai, ngày … tháng … năm …"). */
  @IsString()
  BOARD_PLACE = 'Lào Cai';

  /**
   * The ministry the board reports up to. Industrial parks were the Ministry of Planning and Investment's until
   * it merged into the Ministry of Finance on 1 March 2025: a setting, so the next change needs no release.
   */
  @IsString()
  UPWARD_REPORT_RECIPIENT = 'Bộ Tài chính';

  /** The site's address as people reach it (scheme, host, and a path if it is served under one): emails link to pages there. */
  @Matches(/^https?:\/\/[^\s?#]+$/, { message: 'PUBLIC_BASE_URL must be an http:// or https:// URL, without query or fragment' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Without SMTP_URL, mail is written here as .eml files. */
  @IsString()
  MAIL_DIR = 'var/mail';

  @IsString()
  PUBLICATION_CRON = '0 7 1 * *';

  @IsString()
  REMINDER_CRON = '0 8 * * *';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  REMINDER_DAYS_BEFORE = 7;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(99)
  DISCLOSURE_P_PERCENT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  DISCLOSURE_MIN_CONTRIBUTORS = 3;

  /** Threads auditing a publication's measures side by side; by default one per core. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  DISCLOSURE_THREADS: number | undefined = undefined;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  /** Waiting for a PostgreSQL connection (a new one, or a free one of the pool), and for a report to be taken into a batch. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  DB_CONNECT_TIMEOUT_MS = 3000;

  /**
   * Longest statement (PostgreSQL's statement_timeout); the client gives up a second later and drops the
   * connection, so a server or network that hangs costs this long at most.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DB_STATEMENT_TIMEOUT_MS = 5000;

  /** Longest wait for a row or table lock (PostgreSQL's lock_timeout). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DB_LOCK_TIMEOUT_MS = 3000;

  /** A transaction left idle this long is ended by PostgreSQL, freeing its locks and connection. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  WORKER_CONCURRENCY = 64;

  /** The worker's port for probes and Prometheus (/health/live, /health/ready, /metrics); 0 for none. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  /** How often the outbox relay looks for new rows when idle. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(60000)
  OUTBOX_POLL_MS = 100;

  /** A submission still `received` this long after it was stored has its job added again (lost jobs). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  REQUEUE_AFTER_MS = 60_000;

  /** Tries of a report, publication or reminder job before it fails (the repair loop retries it while its work is undone). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  JOB_ATTEMPTS = 10;

  /** Tries of an email job: a mail server may refuse for hours. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  MAIL_JOB_ATTEMPTS = 60;

  /** Delay before a job's first retry; it doubles with each further one (emails: up to every 15 minutes). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600_000)
  JOB_BACKOFF_MS = 1000;

  /** How often the worker checks that its job schedulers exist (gone after a Redis restart without persistence). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  SCHEDULE_CHECK_MS = 60_000;

  /** Longest silence of the mail server (connecting, greeting, each reply) before a send is given up. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  MAIL_SEND_TIMEOUT_MS = 60_000;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

  /** Reports one uploaded file may hold (rows of an .xlsx or CSV); more is refused with 413. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50_000)
  UPLOAD_MAX_ROWS = 5000;

  /** Reports waiting to be stored in one api process; more are refused with 503 rather than queued. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  INTAKE_QUEUE_LIMIT = 2000;

  /**
   * Uploads read at once by one api process; another waits a little, then gets 503. Reading is work for
   * the process's one thread: two at once take as long as one after the other, and twice the memory.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  UPLOAD_CONCURRENCY = 1;

  /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`. */
  @IsOptional()
  @IsString()
  METRICS_TOKEN: string | undefined = undefined;

  /** After a stop signal, readiness says 503 this long before the api stops taking connections (for a load balancer to notice). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  SHUTDOWN_DRAIN_MS = 0;

  /** A stopping process exits by this deadline after the signal, whatever its requests, PostgreSQL and Redis do. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'silent'])
  LOG_LEVEL = 'info';

  /** Proxies whose X-Forwarded-For is believed (Fastify's trustProxy); none by default, so clients cannot pose as others. */
  @ValidateBy(
    { name: 'trustProxy', validator: { validate: (v) => typeof v === 'string' && parseTrustProxy(v) !== null } },
    {
      message:
        'TRUST_PROXY must be false, true, or IP addresses and CIDR ranges separated by commas (loopback, linklocal, uniquelocal too)',
    },
  )
  TRUST_PROXY = 'false';
}

export class SettingsError extends Error {}

/** Reads and validates settings; start-up fails with every bad variable named. */
export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  const known = Object.keys(new Settings());
  const given = Object.fromEntries(known.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const settings = plainToInstance(Settings, given, { exposeDefaultValues: true });
  const errors = validateSync(settings);
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new SettingsError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return settings;
}
