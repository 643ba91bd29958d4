import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadSettings, Settings } from '@app/config';
import { createApiApp } from './api-app';

async function serve(settings: Settings): Promise<void> {
  const app = await createApiApp(settings);
  await app.listen({ port: settings.PORT, host: settings.HOST });
}

/** Several processes share the port; one that dies is replaced, a stop signal stops them all. */
function supervise(settings: Settings): void {
  let stopping = false;
  for (let i = 0; i < settings.API_PROCESSES; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    console.error(`api process ${worker.process.pid} exited (${code}); starting another`);
    cluster.fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
}

const settings = loadSettings();
(cluster.isPrimary && settings.API_PROCESSES > 1 ? Promise.resolve(supervise(settings)) : serve(settings)).catch((error) => {
  console.error(error);
  process.exit(1);
});
