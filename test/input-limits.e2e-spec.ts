/**
 * No input, however large or strange, stalls the pipeline or answers 500: money has a maximum every
 * aggregate can hold, periods and dates have a valid range, stored data the rules cannot judge still
 * gets a verdict, and forged cursors, control characters, nulls and deep nesting are refused as 4xx.
 */
import { randomUUID } from 'node:crypto';
import { JobName, QueueName } from '@app/queue';
import { aggregatesAndRecomputation, waitUntilDecided } from './support/aggregate-invariant';
import { createEnterprise, createZone, reportBody, submit, submitAndDecide, verdict } from './support/fixtures';
import { Reply } from './support/http-client';
import { expectFieldProblem, expectProblem } from './support/problem-assertions';
import { startTestSystem, TestSystem } from './support/test-system';
import { publish } from './support/publish';

// The documented maxima per field (README, OpenAPI): what a client may rely on.
const MAX_DONG = 9_999_999_999_999_999n;
const MAX_USD = 999_999_999_999n;
const MONEY_FIELDS = [
  ['production', 'grossOutput', MAX_DONG],
  ['production', 'grossOutputConstant2010', MAX_DONG],
  ['production', 'revenue', MAX_DONG],
  ['production', 'exportValueUsd', MAX_USD],
  ['production', 'importValueUsd', MAX_USD],
  ['production', 'stateBudgetPaid', MAX_DONG],
  ['investment', 'realizedCapital', MAX_DONG],
  ['wages', 'wageFund', MAX_DONG],
] as const;

const ZONE = 'LIM';
const TAX = '5300000071';
const BIG_ZONE = 'LIMBIG';
const BIG_REPORTS = 1000;

const b64 = (json: string) => Buffer.from(json).toString('base64url');

describe('input limits: money, periods and dates, cursors, text, nulls and nesting', () => {
  let sys: TestSystem;
  let admin: string;
  let filer: string;

  const upload = (csv: string, token = admin) => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(csv)]), 'bao-cao.csv');
    return sys.http.request('POST', '/v1/reports/upload', { token, raw: form });
  };
  /** The same report body with one figure replaced. */
  const withFigure = (section: string, key: string, value: unknown, period = '2025-Q2') => {
    const body = reportBody(TAX, period) as Record<string, any>;
    body[section] = { ...(body[section] ?? {}), [key]: value };
    return body;
  };
  const messageOf = (r: Reply, field: string): string => r.body.errors.find((e: { field: string }) => e.field === field).message;

  beforeAll(async () => {
    sys = await startTestSystem('inputlimits');
    admin = await sys.token({ role: 'admin', name: 'admin' });
    filer = await sys.token({ role: 'enterprise', name: 'DN', taxCode: TAX });
    await createZone(sys.http, admin, ZONE);
    await createEnterprise(sys.http, admin, TAX, ZONE);
  }, 30_000);
  afterAll(() => sys?.close(), 30_000);

  describe('money has a maximum every aggregate can hold', () => {
    it('refuses a figure above the maximum of its field with 422 TOO_LARGE naming the field and the maximum', async () => {
      for (const [section, key, max] of MONEY_FIELDS) {
        const r = await sys.http.post('/v1/reports', withFigure(section, key, (max + 1n).toString()), filer);
        expectFieldProblem(r, 422, `${section}.${key}`, 'TOO_LARGE');
        expect(messageOf(r, `${section}.${key}`)).toContain(max.toString());
      }
      // The value that blocked a zone for good, and a USD amount that is still an exact JSON number.
      expectFieldProblem(
        await sys.http.post('/v1/reports', withFigure('production', 'grossOutput', '9223372036854775807'), filer),
        422,
        'production.grossOutput',
        'TOO_LARGE',
      );
      expectFieldProblem(
        await sys.http.post('/v1/reports', withFigure('production', 'exportValueUsd', Number(MAX_USD) + 1), filer),
        422,
        'production.exportValueUsd',
        'TOO_LARGE',
      );
    });

    it('takes every figure at its maximum exactly, and the worker accepts it', async () => {
      const body = reportBody(TAX, '2025-Q1', Object.fromEntries(MONEY_FIELDS.map(([, key, max]) => [key, max.toString()])));
      const decided = await submitAndDecide(sys.http, filer, body);
      expect(decided.status).toBe('accepted');
      expect(decided.production).toMatchObject({ grossOutput: MAX_DONG.toString(), exportValueUsd: MAX_USD.toString() });
      expect(decided.wages.wageFund).toBe(MAX_DONG.toString());
    });

    it('refuses the same in an uploaded file, by cell', async () => {
      const csv = [
        'Mã số thuế,Kỳ,GTSX,Doanh thu,Xuất khẩu,Lao động,Quỹ lương',
        'taxCode,period,production.grossOutput,production.revenue,production.exportValueUsd,employment.workers,wages.wageFund',
        `${TAX},2025-Q3,${MAX_DONG + 1n},1000,${MAX_USD + 1n},10,9000000000`,
        `${TAX},2025-Q3,${MAX_DONG},1000,${MAX_USD},10,9000000000`,
      ].join('\n');
      const r = await upload(csv);
      expect(r.status).toBe(202);
      expect(r.body.rows).toEqual([
        {
          row: 3,
          status: 'invalid',
          errors: [
            { cell: 'C3', field: 'production.grossOutput', code: 'TOO_LARGE', message: expect.stringContaining(MAX_DONG.toString()) },
            { cell: 'E3', field: 'production.exportValueUsd', code: 'TOO_LARGE', message: expect.stringContaining(MAX_USD.toString()) },
          ],
        },
        expect.objectContaining({ row: 4, status: 'received' }),
      ]);
    });

    it('refuses registry money above the maximum: registered capital and zone targets', async () => {
      const project = {
        code: 'DA-LIM-1',
        name: 'Nhà máy',
        taxCode: TAX,
        zoneCode: ZONE,
        status: 'operating',
        registeredCapital: (MAX_DONG + 1n).toString(),
      };
      expectFieldProblem(await sys.http.post('/v1/projects', project, admin), 422, 'registeredCapital', 'TOO_LARGE');
      expect((await sys.http.post('/v1/projects', { ...project, registeredCapital: MAX_DONG.toString() }, admin)).status).toBe(201);
      expectFieldProblem(
        await sys.http.patch('/v1/projects/DA-LIM-1', { registeredCapital: '9223372036854775807' }, admin),
        422,
        'registeredCapital',
        'TOO_LARGE',
      );
      expectFieldProblem(
        await sys.http.put(`/v1/targets/${ZONE}/2025`, { grossOutputConstant2010: (MAX_DONG + 1n).toString() }, admin),
        422,
        'grossOutputConstant2010',
        'TOO_LARGE',
      );
      const target = await sys.http.put(`/v1/targets/${ZONE}/2025`, { grossOutputConstant2010: MAX_DONG.toString() }, admin);
      expect(target.body).toMatchObject({ grossOutputConstant2010: MAX_DONG.toString() });
    });

    it(`sums a zone-quarter of ${BIG_REPORTS} reports at the maximum exactly; later reports of the zone still get verdicts`, async () => {
      await createZone(sys.http, admin, BIG_ZONE, { kind: 'industrial_cluster' });
      const taxCodes = Array.from({ length: BIG_REPORTS + 1 }, (_, i) => `54${String(i).padStart(8, '0')}`);
      for (let i = 0; i < taxCodes.length; i += 20) {
        await Promise.all(taxCodes.slice(i, i + 20).map((t) => createEnterprise(sys.http, admin, t, BIG_ZONE)));
      }
      const columns = ['taxCode', 'period', ...MONEY_FIELDS.map(([section, key]) => `${section}.${key}`), 'employment.workers'];
      const rows = taxCodes
        .slice(0, BIG_REPORTS)
        .map((t) => [t, '2025-Q2', ...MONEY_FIELDS.map(([, , max]) => max.toString()), '100'].join(','));
      const r = await upload([columns.map((_, i) => `Cột ${i + 1}`).join(','), columns.join(','), ...rows].join('\n'));
      expect(r.status).toBe(202);
      expect(r.body.rows.filter((row: { status: string }) => row.status === 'received')).toHaveLength(BIG_REPORTS);
      await waitUntilDecided(sys, 120_000);

      // The independent sum: every accepted report of the zone-quarter as the API lists it, added as BigInt.
      const sums = new Map<string, bigint>();
      let cursor: string | null = null;
      let listed = 0;
      do {
        const page: Reply = await sys.http.get(
          `/v1/reports?zone=${BIG_ZONE}&period=2025-Q2&status=accepted&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
          admin,
        );
        expect(page.status).toBe(200);
        for (const report of page.body.items) {
          listed++;
          for (const [section, key] of MONEY_FIELDS) sums.set(key, (sums.get(key) ?? 0n) + BigInt(report[section][key]));
        }
        cursor = page.body.nextCursor;
      } while (cursor !== null);
      expect(listed).toBe(BIG_REPORTS);
      expect(sums.get('grossOutput')).toBe(BigInt(BIG_REPORTS) * MAX_DONG);
      expect(sums.get('grossOutput')! > 2n ** 63n).toBe(true);

      const summary = await sys.http.get(`/v1/zones/${BIG_ZONE}/summary?period=2025-Q2`, admin);
      expect(summary.status).toBe(200);
      for (const [, key] of MONEY_FIELDS) expect({ key, value: summary.body[key] }).toEqual({ key, value: sums.get(key)!.toString() });
      expect(summary.body.reportsReceived).toBe(BIG_REPORTS);
      const year = await sys.http.get('/v1/summaries?period=2025', admin);
      expect(year.body.totals.industrial_cluster.grossOutput).toBe(sums.get('grossOutput')!.toString());

      // One more report of that zone and quarter is decided, and added exactly.
      const last = await submitAndDecide(
        sys.http,
        admin,
        reportBody(taxCodes[BIG_REPORTS], '2025-Q2', { grossOutput: MAX_DONG.toString() }),
      );
      expect(last.status).toBe('accepted');
      const after = await sys.http.get(`/v1/zones/${BIG_ZONE}/summary?period=2025-Q2`, admin);
      expect(after.body.grossOutput).toBe((sums.get('grossOutput')! + MAX_DONG).toString());
      const { stored, recomputed } = await aggregatesAndRecomputation(sys);
      expect(stored).toEqual(recomputed);
      expect(await sys.query(`SELECT id FROM report_submissions WHERE status = 'received'`)).toEqual([]);
    }, 240_000);
  });

  describe('periods and dates have a valid range', () => {
    const RANGE = /2000-Q1.*2099-Q4/;

    it('refuses periods outside 2000-Q1..2099-Q4 (422 INVALID_PERIOD with the range); the first and last are decided', async () => {
      for (const period of ['0000-Q1', '1999-Q4', '2100-Q1', '9999-Q4']) {
        const r = await sys.http.post('/v1/reports', reportBody(TAX, period), filer);
        expectFieldProblem(r, 422, 'period', 'INVALID_PERIOD');
        expect(messageOf(r, 'period')).toMatch(RANGE);
      }
      // Before the enterprise operated, and not yet ended: both rejected by the worker, neither left received.
      const first = await submitAndDecide(sys.http, admin, reportBody(TAX, '2000-Q1'));
      expect(first.status).toBe('rejected');
      expect(first.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'ENTERPRISE_NOT_OPERATING' })]));
      const last = await submitAndDecide(sys.http, admin, reportBody(TAX, '2099-Q4'));
      expect(last.status).toBe('rejected');
      expect(last.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'PERIOD_NOT_ENDED' })]));
    });

    it('refuses receipt stamps before the first quarter began (receivedAt)', async () => {
      for (const receivedAt of ['0000-01-01T00:00Z', '1999-12-31T23:59:59+07:00', '1970-01-01T00:00:00Z']) {
        const r = await sys.http.post('/v1/reports', { ...reportBody(TAX, '2025-Q2'), receivedAt }, admin);
        expectFieldProblem(r, 422, 'receivedAt', 'INVALID_INSTANT');
        expect(messageOf(r, 'receivedAt')).toContain('2000-01-01');
      }
      const paper = await submit(sys.http, admin, { ...reportBody(TAX, '2025-Q2'), receivedAt: '2025-07-05T09:00:00+07:00' });
      expect((await verdict(sys.http, admin, paper.id)).receivedAt).toBe('2025-07-05T09:00:00.000+07:00');
    });

    it('refuses publication days before the first quarter could be published (asOf)', async () => {
      for (const asOf of ['1990-01-05', '0000-01-01', '2000-04-09']) {
        const r = await publish(sys.http, { asOf }, admin);
        expectFieldProblem(r, 422, 'asOf', 'INVALID_DATE');
        expect(messageOf(r, 'asOf')).toContain('2000-04-10');
      }
      const first = await publish(sys.http, { asOf: '2000-04-10' }, admin);
      expect(first.status).toBe(202);
      expect(first.body).toMatchObject({ latestQuarter: '2000-Q1', filingQuarter: '2000-Q1' });
    });

    it('refuses periods and years outside the range in templates, queries and paths', async () => {
      const refusals: Array<[string, string, string, string?]> = [
        ['GET', '/v1/reports/template.xlsx?period=0000-Q1', 'period'],
        ['GET', '/v1/reports?period=0000-Q1', 'period'],
        ['GET', '/v1/follow-ups?period=1999-Q4', 'period'],
        ['GET', '/v1/summaries?period=1999', 'period'],
        ['GET', '/v1/summaries?period=2100-Q1', 'period'],
        ['GET', '/v1/summaries?from=1999-Q4&to=2000-Q1', 'from'],
        ['GET', '/v1/summaries?from=2099-Q4&to=2100-Q1', 'to'],
        ['GET', '/v1/summaries.xlsx?period=0000', 'period'],
        ['GET', `/v1/zones/${ZONE}/summary?period=0000-Q1`, 'period'],
        ['GET', '/v1/public/summaries?period=0000-Q1', 'period'],
        ['GET', '/v1/periods/0000-Q1/filing-status', 'period'],
        ['POST', '/v1/periods/1999-Q4/lock', 'period'],
        ['POST', '/v1/periods/2100-Q1/unlock', 'period'],
      ];
      for (const [method, path, field] of refusals) {
        const r = await sys.http.request(method, path, { token: path.includes('public') ? undefined : admin });
        expect({ path, status: r.status }).toEqual({ path, status: 422 });
        expectFieldProblem(r, 422, field, 'INVALID_PERIOD');
        expect(messageOf(r, field)).toMatch(RANGE);
      }
      for (const year of ['1999', '2100', '0000']) {
        const r = await sys.http.put(`/v1/targets/${ZONE}/${year}`, { grossOutputConstant2010: '1' }, admin);
        expectFieldProblem(r, 422, 'year', 'OUT_OF_RANGE');
        expect(messageOf(r, 'year')).toMatch(/2000.*2099/);
      }
      const template = await sys.http.get('/v1/reports/template.xlsx?period=2000-Q1', filer);
      expect(template.status).toBe(200);
    });

    it('refuses registry dates outside 1900-01-01..2099-12-31', async () => {
      const enterprise = (taxCode: string, dates: Record<string, string>) =>
        sys.http.post(
          '/v1/enterprises',
          { taxCode, name: 'Công ty', zoneCode: ZONE, ownership: 'domestic', operatingFrom: '2020-01-01', ...dates },
          admin,
        );
      const refusals: Array<[Promise<Reply>, string]> = [
        [enterprise('5300000072', { operatingFrom: '0000-01-01' }), 'operatingFrom'],
        [enterprise('5300000072', { operatingFrom: '1899-12-31' }), 'operatingFrom'],
        [enterprise('5300000072', { operatingUntil: '2100-01-01' }), 'operatingUntil'],
        [sys.http.patch(`/v1/enterprises/${TAX}`, { operatingUntil: '9999-12-31' }, admin), 'operatingUntil'],
        [
          sys.http.post(
            '/v1/projects',
            { code: 'DA-LIM-2', name: 'Dự án', taxCode: TAX, zoneCode: ZONE, status: 'operating', operatingFrom: '0000-01-01' },
            admin,
          ),
          'operatingFrom',
        ],
        [sys.http.patch('/v1/projects/DA-LIM-1', { endedAt: '2100-01-01' }, admin), 'endedAt'],
      ];
      for (const [reply, field] of refusals) {
        const r = await reply;
        expectFieldProblem(r, 422, field, 'INVALID_DATE');
        expect(messageOf(r, field)).toMatch(/1900-01-01.*2099-12-31/);
      }
      expect((await enterprise('5300000073', { operatingFrom: '1900-01-01', operatingUntil: '2099-12-31' })).status).toBe(201);
      expect((await sys.http.get(`/v1/enterprises/${TAX}`, admin)).body.operatingUntil).toBeNull();
    });

    it('rejects stored submissions the rules cannot judge (a period or a figure out of range), never leaving them received', async () => {
      const store = async (period: string, grossOutput: string) => {
        const id = randomUUID();
        await sys.query(
          `INSERT INTO report_submissions (id, tax_code, period, zone_code, source, filer_role, gross_output, revenue, workers, wage_fund)
           VALUES ($1, $2, $3, $4, 'api', 'board', $5, 1000, 10, 9000000000)`,
          [id, TAX, period, ZONE, grossOutput],
        );
        await sys.query('INSERT INTO outbox (queue, job_name, job_id, payload) VALUES ($1, $2, $3, $4)', [
          QueueName.Reports,
          JobName.ProcessReport,
          id,
          JSON.stringify({ submissionId: id }),
        ]);
        return id;
      };
      // As stored before the limits existed.
      const badPeriod = await store('0000-Q1', '1000');
      const tooLarge = await store('2025-Q3', '9223372036854775807');
      const decidedPeriod = await verdict(sys.http, admin, badPeriod);
      expect(decidedPeriod).toMatchObject({
        status: 'rejected',
        issues: [expect.objectContaining({ code: 'INVALID_PERIOD', field: 'period', severity: 'error' })],
      });
      expect(decidedPeriod.issues[0].message).toMatch(RANGE);
      expect(await verdict(sys.http, admin, tooLarge)).toMatchObject({
        status: 'rejected',
        issues: [expect.objectContaining({ code: 'FIGURE_OUT_OF_RANGE', field: 'production.grossOutput', severity: 'error' })],
      });
      // The zone goes on: a later report of the same quarter is accepted.
      expect((await submitAndDecide(sys.http, filer, reportBody(TAX, '2025-Q3'))).status).toBe('accepted');
      await waitUntilDecided(sys);
    });
  });

  describe('no 500 from forged cursors, control characters, nulls or deep nesting', () => {
    it('refuses forged cursors on every paginated list with 400 INVALID_CURSOR', async () => {
      const lists = ['/v1/zones', '/v1/enterprises', '/v1/projects', '/v1/reports', '/v1/follow-ups', '/v1/audit', '/v1/publications'];
      const forged = [
        '["x","y"]',
        '[1,2]',
        '[null]',
        '[{}]',
        '[["a"]]',
        '["\\u0000"]',
        '[1e999]',
        '{"a":1}',
        '"x"',
        '[]',
        '[-1]',
        '[2147483648]',
        '["2025-13-45 99:99:99+00","00000000-0000-0000-0000-000000000000"]',
        '["2025-10-05 09:30:00+00",5]',
        '["0000-01-01 00:00:00+00","x"]',
      ].map(b64);
      for (const list of lists) {
        for (const cursor of [...forged, '%00', '!!!']) {
          const r = await sys.http.get(`${list}?cursor=${cursor}`, admin);
          expect({ list, cursor, status: r.status }).toEqual({ list, cursor, status: cursor === '%00' ? 422 : 400 });
          expectFieldProblem(r, r.status, 'cursor', cursor === '%00' ? 'INVALID_CHARACTER' : 'INVALID_CURSOR');
        }
      }
    });

    it('refuses NUL, control characters and lone surrogates in bodies, queries and paths (422 INVALID_CHARACTER, its field)', async () => {
      const zone = { code: 'LIMX', name: 'KCN', kind: 'industrial_park', locality: 'Lào Cai', wageRegion: 2, status: 'operating' };
      const report = await submitAndDecide(sys.http, filer, reportBody(TAX, '2024-Q4'));
      const refusals: Array<[string, string, unknown, string]> = [
        ['POST', '/v1/zones', { ...zone, name: 'KCN\u0000' }, 'name'],
        ['POST', '/v1/zones', { ...zone, locality: '\ud800Lào Cai' }, 'locality'],
        ['POST', '/v1/zones', { ...zone, name: 'KCN\u0007' }, 'name'],
        [
          'POST',
          '/v1/enterprises',
          { taxCode: '5300000074', name: 'Công ty\u0000', zoneCode: ZONE, ownership: 'domestic', operatingFrom: '2020-01-01' },
          'name',
        ],
        ['PATCH', `/v1/enterprises/${TAX}`, { contactEmail: 'a\u0000@b.vn' }, 'contactEmail'],
        ['POST', '/v1/tokens', { role: 'admin', name: '\udc00' }, 'name'],
        ['POST', '/v1/subscriptions', { email: 'x\u0000@y.vn', zoneCodes: 'all' }, 'email'],
        ['POST', '/v1/subscriptions', { email: 'x@y.vn', zoneCodes: ['LIM\u0000'] }, 'zoneCodes.0'],
        ['POST', `/v1/reports/${report.id}/review`, { comment: 'đã xem\u0000' }, 'comment'],
        ['POST', '/v1/reports', { ...reportBody(TAX, '2025-Q2'), taxCode: '5300000071\u0000' }, 'taxCode'],
        ['POST', '/v1/reports', withFigure('production', 'grossOutput', '1000\u0000'), 'production.grossOutput'],
        ['POST', '/v1/publications', { asOf: '2025-11-01\u0000' }, 'asOf'],
        ['GET', '/v1/audit?entity=%00', undefined, 'entity'],
        ['GET', '/v1/audit?entity=report&id=%01', undefined, 'id'],
        ['GET', '/v1/reports?taxCode=%00', undefined, 'taxCode'],
        ['GET', '/v1/summaries?period=2025%00', undefined, 'period'],
        ['GET', '/v1/publications/1/workbook.xlsx?audience=%00', undefined, 'audience'],
        ['GET', '/v1/enterprises/%00', undefined, 'taxCode'],
        ['GET', '/v1/zones/%00', undefined, 'code'],
        ['GET', '/v1/zones/%00/summary?period=2025', undefined, 'code'],
        ['GET', '/v1/projects/%00', undefined, 'code'],
        ['PATCH', '/v1/projects/%00', { name: 'x' }, 'code'],
        ['PUT', '/v1/targets/%00/2025', { grossOutputConstant2010: '1' }, 'zoneCode'],
        ['POST', '/v1/periods/%00/lock', undefined, 'period'],
        ['GET', '/v1/reports/%00', undefined, 'id'],
        ['GET', '/v1/reports/uploads/%00', undefined, 'batchId'],
      ];
      for (const [method, path, body, field] of refusals) {
        const r = await sys.http.request(method, path, { token: admin, body });
        expect({ method, path, field, status: r.status }).toEqual({ method, path, field, status: 422 });
        expectFieldProblem(r, 422, field, 'INVALID_CHARACTER');
      }
      expect((await sys.http.get('/v1/zones/LIMX', admin)).status).toBe(404);
      // Tabs and line breaks are text.
      const ok = await sys.http.post('/v1/zones', { ...zone, name: 'KCN\tLào Cai\r\nmở rộng' }, admin);
      expect(ok.status).toBe(201);
      expect(ok.body.name).toBe('KCN\tLào Cai\r\nmở rộng');
    });

    it('refuses null for a field a PATCH may leave out but not clear (422 NOT_NULLABLE), and still clears nullable ones', async () => {
      await createEnterprise(sys.http, admin, '5300000075', ZONE, {
        operatingUntil: '2030-12-31',
        vsicSection: 'C',
        contactEmail: 'a@b.vn',
      });
      const project = await sys.http.post(
        '/v1/projects',
        {
          code: 'DA-LIM-3',
          name: 'Dự án',
          taxCode: '5300000075',
          zoneCode: ZONE,
          status: 'operating',
          operatingFrom: '2021-01-01',
          endedAt: '2029-01-01',
          registeredCapital: '5',
        },
        admin,
      );
      expect(project.status).toBe(201);
      await createZone(sys.http, admin, 'LIMP', { areaHa: 10 });
      const cases: Array<[string, string[], Record<string, null>]> = [
        [
          '/v1/enterprises/5300000075',
          ['name', 'zoneCode', 'ownership', 'operatingFrom'],
          { operatingUntil: null, vsicSection: null, contactEmail: null },
        ],
        [
          '/v1/projects/DA-LIM-3',
          ['taxCode', 'status', 'zoneCode', 'name'],
          { operatingFrom: null, endedAt: null, registeredCapital: null },
        ],
        ['/v1/zones/LIMP', ['wageRegion', 'name', 'kind', 'locality', 'status', 'code'], { areaHa: null }],
      ];
      for (const [path, required, nullable] of cases) {
        const before = (await sys.http.get(path, admin)).body;
        for (const field of required) {
          const r = await sys.http.patch(path, { [field]: null }, admin);
          expect({ path, field, status: r.status }).toEqual({ path, field, status: 422 });
          expectFieldProblem(r, 422, field, 'NOT_NULLABLE');
        }
        const all = await sys.http.patch(path, Object.fromEntries(required.map((f) => [f, null])), admin);
        expect(all.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([...required].sort());
        expect((await sys.http.get(path, admin)).body).toEqual(before);
        const cleared = await sys.http.patch(path, nullable, admin);
        expect(cleared.status).toBe(200);
        expect(cleared.body).toMatchObject(nullable);
      }
    });

    it('refuses JSON nested 5,000 deep with 400 TOO_DEEP, at once, and keeps bodies of normal depth', async () => {
      const deepObject = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
      const deepArray = `${'['.repeat(5000)}${']'.repeat(5000)}`;
      const deepField = JSON.stringify(reportBody(TAX, '2025-Q2')).replace('"taxCode":"5300000071"', `"taxCode":${deepArray}`);
      const sends: Array<[string, string, string, string, string]> = [
        ['POST', '/v1/reports', deepObject, filer, 'a'],
        ['POST', '/v1/reports', deepArray, filer, '(body)'],
        ['POST', '/v1/reports', deepField, filer, 'taxCode'],
        ['POST', '/v1/zones', deepObject, admin, 'a'],
        ['PATCH', `/v1/enterprises/${TAX}`, `{"name":${deepArray}}`, admin, 'name'],
        ['POST', '/v1/subscriptions', `{"email":"a@b.vn","zoneCodes":${deepArray}}`, admin, 'zoneCodes'],
      ];
      for (const [method, path, raw, token, field] of sends) {
        const started = Date.now();
        const r = await sys.http.request(method, path, { token, raw, headers: { 'content-type': 'application/json' } });
        expect({ path, field, status: r.status }).toEqual({ path, field, status: 400 });
        expectFieldProblem(r, 400, field, 'TOO_DEEP');
        expect(Date.now() - started).toBeLessThan(2_000);
      }
      const token = await sys.http.post('/v1/tokens', { role: 'board', name: 'BQL', zoneCodes: [ZONE] }, admin);
      expect(token.status).toBe(201);
      expectProblem(
        await sys.http.request('POST', '/v1/reports', {
          token: filer,
          raw: '{"taxCode":',
          headers: { 'content-type': 'application/json' },
        }),
        400,
      );
    });
  });
});
