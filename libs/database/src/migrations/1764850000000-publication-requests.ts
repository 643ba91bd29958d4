import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A publication asked for over HTTP is a request stored with its outbox job and built by the worker;
 * it ends pointing at the publication that answers it (the one it made, or the month's existing one).
 */
export class PublicationRequests1764850000000 implements MigrationInterface {
  name = 'PublicationRequests1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE publication_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        as_of date NOT NULL,
        force boolean NOT NULL,
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        publication_id integer REFERENCES publications(id),
        answered_at timestamptz
      );
      CREATE INDEX publication_requests_pending ON publication_requests (requested_at) WHERE answered_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE publication_requests');
  }
}
