import { MigrationInterface, QueryRunner } from 'typeorm';

/** Registry, tokens, submissions with their outbox, zone-quarter aggregates, locks, audit. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'board', 'enterprise')),
        zone_codes text[],
        tax_code text,
        token_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES api_tokens(id),
        revoked_at timestamptz,
        CHECK (role <> 'enterprise' OR tax_code IS NOT NULL)
      );

      CREATE TABLE zones (
        code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('industrial_park', 'industrial_cluster')),
        locality text NOT NULL,
        wage_region smallint NOT NULL CHECK (wage_region BETWEEN 1 AND 4),
        status text NOT NULL CHECK (status IN ('operating', 'restricted', 'planned', 'closing')),
        area_ha numeric(12, 2),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE enterprises (
        tax_code text PRIMARY KEY,
        name text NOT NULL,
        zone_code text NOT NULL REFERENCES zones(code),
        ownership text NOT NULL CHECK (ownership IN ('domestic', 'foreign')),
        vsic_section text CHECK (vsic_section IN ('B', 'C', 'D', 'E')),
        operating_from date NOT NULL,
        operating_until date,
        contact_email text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (operating_until IS NULL OR operating_until >= operating_from)
      );
      CREATE INDEX enterprises_zone ON enterprises (zone_code);

      CREATE TABLE projects (
        code text PRIMARY KEY,
        name text NOT NULL,
        tax_code text NOT NULL REFERENCES enterprises(tax_code),
        zone_code text NOT NULL REFERENCES zones(code),
        status text NOT NULL CHECK (status IN ('operating', 'under_construction', 'suspended', 'terminated')),
        operating_from date,
        ended_at date,
        registered_capital bigint CHECK (registered_capital >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ended_at IS NULL OR operating_from IS NULL OR ended_at >= operating_from)
      );
      CREATE INDEX projects_zone ON projects (zone_code);

      CREATE TABLE zone_targets (
        zone_code text NOT NULL REFERENCES zones(code),
        year integer NOT NULL,
        gross_output_constant_2010 bigint NOT NULL CHECK (gross_output_constant_2010 >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (zone_code, year)
      );

      -- Lock intervals, so a submission is judged against the lock in force when it was received.
      CREATE TABLE period_locks (
        id bigserial PRIMARY KEY,
        period text NOT NULL,
        locked_at timestamptz NOT NULL DEFAULT now(),
        locked_by uuid REFERENCES api_tokens(id),
        unlocked_at timestamptz,
        unlocked_by uuid REFERENCES api_tokens(id)
      );
      CREATE UNIQUE INDEX period_locks_open ON period_locks (period) WHERE unlocked_at IS NULL;

      CREATE TABLE minimum_wages (
        effective_from date NOT NULL,
        region smallint NOT NULL CHECK (region BETWEEN 1 AND 4),
        monthly bigint NOT NULL CHECK (monthly > 0),
        source text,
        PRIMARY KEY (effective_from, region)
      );

      -- Every revision ever received; figures as columns so aggregation stays set-based.
      CREATE TABLE report_submissions (
        id uuid PRIMARY KEY,
        tax_code text NOT NULL,
        period text NOT NULL,
        zone_code text,
        source text NOT NULL CHECK (source IN ('api', 'excel')),
        submitted_by uuid REFERENCES api_tokens(id),
        filer_role text NOT NULL CHECK (filer_role IN ('admin', 'board', 'enterprise')),
        status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'accepted', 'rejected', 'superseded')),
        revision integer,
        -- When the report reached the board: now, or the stamp of a paper form keyed in later.
        received_at timestamptz NOT NULL DEFAULT now(),
        stored_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        late boolean,
        issues jsonb NOT NULL DEFAULT '[]',
        warning_count smallint NOT NULL DEFAULT 0,
        idempotency_key text,
        request_hash char(64),
        batch_id uuid,
        batch_row integer,
        gross_output bigint NOT NULL,
        gross_output_constant_2010 bigint,
        revenue bigint NOT NULL,
        export_value_usd bigint,
        import_value_usd bigint,
        state_budget_paid bigint,
        realized_capital bigint,
        workers integer NOT NULL,
        female_workers integer,
        foreign_workers integer,
        local_workers integer,
        average_workers integer,
        wage_fund bigint NOT NULL,
        reviewed_at timestamptz,
        reviewed_by uuid REFERENCES api_tokens(id),
        review_comment text
      );
      CREATE UNIQUE INDEX report_submissions_idempotency ON report_submissions (submitted_by, idempotency_key)
        WHERE idempotency_key IS NOT NULL;
      -- At most one current (accepted) revision per enterprise and quarter.
      CREATE UNIQUE INDEX report_submissions_current ON report_submissions (tax_code, period) WHERE status = 'accepted';
      CREATE INDEX report_submissions_enterprise ON report_submissions (tax_code, period, received_at);
      CREATE INDEX report_submissions_zone ON report_submissions (zone_code, period);
      CREATE INDEX report_submissions_recent ON report_submissions (received_at DESC, id DESC);
      CREATE INDEX report_submissions_batch ON report_submissions (batch_id, batch_row) WHERE batch_id IS NOT NULL;

      -- Written in the same statement as a submission; the worker's relay moves rows to the queue.
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        queue text NOT NULL,
        job_name text NOT NULL,
        job_id text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      );
      CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL;

      -- Sums of the current revisions per zone, quarter and the quarter of each enterprise's next
      -- current report ('9999-Q4' when none): flows of a period add up every row, stocks at the end
      -- of a period take only rows whose next report lies after it.
      CREATE TABLE zone_quarter_aggregates (
        zone_code text NOT NULL,
        period text NOT NULL,
        next_period text NOT NULL,
        reports integer NOT NULL DEFAULT 0,
        reports_on_time integer NOT NULL DEFAULT 0,
        reports_with_warnings integer NOT NULL DEFAULT 0,
        gross_output bigint NOT NULL DEFAULT 0,
        gross_output_constant_2010 bigint NOT NULL DEFAULT 0,
        gross_output_constant_2010_n integer NOT NULL DEFAULT 0,
        revenue bigint NOT NULL DEFAULT 0,
        export_value_usd bigint NOT NULL DEFAULT 0,
        export_value_usd_n integer NOT NULL DEFAULT 0,
        import_value_usd bigint NOT NULL DEFAULT 0,
        import_value_usd_n integer NOT NULL DEFAULT 0,
        state_budget_paid bigint NOT NULL DEFAULT 0,
        state_budget_paid_n integer NOT NULL DEFAULT 0,
        realized_capital bigint NOT NULL DEFAULT 0,
        realized_capital_n integer NOT NULL DEFAULT 0,
        wage_fund bigint NOT NULL DEFAULT 0,
        worker_months bigint NOT NULL DEFAULT 0,
        workers bigint NOT NULL DEFAULT 0,
        female_workers bigint NOT NULL DEFAULT 0,
        female_workers_n integer NOT NULL DEFAULT 0,
        foreign_workers bigint NOT NULL DEFAULT 0,
        foreign_workers_n integer NOT NULL DEFAULT 0,
        local_workers bigint NOT NULL DEFAULT 0,
        local_workers_n integer NOT NULL DEFAULT 0,
        PRIMARY KEY (zone_code, period, next_period)
      );
      CREATE INDEX zone_quarter_aggregates_period ON zone_quarter_aggregates (period);

      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_name text,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_events_entity ON audit_events (entity, entity_id, at);
    `);
    // Regional minimum wages (VND per month, regions I-IV); later decrees arrive as new migrations.
    await q.query(`
      INSERT INTO minimum_wages (effective_from, region, monthly, source) VALUES
        ('2020-01-01', 1, 4420000, 'Decree 90/2019'), ('2020-01-01', 2, 3920000, 'Decree 90/2019'),
        ('2020-01-01', 3, 3430000, 'Decree 90/2019'), ('2020-01-01', 4, 3070000, 'Decree 90/2019'),
        ('2022-07-01', 1, 4680000, 'Decree 38/2022'), ('2022-07-01', 2, 4160000, 'Decree 38/2022'),
        ('2022-07-01', 3, 3640000, 'Decree 38/2022'), ('2022-07-01', 4, 3250000, 'Decree 38/2022'),
        ('2024-07-01', 1, 4960000, 'Decree 74/2024'), ('2024-07-01', 2, 4410000, 'Decree 74/2024'),
        ('2024-07-01', 3, 3860000, 'Decree 74/2024'), ('2024-07-01', 4, 3450000, 'Decree 74/2024'),
        ('2026-01-01', 1, 5310000, 'Decree 293/2025'), ('2026-01-01', 2, 4730000, 'Decree 293/2025'),
        ('2026-01-01', 3, 4140000, 'Decree 293/2025'), ('2026-01-01', 4, 3700000, 'Decree 293/2025')
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events, zone_quarter_aggregates, outbox, report_submissions, minimum_wages,
      period_locks, zone_targets, projects, enterprises, zones, api_tokens`);
  }
}
