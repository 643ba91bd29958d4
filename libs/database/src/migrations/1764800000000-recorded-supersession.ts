import { MigrationInterface, QueryRunner } from 'typeorm';

// The order of receipt as the worker judged it (receipt stamp, storage, upload row, id), written out
// here as it stood when this migration was written: a migration never changes with the code.
const RECEIPT_KEY = (a: string) => `lpad((extract(epoch FROM ${a}.received_at) * 1000000)::bigint::text, 20, '0')
  || lpad((extract(epoch FROM ${a}.stored_at) * 1000000)::bigint::text, 20, '0')
  || lpad(COALESCE(${a}.batch_row, 0)::text, 10, '0') || ${a}.id::text`;

/**
 * A supersession is recorded by the verdict that decides it: which revision took the place of a
 * superseded one, and when. Existing rows get it from their history as the audit log read it until
 * now: the revision decided just before an accepted one was superseded by it at its verdict, unless it
 * was received later and so stayed current, superseding the accepted one at once.
 */
export class RecordedSupersession1764800000000 implements MigrationInterface {
  name = 'RecordedSupersession1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE report_submissions ADD COLUMN superseded_by uuid REFERENCES report_submissions(id), ADD COLUMN superseded_at timestamptz;
      WITH steps AS (
        SELECT s.id AS newer, s.processed_at AS at, prev.id AS older, prev.stayed_current
        FROM report_submissions s
        CROSS JOIN LATERAL (
          SELECT p.id, ${RECEIPT_KEY('p')} > ${RECEIPT_KEY('s')} AS stayed_current FROM report_submissions p
          WHERE p.tax_code = s.tax_code AND p.period = s.period AND p.revision < s.revision
          ORDER BY ${RECEIPT_KEY('p')} DESC LIMIT 1
        ) prev
        WHERE s.revision > 1 AND s.processed_at IS NOT NULL
      ), facts AS (
        SELECT DISTINCT ON (superseded) superseded, superseded_by, at FROM (
          SELECT CASE WHEN stayed_current THEN newer ELSE older END AS superseded,
            CASE WHEN stayed_current THEN older ELSE newer END AS superseded_by, at
          FROM steps
        ) x ORDER BY superseded, at
      )
      UPDATE report_submissions r SET superseded_by = f.superseded_by, superseded_at = f.at
      FROM facts f WHERE r.id = f.superseded AND r.status = 'superseded';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE report_submissions DROP COLUMN superseded_at, DROP COLUMN superseded_by');
  }
}
