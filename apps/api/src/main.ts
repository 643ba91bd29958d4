import 'reflect-metadata';
import cluster from 'node:cluster';
import { apiProcesses, loadSettings, Settings } from '@app/config';
import { createApiApp } from './api-app';
import { ConnectionDispatcher, receiveConnections } from './lifecycle/connection-dispatcher';
import { closeListener, GracefulShutdown } from './lifecycle/graceful-shutdown.service';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

async function serve(settings: Settings): Promise<void> {
  const app = await createApiApp(settings);
  const server = app.getHttpServer();
  let stopAccepting: () => Promise<void>;
  if (cluster.isWorker) {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const connections = receiveConnections(server);
    stopAccepting = () => connections.detach();
  } else {
    await app.listen({ port: settings.PORT, host: settings.HOST });
    stopAccepting = () => closeListener(server);
  }
  const shutdown = app.get(GracefulShutdown);
  for (const signal of STOP_SIGNALS) process.on(signal, () => void shutdown.stop(signal, stopAccepting).then((code) => process.exit(code)));
}

/**
 * Several processes share the port: the primary accepts connections and hands them over; a process
 * that dies is replaced. A stop signal is passed on to each, which stops gracefully; the primary
 * exits once they have, or kills them a moment after their deadline.
 */
function supervise(settings: Settings): void {
  const dispatcher = new ConnectionDispatcher(settings.PORT, settings.HOST);
  let stopping = false;
  let failed = false;
  const fork = () => dispatcher.follow(cluster.fork());
  for (let i = 0; i < apiProcesses(settings); i++) fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) {
      failed ||= code !== 0;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
      return;
    }
    console.error(`api process ${worker.process.pid} exited (${code}); starting another`);
    fork();
  });
  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      dispatcher.stop();
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      setTimeout(() => {
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
        process.exit(1);
      }, settings.SHUTDOWN_TIMEOUT_MS + 1000).unref();
    });
  }
}

const settings = loadSettings();
(cluster.isPrimary && apiProcesses(settings) > 1 ? Promise.resolve(supervise(settings)) : serve(settings)).catch((error) => {
  console.error(error);
  process.exit(1);
});
