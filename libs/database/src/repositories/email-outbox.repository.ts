import { JobName, QueueName } from '@app/queue';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

export type EmailKind = 'publication' | 'reminder' | 'overdue' | 'return';

/** What an email is about: a publication for a subscriber, an enterprise's quarter, or a report returned to it. */
export interface EmailPayload {
  readonly publicationId?: number;
  readonly subscriptionId?: string;
  readonly taxCode?: string;
  readonly period?: string;
  readonly reportId?: string;
}

export interface EmailToSend {
  /** Sends each email once: a doubled or retried job finds its key taken. */
  readonly dedupeKey: string;
  readonly kind: EmailKind;
  readonly recipient: string;
  readonly language: 'vi' | 'en';
  readonly payload: EmailPayload;
}

/** An email claimed for sending. */
export interface OutboxEmail extends EmailToSend {
  readonly id: string;
}

interface EmailRow {
  id: string;
  dedupe_key: string;
  kind: EmailKind;
  recipient: string;
  language: 'vi' | 'en';
  payload: EmailPayload;
}

const toEmail = (r: EmailRow): OutboxEmail => ({
  id: r.id,
  dedupeKey: r.dedupe_key,
  kind: r.kind,
  recipient: r.recipient,
  language: r.language,
  payload: r.payload,
});

/**
 * Records emails inside the caller's transaction, each once per key, with an outbox row that hands
 * it to the mail queue; returns how many were new.
 */
export async function enqueueEmails(tx: SqlSession, emails: readonly EmailToSend[]): Promise<number> {
  if (emails.length === 0) return 0;
  const rows = await tx.query<{ id: string }>(
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
      emails.map((e) => e.dedupeKey),
      emails.map((e) => e.kind),
      emails.map((e) => e.recipient),
      emails.map((e) => e.language),
      emails.map((e) => JSON.stringify(e.payload)),
    ],
  );
  return rows.length;
}

/**
 * `email_outbox`: every email the system sends, from its queuing to the mail server's answer. An email
 * is claimed (`sending`, leased to one worker), sent with no transaction open, then recorded.
 */
export class EmailOutboxRepository {
  constructor(private readonly db: Transactions) {}

  enqueue(emails: readonly EmailToSend[], tx: SqlSession = this.db.pool): Promise<number> {
    return enqueueEmails(tx, emails);
  }

  /** Leases a pending email (or one whose lease ran out) to the caller for `leaseMs`, one more attempt; null if it cannot be. */
  async claim(id: string, leaseMs: number, tx: SqlSession = this.db.pool): Promise<OutboxEmail | null> {
    const [row] = await tx.query<EmailRow>(
      `WITH claimed AS (
         UPDATE email_outbox SET status = 'sending', attempts = attempts + 1, lease_until = now() + $2 * interval '1 millisecond'
         WHERE id = $1 AND (status = 'pending' OR (status = 'sending' AND lease_until < now()))
         RETURNING id, kind, recipient, language, payload, dedupe_key
       ) SELECT * FROM claimed`,
      [id, leaseMs],
    );
    return row ? toEmail(row) : null;
  }

  /** Its status and lease, if it exists. */
  async state(id: string, tx: SqlSession = this.db.pool): Promise<{ status: string; leaseUntil: Date | null } | null> {
    const [row] = await tx.query<{ status: string; lease_until: Date | null }>(
      'SELECT status, lease_until FROM email_outbox WHERE id = $1',
      [id],
    );
    return row ? { status: row.status, leaseUntil: row.lease_until } : null;
  }

  /** A claimed email that should no longer go out. */
  async cancel(id: string, tx: SqlSession = this.db.pool): Promise<void> {
    await tx.query(`UPDATE email_outbox SET status = 'cancelled', lease_until = NULL WHERE id = $1 AND status = 'sending'`, [id]);
  }

  /** A claimed email the server refused: pending again, with the reason. */
  async release(id: string, reason: string, tx: SqlSession = this.db.pool): Promise<void> {
    await tx.query(`UPDATE email_outbox SET status = 'pending', lease_until = NULL, last_error = $2 WHERE id = $1 AND status = 'sending'`, [
      id,
      reason,
    ]);
  }

  /** Records the server's answer to a claimed email; null if it was not claimed (recorded already). */
  async markSent(id: string, response: string, tx: SqlSession = this.db.pool): Promise<{ dedupeKey: string; recipient: string } | null> {
    const [row] = await tx.query<{ dedupe_key: string; recipient: string }>(
      `WITH sent AS (
         UPDATE email_outbox SET status = 'sent', sent_at = now(), lease_until = NULL, server_response = $2
         WHERE id = $1 AND status = 'sending'
         RETURNING dedupe_key, recipient
       ) SELECT * FROM sent`,
      [id, response],
    );
    return row ? { dedupeKey: row.dedupe_key, recipient: row.recipient } : null;
  }

  /** Emails still unsent this long after they were queued, oldest first: their jobs may be lost. */
  async staleUnsent(olderThanMs: number, limit: number, tx: SqlSession = this.db.pool): Promise<string[]> {
    const rows = await tx.query<{ id: string }>(
      `SELECT id FROM email_outbox WHERE status IN ('pending', 'sending') AND created_at < now() - $1 * interval '1 millisecond'
       ORDER BY created_at LIMIT $2`,
      [olderThanMs, limit],
    );
    return rows.map((r) => r.id);
  }
}
