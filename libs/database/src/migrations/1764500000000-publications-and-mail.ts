import { MigrationInterface, QueryRunner } from 'typeorm';

/** Monthly publications (immutable snapshots), their subscribers, and the outbox of emails. */
export class PublicationsAndMail1764500000000 implements MigrationInterface {
  name = 'PublicationsAndMail1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE publications (
        id serial PRIMARY KEY,
        month text NOT NULL,
        forced boolean NOT NULL DEFAULT false,
        as_of date NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by text NOT NULL,
        latest_quarter text NOT NULL,
        year_to_date text NOT NULL,
        filing_quarter text NOT NULL,
        -- Figures exactly as published (json keeps their order): for the board, and after disclosure control for the public.
        figures json NOT NULL,
        public_figures json NOT NULL,
        revised json NOT NULL DEFAULT '[]',
        workbook bytea NOT NULL,
        public_workbook bytea NOT NULL
      );
      -- One regular publication per month, whichever worker or request gets there first.
      CREATE UNIQUE INDEX publications_month ON publications (month) WHERE NOT forced;

      CREATE TABLE subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        zone_codes text[],
        language text NOT NULL CHECK (language IN ('vi', 'en')),
        audience text NOT NULL CHECK (audience IN ('board', 'public')),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES api_tokens(id),
        cancelled_at timestamptz
      );

      -- Every email once: the key is (publication, subscriber) or (enterprise, quarter, kind).
      CREATE TABLE email_outbox (
        id bigserial PRIMARY KEY,
        dedupe_key text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('publication', 'reminder', 'overdue')),
        recipient text NOT NULL,
        language text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        server_response text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      );
      CREATE INDEX email_outbox_pending ON email_outbox (created_at) WHERE status = 'pending';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE email_outbox, subscriptions, publications');
  }
}
