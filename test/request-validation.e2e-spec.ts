import { createEnterprise, createZone, reportBody, reportWithFields, submit, verdict, WRONG_TYPES } from './support/fixtures';
import { Reply } from './support/http-client';
import { startTestSystem, TestSystem } from './support/test-system';

const ZONE = 'TLG';
const TAX = '5300000031';
const ZONE_NAME = 'Khu công nghiệp Tằng Loỏng';

interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** A problem details answer with the given status; returns its field errors (possibly none). */
function problem(r: Reply, status: number): FieldError[] {
  expect({ status: r.status, body: r.body }).toEqual({ status, body: expect.anything() });
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.body).toEqual(
    expect.objectContaining({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) }),
  );
  return r.body.errors ?? [];
}

/** The errors as field → code, so a test states exactly which fields were named and why. */
function codes(errors: FieldError[]): Record<string, string> {
  for (const e of errors) expect(e.message).toEqual(expect.any(String));
  return Object.fromEntries(errors.map((e) => [e.field, e.code]));
}

describe('request validation: shapes, types, values and media types', () => {
  let sys: TestSystem;
  let admin: string;
  let board: string;
  let filer: string;

  const raw = (path: string, body: string | Buffer, contentType: string, token = admin) =>
    sys.http.request('POST', path, { token, raw: body, headers: { 'content-type': contentType } });
  const postReport = (body: unknown, token = filer) => sys.http.post('/v1/reports', body, token);
  const countReports = async () => (await sys.query('SELECT count(*)::int AS n FROM report_submissions'))[0].n as number;
  const withFields = (changes: Record<string, unknown>) => reportWithFields(reportBody(TAX, '2025-Q2'), changes);

  // Hook timeouts given here: jest takes testTimeout from the root config only, not from the e2e project.
  beforeAll(async () => {
    sys = await startTestSystem('validation');
    admin = await sys.token({ role: 'admin', name: 'admin' });
    board = await sys.token({ role: 'board', name: 'BQL', zoneCodes: [ZONE] });
    filer = await sys.token({ role: 'enterprise', name: 'DN', taxCode: TAX });
    await createZone(sys.http, admin, ZONE, { name: ZONE_NAME, locality: 'xã Phong Hải (huyện Bảo Thắng cũ)', wageRegion: 3 });
    await createEnterprise(sys.http, admin, TAX, ZONE, { name: 'Công ty Cổ phần Phốt pho Apatit Việt Nam' });
  }, 30_000);
  afterAll(() => sys?.close(), 30_000);

  describe('POST /v1/reports', () => {
    it('answers 400 to malformed JSON and to bodies that are not objects', async () => {
      const before = await countReports();
      problem(await raw('/v1/reports', '{"taxCode": "5300000031", "period": ', 'application/json', filer), 400);
      problem(await raw('/v1/reports', "{taxCode: '5300000031'}", 'application/json', filer), 400);
      for (const body of ['[]', '[{"taxCode":"5300000031"}]', '"5300000031"', '42', 'null', 'true']) {
        const r = await raw('/v1/reports', body, 'application/json', filer);
        expect({ body, status: r.status }).toEqual({ body, status: 400 });
        problem(r, 400);
      }
      expect(await countReports()).toBe(before);
    });

    it('answers 400 listing every field of a wrong type, with its path and code', async () => {
      const r = await postReport(withFields(WRONG_TYPES));
      expect(codes(problem(r, 400))).toEqual({
        taxCode: 'NOT_A_STRING',
        'production.grossOutput': 'NOT_AN_INTEGER',
        'production.revenue': 'NOT_AN_INTEGER',
        'employment.workers': 'NOT_AN_INTEGER',
        'employment.femaleWorkers': 'NOT_AN_INTEGER',
        'wages.wageFund': 'NOT_AN_INTEGER',
        investment: 'NOT_AN_OBJECT',
      });
    });

    it('refuses fractional money (400 NOT_AN_INTEGER), as a number or as a string', async () => {
      expect(codes(problem(await postReport(withFields({ 'production.grossOutput': 1500000000.5 })), 400))).toEqual({
        'production.grossOutput': 'NOT_AN_INTEGER',
      });
      expect(codes(problem(await postReport(withFields({ 'wages.wageFund': '2100000000.00' })), 400))).toEqual({
        'wages.wageFund': 'NOT_AN_INTEGER',
      });
      expect(codes(problem(await postReport(withFields({ 'production.exportValueUsd': '1e6' })), 400))).toEqual({
        'production.exportValueUsd': 'NOT_AN_INTEGER',
      });
    });

    it('refuses money above 2^53 as a JSON number (PRECISION_LOST) but takes it exactly as a string of digits', async () => {
      // Written by hand: JSON.stringify cannot produce a number it cannot represent.
      const json = JSON.stringify(reportBody(TAX, '2025-Q2')).replace('"grossOutput":1000000000', '"grossOutput":9007199254740993');
      expect(json).toContain('9007199254740993');
      const lost = await raw('/v1/reports', json, 'application/json', filer);
      expect(codes(problem(lost, 400))).toEqual({ 'production.grossOutput': 'PRECISION_LOST' });
      // eslint-disable-next-line no-loss-of-precision -- a JSON number past 2^53 is the input under test
      expect(codes(problem(await postReport(withFields({ 'production.revenue': 12345678901234567890 })), 400))).toEqual({
        'production.revenue': 'PRECISION_LOST',
      });

      // Beyond the maximum of the field, even as digits: a value error, not a type error.
      expect(codes(problem(await postReport(withFields({ 'production.grossOutput': '12345678901234567890' })), 422))).toEqual({
        'production.grossOutput': 'TOO_LARGE',
      });
      expect(codes(problem(await postReport(withFields({ 'wages.wageFund': '9'.repeat(40) })), 422))).toEqual({
        'wages.wageFund': 'TOO_LARGE',
      });

      const receipt = await submit(
        sys.http,
        filer,
        withFields({
          'production.grossOutput': '9007199254740993',
          'production.revenue': '9999999999999999',
          'production.exportValueUsd': '999999999999',
        }),
      );
      const back = await sys.http.get(`/v1/reports/${receipt.id}`, filer);
      expect(back.body.production).toMatchObject({
        grossOutput: '9007199254740993',
        revenue: '9999999999999999',
        exportValueUsd: '999999999999',
      });
      // …and the worker and the zone figures keep every digit too.
      expect(await verdict(sys.http, filer, receipt.id)).toMatchObject({
        status: 'accepted',
        production: { grossOutput: '9007199254740993' },
      });
      const summary = await sys.http.get(`/v1/zones/${ZONE}/summary?period=2025-Q2`, board);
      expect(summary.body).toMatchObject({ grossOutput: '9007199254740993', revenue: '9999999999999999', exportValueUsd: '999999999999' });
    });

    it('refuses negative money and counts with 422, and lists type and value errors together under 400', async () => {
      expect(codes(problem(await postReport(withFields({ 'production.grossOutput': -1 })), 422))).toEqual({
        'production.grossOutput': 'NEGATIVE',
      });
      expect(
        codes(problem(await postReport(withFields({ 'wages.wageFund': '-2100000000', investment: { realizedCapital: -5 } })), 422)),
      ).toEqual({ 'wages.wageFund': 'NEGATIVE', 'investment.realizedCapital': 'NEGATIVE' });
      expect(codes(problem(await postReport(withFields({ 'employment.workers': -3 })), 422))).toEqual({
        'employment.workers': 'OUT_OF_RANGE',
      });

      const mixed = await postReport(withFields({ 'production.grossOutput': 1.5, 'production.revenue': -1, period: '2025-Q7' }));
      expect(codes(problem(mixed, 400))).toEqual({
        'production.grossOutput': 'NOT_AN_INTEGER',
        'production.revenue': 'NEGATIVE',
        period: 'INVALID_PERIOD',
      });
    });

    it('refuses unknown fields at the top level and inside sections (400 UNKNOWN_FIELD)', async () => {
      const r = await postReport({ ...withFields({ 'production.grossOutputUsd': 5, 'employment.contractors': 3 }), comment: 'xin chào' });
      expect(codes(problem(r, 400))).toEqual({
        comment: 'UNKNOWN_FIELD',
        'production.grossOutputUsd': 'UNKNOWN_FIELD',
        'employment.contractors': 'UNKNOWN_FIELD',
      });
    });

    it('names every missing required field (400 REQUIRED), and leaves optional ones out freely', async () => {
      const r = await postReport(
        withFields({ 'production.revenue': undefined, 'employment.workers': undefined, wages: undefined, period: undefined }),
      );
      expect(codes(problem(r, 400))).toEqual({
        period: 'REQUIRED',
        'production.revenue': 'REQUIRED',
        'employment.workers': 'REQUIRED',
        wages: 'REQUIRED',
      });
      expect(codes(problem(await postReport({}), 400))).toEqual({
        taxCode: 'REQUIRED',
        period: 'REQUIRED',
        production: 'REQUIRED',
        employment: 'REQUIRED',
        wages: 'REQUIRED',
      });
      // Optional figures left out are "not reported": null, not 0.
      const receipt = await submit(sys.http, filer, reportBody(TAX, '2025-Q1'));
      const back = (await sys.http.get(`/v1/reports/${receipt.id}`, filer)).body;
      expect(back.production).toMatchObject({ grossOutput: '1000000000', grossOutputConstant2010: null, stateBudgetPaid: null });
      expect(back.investment).toEqual({ realizedCapital: null });
    });

    it('answers 422 for a badly written tax code or period', async () => {
      for (const taxCode of ['53000000', '5300000031-1', '530000003A', ' 5300000031']) {
        expect(codes(problem(await postReport({ ...reportBody(TAX, '2025-Q2'), taxCode }, admin), 422))).toEqual({
          taxCode: 'INVALID_TAX_CODE',
        });
      }
      for (const period of ['2025-Q5', '2025Q3', '2025', '2025-q3', '']) {
        expect(codes(problem(await postReport(reportBody(TAX, period)), 422))).toEqual({ period: 'INVALID_PERIOD' });
      }
      expect(codes(problem(await postReport({ ...reportBody('123', '2025-13') }, admin), 422))).toEqual({
        taxCode: 'INVALID_TAX_CODE',
        period: 'INVALID_PERIOD',
      });
    });

    it('answers 413 to a body over 64 KiB and 415 to other media types, as problem details', async () => {
      const before = await countReports();
      const big = JSON.stringify({ ...reportBody(TAX, '2025-Q2'), note: 'x'.repeat(65 * 1024) });
      problem(await raw('/v1/reports', big, 'application/json', filer), 413);
      problem(await raw('/v1/reports', JSON.stringify(reportBody(TAX, '2025-Q2')), 'text/plain', filer), 415);
      problem(await raw('/v1/reports', 'taxCode=5300000031&period=2025-Q2', 'application/x-www-form-urlencoded', filer), 415);
      problem(await raw('/v1/reports', '<report/>', 'application/xml', filer), 415);
      expect(await countReports()).toBe(before);
      // Just under the limit is only a shape problem.
      const near = JSON.stringify({ ...reportBody(TAX, '2025-Q2'), note: 'x'.repeat(60 * 1024) });
      expect(codes(problem(await raw('/v1/reports', near, 'application/json', filer), 400))).toEqual({ note: 'UNKNOWN_FIELD' });
    });

    it('accepts application/json with a charset, and the same report as numbers or as digit strings', async () => {
      const body = JSON.stringify(reportBody(TAX, '2024-Q4', { grossOutput: 5_000_000_000 }));
      expect((await raw('/v1/reports', body, 'application/json; charset=utf-8', filer)).status).toBe(202);
      const asStrings = await submit(
        sys.http,
        filer,
        reportBody(TAX, '2024-Q4', { grossOutput: '5000000000', revenue: '1100000000', wageFund: '2100000000' }),
      );
      expect((await sys.http.get(`/v1/reports/${asStrings.id}`, filer)).body.production.grossOutput).toBe('5000000000');
    });
  });

  describe('registry', () => {
    it('round-trips Vietnamese names unchanged', async () => {
      const names = {
        zone: 'Khu công nghiệp Tằng Loỏng mở rộng – giai đoạn 2',
        locality: 'xã Gia Phú (huyện Bảo Thắng cũ), tỉnh Lào Cai',
        enterprise: 'Công ty TNHH Hóa chất Đức Giang Lào Cai — Chi nhánh Bản Qua',
      };
      const zone = await sys.http.post(
        '/v1/zones',
        {
          code: 'TLG2',
          name: names.zone,
          kind: 'industrial_park',
          locality: names.locality,
          wageRegion: 3,
          status: 'planned',
          areaHa: 1100.5,
        },
        admin,
      );
      expect(zone.status).toBe(201);
      expect(zone.body).toMatchObject({ name: names.zone, locality: names.locality, areaHa: 1100.5 });
      expect((await sys.http.get('/v1/zones/TLG2', admin)).body).toMatchObject({ name: names.zone, locality: names.locality });
      expect((await sys.http.get(`/v1/zones/${ZONE}`, admin)).body.name).toBe(ZONE_NAME);

      // Decomposed (NFD) text stays decomposed: unchanged means byte for byte.
      const decomposed = names.enterprise.normalize('NFD');
      expect(decomposed).not.toBe(names.enterprise);
      for (const [taxCode, name] of [
        ['5300000032-001', names.enterprise],
        ['5300000033', decomposed],
      ]) {
        const created = await sys.http.post(
          '/v1/enterprises',
          { taxCode, name, zoneCode: 'TLG2', ownership: 'foreign', operatingFrom: '2024-03-01' },
          admin,
        );
        expect(created.status).toBe(201);
        expect(created.body.name).toBe(name);
        expect((await sys.http.get(`/v1/enterprises/${taxCode}`, admin)).body.name).toBe(name);
      }
      const [row] = await sys.query(`SELECT name FROM enterprises WHERE tax_code = '5300000032-001'`);
      expect(row.name).toBe(names.enterprise);
      const patched = await sys.http.patch('/v1/enterprises/5300000033', { name: 'Công ty Cổ phần Gang thép Lào Cai' }, admin);
      expect(patched.body.name).toBe('Công ty Cổ phần Gang thép Lào Cai');
    });

    it('answers 409 to a duplicate zone code or tax code, and changes nothing', async () => {
      const zone = await sys.http.post(
        '/v1/zones',
        {
          code: ZONE,
          name: 'Tên khác',
          kind: 'industrial_cluster',
          locality: 'khác',
          wageRegion: 1,
          status: 'closing',
        },
        admin,
      );
      expect(codes(problem(zone, 409))).toEqual({ code: 'DUPLICATE' });
      expect((await sys.http.get(`/v1/zones/${ZONE}`, admin)).body).toMatchObject({
        name: ZONE_NAME,
        kind: 'industrial_park',
        wageRegion: 3,
      });

      const enterprise = await sys.http.post(
        '/v1/enterprises',
        {
          taxCode: TAX,
          name: 'Công ty trùng mã',
          zoneCode: ZONE,
          ownership: 'foreign',
          operatingFrom: '2021-01-01',
        },
        board,
      );
      expect(codes(problem(enterprise, 409))).toEqual({ taxCode: 'DUPLICATE' });
      expect((await sys.http.get(`/v1/enterprises/${TAX}`, admin)).body).toMatchObject({
        name: 'Công ty Cổ phần Phốt pho Apatit Việt Nam',
        ownership: 'domestic',
      });
    });

    it('answers 422 naming the field for unknown references and dates out of order', async () => {
      const unknownZone = await sys.http.post(
        '/v1/enterprises',
        {
          taxCode: '5300000034',
          name: 'Công ty lạc khu',
          zoneCode: 'NOWHERE',
          ownership: 'domestic',
          operatingFrom: '2024-01-01',
        },
        admin,
      );
      expect(codes(problem(unknownZone, 422))).toEqual({ zoneCode: 'UNKNOWN_ZONE' });

      const backwards = await sys.http.post(
        '/v1/enterprises',
        {
          taxCode: '5300000034',
          name: 'Công ty ngược ngày',
          zoneCode: ZONE,
          ownership: 'domestic',
          operatingFrom: '2024-06-01',
          operatingUntil: '2024-05-31',
        },
        admin,
      );
      expect(codes(problem(backwards, 422))).toEqual({ operatingUntil: 'DATE_ORDER' });
      expect(codes(problem(await sys.http.patch(`/v1/enterprises/${TAX}`, { operatingUntil: '2019-12-31' }, admin), 422))).toEqual({
        operatingUntil: 'DATE_ORDER',
      });
      expect(codes(problem(await sys.http.patch(`/v1/enterprises/${TAX}`, { zoneCode: 'NOWHERE' }, admin), 422))).toEqual({
        zoneCode: 'UNKNOWN_ZONE',
      });
      expect(await sys.query(`SELECT 1 FROM enterprises WHERE tax_code = '5300000034'`)).toEqual([]);
      expect((await sys.http.get(`/v1/enterprises/${TAX}`, admin)).body).toMatchObject({ zoneCode: ZONE, operatingUntil: null });

      const badDates = await sys.http.post(
        '/v1/enterprises',
        {
          taxCode: '5300000034',
          name: 'Công ty',
          zoneCode: ZONE,
          ownership: 'state',
          operatingFrom: '2024-02-30',
          contactEmail: 'không phải email',
        },
        admin,
      );
      expect(codes(problem(badDates, 422))).toEqual({
        ownership: 'NOT_ALLOWED',
        operatingFrom: 'INVALID_DATE',
        contactEmail: 'INVALID_EMAIL',
      });

      const project = await sys.http.post(
        '/v1/projects',
        {
          code: 'DA-TLG-001',
          name: 'Nhà máy tuyển quặng',
          taxCode: '5300009999',
          zoneCode: ZONE,
          status: 'operating',
          operatingFrom: '2022-01-01',
        },
        admin,
      );
      expect(codes(problem(project, 422))).toEqual({ taxCode: 'UNKNOWN_ENTERPRISE' });
      const ok = await sys.http.post(
        '/v1/projects',
        {
          code: 'DA-TLG-001',
          name: 'Nhà máy tuyển quặng',
          taxCode: TAX,
          zoneCode: ZONE,
          status: 'operating',
          operatingFrom: '2022-01-01',
          registeredCapital: '250000000000',
        },
        admin,
      );
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ code: 'DA-TLG-001', registeredCapital: '250000000000' });
    });

    it('answers 400 to wrong types and unknown fields in registry bodies', async () => {
      const r = await sys.http.post(
        '/v1/zones',
        {
          code: 7,
          name: ['KCN'],
          kind: 'industrial_park',
          locality: 'Lào Cai',
          wageRegion: 2,
          status: 'operating',
          manager: 'ông A',
        },
        admin,
      );
      expect(codes(problem(r, 400))).toEqual({ code: 'NOT_A_STRING', name: 'NOT_A_STRING', manager: 'UNKNOWN_FIELD' });
      const enterprise = await sys.http.post(
        '/v1/enterprises',
        { taxCode: 5300000035, name: 'Công ty', zoneCode: ZONE, ownership: 'domestic' },
        admin,
      );
      expect(codes(problem(enterprise, 400))).toEqual({ taxCode: 'NOT_A_STRING', operatingFrom: 'REQUIRED' });
      problem(await raw('/v1/zones', '{"code":', 'application/json'), 400);
      problem(await raw('/v1/enterprises', '[]', 'application/json'), 400);
    });

    it('sets a zone target with PUT (200) and replaces it on a second PUT', async () => {
      const first = await sys.http.put(`/v1/targets/${ZONE}/2025`, { grossOutputConstant2010: 18_800_000_000_000 }, board);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ zoneCode: ZONE, year: 2025, grossOutputConstant2010: '18800000000000' });
      const second = await sys.http.put(`/v1/targets/${ZONE}/2025`, { grossOutputConstant2010: '24000000000000' }, board);
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ zoneCode: ZONE, year: 2025, grossOutputConstant2010: '24000000000000' });
      const listed = await sys.http.get(`/v1/targets?zone=${ZONE}`, board);
      expect(listed.body.items).toEqual([
        expect.objectContaining({ zoneCode: ZONE, year: 2025, grossOutputConstant2010: '24000000000000' }),
      ]);

      expect(codes(problem(await sys.http.put(`/v1/targets/NOWHERE/2025`, { grossOutputConstant2010: 1 }, admin), 422))).toEqual({
        zoneCode: 'UNKNOWN_ZONE',
      });
      expect(codes(problem(await sys.http.put(`/v1/targets/${ZONE}/2025`, { grossOutputConstant2010: -1 }, admin), 422))).toEqual({
        grossOutputConstant2010: 'NEGATIVE',
      });
      expect(codes(problem(await sys.http.put(`/v1/targets/${ZONE}/20x5`, { grossOutputConstant2010: 1 }, admin), 422))).toEqual({
        year: 'OUT_OF_RANGE',
      });
      expect(codes(problem(await sys.http.put(`/v1/targets/${ZONE}/2025`, {}, admin), 400))).toEqual({
        grossOutputConstant2010: 'REQUIRED',
      });
    });

    it('pages through enterprises with limit and nextCursor, each exactly once', async () => {
      for (let i = 40; i < 45; i++) await createEnterprise(sys.http, admin, `53000000${i}`, ZONE);
      const all = (await sys.query<{ tax_code: string }>('SELECT tax_code FROM enterprises ORDER BY tax_code')).map((r) => r.tax_code);
      expect(all.length).toBeGreaterThanOrEqual(8);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const r: Reply = await sys.http.get(`/v1/enterprises?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, admin);
        expect(r.status).toBe(200);
        expect(r.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...r.body.items.map((e: { taxCode: string }) => e.taxCode));
        cursor = r.body.nextCursor;
        pages++;
        expect(pages).toBeLessThanOrEqual(all.length);
      } while (cursor !== null);
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(seen.length);

      expect(codes(problem(await sys.http.get('/v1/enterprises?limit=abc', admin), 400))).toEqual({ limit: 'NOT_AN_INTEGER' });
      expect(codes(problem(await sys.http.get('/v1/enterprises?cursor=not-ours', admin), 400))).toEqual({ cursor: 'INVALID_CURSOR' });
    });
  });

  describe('operations', () => {
    it('answers liveness and readiness with the database and Redis up', async () => {
      const live = await sys.http.get('/health/live');
      expect(live.status).toBe(200);
      const ready = await sys.http.get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, redis: { status: 'up' } } });
    });

    it('serves the OpenAPI UI and document, describing /v1/reports', async () => {
      const ui = await sys.http.get('/docs');
      expect(ui.status).toBe(200);
      expect(ui.headers.get('content-type')).toMatch(/^text\/html/);
      expect(ui.body).toMatch(/<html/i);
      const doc = await sys.http.get('/docs-json');
      expect(doc.status).toBe(200);
      expect(doc.body.openapi).toMatch(/^3\./);
      expect(doc.body.paths['/v1/reports']).toEqual(expect.objectContaining({ post: expect.anything(), get: expect.anything() }));
      expect(doc.body.paths).toHaveProperty(['/v1/tokens']);
    });

    it('exposes Prometheus metrics counting the requests it served', async () => {
      await sys.http.get('/v1/zones', admin);
      const r = await sys.http.get('/metrics');
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(r.body).toContain('# TYPE http_requests_total counter');
      expect(r.body).toMatch(/http_requests_total\{method="GET",route="\/v1\/zones",status="200"\} [1-9]/);
      expect(r.body).toMatch(/http_requests_total\{method="POST",route="\/v1\/reports",status="400"\} [1-9]/);
    });

    it('throttles the token-free public endpoint with 429 problem details and Retry-After', async () => {
      const statuses = await Promise.all(
        Array.from({ length: 130 }, () => sys.http.get('/v1/public/summaries?period=2025-Q3').then((r) => r)),
      );
      const throttled = statuses.filter((r) => r.status === 429);
      expect(statuses.filter((r) => r.status === 404)).toHaveLength(120);
      expect(throttled).toHaveLength(10);
      problem(throttled[0], 429);
      expect(Number(throttled[0].headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('answers unknown paths with 404 problem details', async () => {
      problem(await sys.http.get('/v1/nothing-here', admin), 404);
    });
  });
});
