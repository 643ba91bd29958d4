import { EntityManager } from 'typeorm';
import { JobName, QueueName } from '@app/queue';

export interface EmailToSend {
  readonly dedupeKey: string;
  readonly kind: 'publication' | 'reminder' | 'overdue';
  readonly recipient: string;
  readonly language: 'vi' | 'en';
  readonly payload: Record<string, unknown>;
}

/**
 * Records emails inside the caller's transaction, each once per key, with an outbox row that hands
 * it to the mail queue; returns how many were new. A doubled or retried job finds the keys taken.
 */
export async function enqueueEmails(tx: Pick<EntityManager, 'query'>, emails: readonly EmailToSend[]): Promise<number> {
  if (emails.length === 0) return 0;
  const rows: Array<{ id: string }> = await tx.query(
    `WITH e AS (
       INSERT INTO email_outbox (dedupe_key, kind, recipient, language, payload)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[])
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
     ), o AS (
       INSERT INTO outbox (queue, job_name, job_id, payload)
       SELECT '${QueueName.Mail}', '${JobName.SendEmail}', 'email-' || id, json_build_object('emailId', id::text) FROM e
     )
     SELECT id FROM e`,
    [
      emails.map((e) => e.dedupeKey), emails.map((e) => e.kind), emails.map((e) => e.recipient),
      emails.map((e) => e.language), emails.map((e) => JSON.stringify(e.payload)),
    ],
  );
  return rows.length;
}
