import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time sign-in links to the pages (the demo prints one): stored by the hash of their code, each for
 * a token, usable once and only until it expires; the session it starts is the token's, as at /login.
 */
export class SignInLinks1764860000000 implements MigrationInterface {
  name = 'SignInLinks1764860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sign_in_links (
        code_hash char(64) PRIMARY KEY,
        token_id uuid NOT NULL REFERENCES api_tokens(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sign_in_links');
  }
}
