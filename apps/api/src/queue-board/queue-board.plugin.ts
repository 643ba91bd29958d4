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
/** Closing a queue waits for its connection, which Redis away would hold up: the api's stop does not wait longer. */
const CLOSE_WAIT_MS = 1000;

/**
 * The queues as operators see them (bull-board: jobs by state, their data and errors, retrying or
 * removing them), for an admin's page session only: without one the browser is sent to sign in, with
 * a board's it is refused. It reads Redis through the probe's connection, never the request path's, and
 * only once an admin first opens it.
 */
export async function registerQueueBoard(app: NestFastifyApplication, settings: Settings): Promise<void> {
  const sessions = app.get(WebSessions);
  const probe = app.get(RedisProbe);
  const board = new FastifyAdapter();
  const { setQueues } = createBullBoard({ queues: [], serverAdapter: board, options: { uiConfig: { boardTitle: 'KCN queues' } } });
  board.setBasePath(QUEUE_BOARD_PATH);
  let queues: Queue[] | null = null;
  const openQueues = (): void => {
    queues = Object.values(QueueName).map((name) => {
      const queue = new Queue(name, { connection: probe.redis, prefix: keyPrefix(settings) });
      queue.on('error', () => undefined);
      return queue;
    });
    setQueues(queues.map((q) => new BullMQAdapter(q)));
  };

  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      const principal = await sessions.resume(readCookie(request, SESSION_COOKIE));
      if (!principal) return reply.header('cache-control', 'no-store').redirect(`/login?next=${encodeURIComponent(QUEUE_BOARD_PATH)}`, 303);
      if (principal.role !== 'admin') return reply.code(403).header('content-type', 'text/plain; charset=utf-8').send('Admins only.');
      if (!queues) openQueues();
    });
    await scope.register(board.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
  });
  fastify.addHook('onClose', async () => {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)));
    await Promise.race([Promise.allSettled((queues ?? []).map((q) => q.close())), waited]);
    clearTimeout(timer);
  });
}
