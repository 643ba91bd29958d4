import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { Settings } from '@app/config';
import { keyPrefix, QueueName } from '@app/queue';
import { RedisProbe } from '../health/redis-probe.service';
import { readCookie, SESSION_COOKIE } from '../pages/session/cookies';
import { WebSessions } from '../pages/session/web-sessions.service';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * The queues as operators see them (bull-board: jobs by state, their data and errors, retrying or
 * removing them), for an admin's page session only: without one the browser is sent to sign in, with
 * a board's it is refused. It reads Redis through the probe's connection, never the request path's.
 */
export async function registerQueueBoard(app: NestFastifyApplication, settings: Settings): Promise<void> {
  const sessions = app.get(WebSessions);
  const probe = app.get(RedisProbe);
  const queues = Object.values(QueueName).map((name) => new Queue(name, { connection: probe.redis, prefix: keyPrefix(settings) }));
  for (const queue of queues) queue.on('error', () => undefined);
  const board = new FastifyAdapter();
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'KCN queues' } },
  });
  board.setBasePath(QUEUE_BOARD_PATH);

  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      const principal = await sessions.resume(readCookie(request, SESSION_COOKIE));
      if (!principal) return reply.header('cache-control', 'no-store').redirect(`/login?next=${encodeURIComponent(QUEUE_BOARD_PATH)}`, 303);
      if (principal.role !== 'admin') return reply.code(403).header('content-type', 'text/plain; charset=utf-8').send('Admins only.');
    });
    await scope.register(board.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
  });
  fastify.addHook('onClose', async () => {
    await Promise.allSettled(queues.map((q) => q.close()));
  });
}
