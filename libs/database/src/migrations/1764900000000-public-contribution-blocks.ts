import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published blocks (FDI and domestic): the ledger keeps each contribution's block beside its amount, by position,
 * so that a block's cells can be audited against everything published before. Sets kept before blocks were
 * published have none (NULL): no cell of theirs names a block.
 */
export class PublicContributionBlocks1764900000000 implements MigrationInterface {
  name = 'PublicContributionBlocks1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE public_contributions ADD COLUMN blocks text[],
        ADD CONSTRAINT public_contributions_blocks
          CHECK (blocks IS NULL OR (cardinality(blocks) = cardinality(tax_codes) AND blocks <@ ARRAY['domestic', 'foreign']))
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE public_contributions DROP COLUMN blocks');
  }
}
