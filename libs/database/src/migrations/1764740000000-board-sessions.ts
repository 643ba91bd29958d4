import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions of the browser pages (only a hash of the cookie's id is stored; each belongs to a token, so
 * revoking the token ends them), failed sign-ins per client for throttling, and a notification on
 * `figures_changed` whenever a statement changes zone-quarter sums: the worker's verdict transaction
 * then announces on commit which zones and quarters moved, without the worker knowing of the pages.
 */
export class BoardSessions1764740000000 implements MigrationInterface {
  name = 'BoardSessions1764740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE web_sessions (
        id_hash char(64) PRIMARY KEY,
        token_id uuid NOT NULL REFERENCES api_tokens(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz
      );
      CREATE INDEX web_sessions_token ON web_sessions (token_id);

      CREATE TABLE sign_in_failures (
        client text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX sign_in_failures_client ON sign_in_failures (client, at);

      -- A payload is at most 8000 bytes: a statement that moved more than fits says "everything".
      CREATE FUNCTION notify_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE hint text;
      BEGIN
        SELECT coalesce(json_agg(c)::text, '[]') INTO hint FROM (SELECT DISTINCT zone_code AS zone, period FROM changed) c;
        IF length(hint) > 7900 THEN hint := '"*"'; END IF;
        PERFORM pg_notify('figures_changed', hint);
        RETURN NULL;
      END $$;
      CREATE TRIGGER zone_quarter_aggregates_inserted AFTER INSERT ON zone_quarter_aggregates
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION notify_figures_changed();
      CREATE TRIGGER zone_quarter_aggregates_updated AFTER UPDATE ON zone_quarter_aggregates
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION notify_figures_changed();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER zone_quarter_aggregates_updated ON zone_quarter_aggregates;
      DROP TRIGGER zone_quarter_aggregates_inserted ON zone_quarter_aggregates;
      DROP FUNCTION notify_figures_changed();
      DROP TABLE sign_in_failures;
      DROP TABLE web_sessions;
    `);
  }
}
