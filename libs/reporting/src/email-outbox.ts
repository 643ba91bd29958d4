import { EntityManager } from 'typeorm';
import { EmailToSend, enqueueEmails as enqueueInSession, sqlSession } from '@app/database';

/**
 * The email outbox's writer (`EmailOutboxRepository`) on a TypeORM transaction, for the publication
 * builder, whose transaction is still TypeORM's while it is reworked into a job.
 */
export function enqueueEmails(tx: EntityManager, emails: readonly EmailToSend[]): Promise<number> {
  return enqueueInSession(sqlSession(tx), emails);
}
