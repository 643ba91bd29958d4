import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per stored upload of report files: who uploaded it (and the scope the uploader had, which
 * decides who may read it back) and the rows refused with their errors by cell. The rows that were
 * stored are report submissions carrying the batch id and their row number.
 */
export class ReportUploadBatches1764600000000 implements MigrationInterface {
  name = 'ReportUploadBatches1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_upload_batches (
        id uuid PRIMARY KEY,
        uploaded_by uuid NOT NULL REFERENCES api_tokens(id),
        uploader_role text NOT NULL CHECK (uploader_role IN ('admin', 'board', 'enterprise')),
        uploader_tax_code text,
        -- The zones the uploader could file for; null means every zone.
        uploader_zone_codes text[],
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        file_name text,
        format text NOT NULL CHECK (format IN ('xlsx', 'csv')),
        atomic boolean NOT NULL,
        row_count integer NOT NULL CHECK (row_count >= 0),
        invalid_rows jsonb NOT NULL DEFAULT '[]'
      )
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE report_upload_batches');
  }
}
