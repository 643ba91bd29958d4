import { AppProcess, freePort } from './app-process';
import { HttpClient } from './http-client';
import { TestSystem } from './test-system';

/**
 * Another worker on the suite's database and queues, next to the one the test system runs: several
 * workers at once, as when the installation is scaled out. `env` overrides settings for it alone.
 */
export async function startExtraWorker(sys: TestSystem, env: Record<string, string> = {}): Promise<AppProcess> {
  const worker = AppProcess.start('worker', { ...sys.env, WORKER_HEALTH_PORT: String(await freePort()), ...env, LOG_LEVEL: 'info' });
  await worker.waitUntil(() => worker.output.includes('worker ready'));
  return worker;
}

/** Another api process on the suite's database, on its own port, with settings of its own. */
export async function startExtraApi(sys: TestSystem, env: Record<string, string> = {}): Promise<{ api: AppProcess; http: HttpClient }> {
  const port = await freePort();
  const api = AppProcess.start('api', { ...sys.env, ...env, PORT: String(port) });
  const http = new HttpClient(`http://127.0.0.1:${port}`);
  await api.waitUntil(async () => (await http.get('/health/live')).status === 200);
  return { api, http };
}
