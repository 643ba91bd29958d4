import { randomUUID } from 'node:crypto';
import { EnterpriseFields, EnterprisesRepository } from '../../libs/database/src/repositories/enterprises.repository';
import { NewPublication, PublicationsRepository } from '../../libs/database/src/repositories/publications.repository';
import { SubmissionInsert } from '../../libs/database/src/repositories/report-submissions.repository';
import { ZoneFields, ZonesRepository } from '../../libs/database/src/repositories/zones.repository';
import type { PublishedFigures } from '../../libs/domain/src/publications/published-figures';
import { Verdict } from '../../libs/domain/src/verdicts/submission-verdict';
import { TestDatabase } from './test-database';

/** What the repository suites arrange before they test: zones, enterprises, a token, submissions, publications. */

/** An operating industrial park of region 1 unless `extra` says otherwise. */
export const zoneFields = (code: string, extra: Partial<ZoneFields> = {}): ZoneFields => ({
  code,
  name: `Khu ${code}`,
  kind: 'industrial_park',
  locality: 'Lào Cai',
  wageRegion: 1,
  status: 'operating',
  areaHa: null,
  ...extra,
});

export async function seedZones(db: TestDatabase, codes: readonly string[]): Promise<void> {
  const zones = new ZonesRepository(db.transactions);
  for (const code of codes) await zones.insert(zoneFields(code));
}

/** A domestic enterprise of `zoneCode`, operating since 2020, without a contact, unless `extra` says otherwise. */
export const enterpriseFields = (taxCode: string, zoneCode: string, extra: Partial<EnterpriseFields> = {}): EnterpriseFields => ({
  taxCode,
  name: `Công ty ${taxCode}`,
  zoneCode,
  ownership: 'domestic',
  vsicSection: null,
  operatingFrom: '2020-01-01',
  operatingUntil: null,
  contactEmail: null,
  ...extra,
});

export async function seedEnterprise(
  db: TestDatabase,
  taxCode: string,
  zoneCode: string,
  extra: Partial<EnterpriseFields> = {},
): Promise<void> {
  await new EnterprisesRepository(db.transactions).insert(enterpriseFields(taxCode, zoneCode, extra));
}

/** A token of `role` for whoever submits or locks in a suite; its id. */
export async function seedToken(db: TestDatabase, role: 'admin' | 'board'): Promise<string> {
  const [{ id }] = await db.query<{ id: string }>(
    `INSERT INTO api_tokens (name, role, token_hash)
     VALUES ('BQL', $1, encode(sha256(gen_random_uuid()::text::bytea), 'hex')) RETURNING id`,
    [role],
  );
  return id;
}

/** A board's submission over the API, without an Idempotency-Key or a batch. */
export const submissionInsert = (
  taxCode: string,
  period: string,
  submittedBy: string,
  figures: SubmissionInsert['figures'],
  extra: Partial<SubmissionInsert> = {},
): SubmissionInsert => ({
  id: randomUUID(),
  taxCode,
  period,
  zoneCode: null,
  source: 'api',
  submittedBy,
  filerRole: 'board',
  idempotencyKey: null,
  requestHash: 'h'.repeat(64),
  batchId: null,
  batchRow: null,
  figures,
  receivedAt: null,
  ...extra,
});

/** An on-time verdict without issues. */
export const verdictOf = (revision: number, extra: Partial<Verdict> = {}): Verdict => ({
  status: 'accepted',
  revision,
  late: false,
  issues: [],
  warningCount: 0,
  zoneCode: null,
  ...extra,
});

const NO_FIGURES = {} as PublishedFigures;

/** A publication of `month` with empty figures and workbooks (what the ledger's rows point to); its number. */
export function seedPublication(db: TestDatabase, month: string, extra: Partial<NewPublication> = {}): Promise<number> {
  const empty = Buffer.alloc(0);
  return db.transactions.run((tx) =>
    new PublicationsRepository(db.transactions).insert(
      {
        month,
        forced: false,
        asOf: `${month}-01`,
        publishedBy: 'test',
        latestQuarter: '2025-Q2',
        yearToDate: '2025-Q1..2025-Q2',
        filingQuarter: '2025-Q3',
        figures: NO_FIGURES,
        publicFigures: NO_FIGURES,
        revised: [],
        workbook: empty,
        publicWorkbook: empty,
        ...extra,
      },
      tx,
    ),
  );
}
