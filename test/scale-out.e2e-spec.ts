import { Job } from 'bullmq';
import { QueueName } from '@app/queue';
import { EventStream } from '../apps/cli/src/bench/event-stream';
import { pageSession } from '../apps/cli/src/bench/page-session';
import { aggregatesAndRecomputation, expectDecidedOnce, waitUntilDecided } from './support/aggregate-invariant';
import { AppProcess, freePort } from './support/app-process';
import { startExtraApi, startExtraWorker } from './support/extra-process';
import { createEnterprise, createZone, reportBody, submit } from './support/fixtures';
import { HttpClient } from './support/http-client';
import { QueueJobs } from './support/queue-jobs';
import { startTestSystem, TestSystem } from './support/test-system';

/*
 * The installation scaled out on one machine: two api processes and two workers on one database and
 * one Redis. Reports filed through both apis are each decided once, the reminder schedule (every
 * second here) runs once per due instant however many workers upsert it, and a page open on either
 * api hears of figures that moved.
 */
const ENTERPRISES = Array.from({ length: 8 }, (_, i) => `53010000${String(i + 1).padStart(2, '0')}`);

describe('two api and two worker processes', () => {
  let sys: TestSystem;
  let second: { api: AppProcess; http: HttpClient };
  let worker: AppProcess;
  let workerPort: string;
  let board: string;
  let reminders: QueueJobs;

  beforeAll(async () => {
    sys = await startTestSystem('scale_out', { REMINDER_CRON: '* * * * * *' });
    second = await startExtraApi(sys);
    workerPort = String(await freePort());
    worker = await startExtraWorker(sys, { WORKER_HEALTH_PORT: workerPort });
    const admin = await sys.token({ role: 'admin', name: 'admin' });
    board = await sys.token({ role: 'board', name: 'BQL', zoneCodes: ['KT'] });
    await createZone(sys.http, admin, 'KT', { name: 'KCN Kim Thành' });
    for (const taxCode of ENTERPRISES) await createEnterprise(sys.http, admin, taxCode, 'KT');
    reminders = new QueueJobs(sys, QueueName.Reminders);
  });

  afterAll(async () => {
    await reminders?.close();
    await Promise.all([second?.api.stop(), worker?.stop()]);
    await sys?.close();
  });

  it('decides every report filed through either api once, with both workers at it', async () => {
    const apis = [sys.http, second.http];
    const filed = (
      await Promise.all(
        ENTERPRISES.map(async (taxCode, i) => {
          const ids: string[] = [];
          for (const [n, period] of ['2025-Q3', '2025-Q4', '2025-Q3', '2025-Q4', '2025-Q3'].entries()) {
            const body = reportBody(taxCode, period, { grossOutput: (i + 1) * 1_000_000_000 + n, workers: 10 + i });
            ids.push((await submit(apis[(i + n) % 2], board, body)).id);
          }
          return ids;
        }),
      )
    ).flat();
    await waitUntilDecided(sys, 30_000);
    expect(await expectDecidedOnce(sys, filed)).toHaveLength(40);
    const { stored, recomputed } = await aggregatesAndRecomputation(sys);
    expect(stored).toEqual(recomputed);
    const ran = await Promise.all([sys.env.WORKER_HEALTH_PORT, workerPort].map((port) => reportJobsOf(port)));
    expect(ran.every((n) => n > 0)).toBe(true);
    // Every job the apis queued (one per intake statement) ran to completion in one of them.
    const [{ queued }] = await sys.query(`SELECT count(*)::int AS queued FROM outbox WHERE queue = 'reports'`);
    expect(ran[0] + ran[1]).toBeGreaterThanOrEqual(queued);
  }, 60_000);

  it('runs the reminder schedule once per due instant', async () => {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const runs = (await reminders.completed()).filter((j: Job) => j.id!.startsWith('repeat:daily-reminders:'));
    const instants = runs.map((j) => (j.opts as { prevMillis?: number }).prevMillis);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(new Set(instants).size).toBe(runs.length);
  });

  it('tells a page open on either api that figures moved', async () => {
    const streams = await Promise.all(
      [sys.http, second.http].map(async (http) => EventStream.open(http.baseUrl, await pageSession(http.baseUrl, board))),
    );
    try {
      const heard = streams.map((s) => s.next((data) => JSON.stringify(data).includes('2026-Q1'), 15_000));
      await submit(second.http, board, reportBody(ENTERPRISES[0], '2026-Q1', { grossOutput: 5_000_000_000, workers: 30 }));
      expect((await Promise.all(heard)).map((at) => at !== null)).toEqual([true, true]);
    } finally {
      streams.forEach((s) => s.close());
    }
  }, 30_000);
});

/** Report jobs a worker ran to completion, from its own metrics. */
async function reportJobsOf(port: string): Promise<number> {
  const metrics = (await new HttpClient(`http://127.0.0.1:${port}`).get('/metrics')).body as string;
  return Number(/^worker_jobs_total\{queue="reports",outcome="completed"\} (\d+)$/m.exec(metrics)?.[1] ?? 0);
}
