import { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { nestLogLevels, Settings } from '@app/config';
import { WorkerModule } from './worker.module';
import { closeOnSignals } from './worker-shutdown';

/** The worker has no HTTP: queue processors, the outbox relay, schedulers. */
export async function createWorkerApp(settings: Settings): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.register(settings), { logger: nestLogLevels(settings.LOG_LEVEL) });
  closeOnSignals(app, settings.SHUTDOWN_TIMEOUT_MS);
  await app.init();
  new Logger('Worker').log('worker ready');
  return app;
}
