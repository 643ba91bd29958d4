import { createEnterprise, createZone, CSV_HEAD, reportBody, submit } from './support/fixtures';
import { expectFieldProblem, expectProblem } from './support/problem-assertions';
import { AppProcess, freePort } from './support/app-process';
import { startExtraApi } from './support/extra-process';
import { HttpClient } from './support/http-client';
import { TcpProxy } from './support/tcp-proxy';
import { startTestSystem, TestSystem } from './support/test-system';

/** Zone A (Tằng Loỏng) and zone B (Bắc Duyên Hải), two enterprises in A and one in B. */
const A = 'TLG';
const B = 'BDH';
const A1 = '5300000011';
const A2 = '5300000012';
const B1 = '5300000021';
const NO_SUCH_REPORT = '00000000-0000-4000-8000-000000000000';

describe('access control: tokens, roles and zone scopes', () => {
  let sys: TestSystem;
  let admin: string;
  let boardA: string;
  let boardAll: string;
  let filerA1: string;
  const reportOf: Record<string, string> = {};

  // Hook timeouts given here: jest takes testTimeout from the root config only, not from the e2e project.
  beforeAll(async () => {
    sys = await startTestSystem('access');
    admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    boardA = await sys.token({ role: 'board', name: 'BQL Tằng Loỏng', zoneCodes: [A] });
    boardAll = await sys.token({ role: 'board', name: 'BQL tỉnh', zoneCodes: null });
    filerA1 = await sys.token({ role: 'enterprise', name: 'DN A1', taxCode: A1 });
    await createZone(sys.http, admin, A, { name: 'Khu công nghiệp Tằng Loỏng', wageRegion: 3 });
    await createZone(sys.http, admin, B, { name: 'Khu công nghiệp Bắc Duyên Hải', wageRegion: 2 });
    await createEnterprise(sys.http, admin, A1, A);
    await createEnterprise(sys.http, admin, A2, A);
    await createEnterprise(sys.http, admin, B1, B);
    // Stored at intake with the enterprise's zone; scope checks need no verdict.
    reportOf[A1] = (await submit(sys.http, filerA1, reportBody(A1, '2025-Q2'))).id;
    reportOf[A2] = (await submit(sys.http, admin, reportBody(A2, '2025-Q2'))).id;
    reportOf[B1] = (await submit(sys.http, admin, reportBody(B1, '2025-Q2'))).id;
  }, 30_000);
  afterAll(() => sys?.close(), 30_000);

  describe('authentication', () => {
    it('answers 401 problem details without a token, with an unknown token and with another scheme', async () => {
      const missing = await sys.http.get('/v1/zones');
      expectProblem(missing, 401);
      expect(missing.body.title).toBe('Unauthorized');
      expectProblem(await sys.http.get('/v1/zones', 'kcn_not-a-token-anyone-issued'), 401);
      expectProblem(await sys.http.request('GET', '/v1/reports', { headers: { authorization: `Basic ${admin}` } }), 401);
      // Writes are refused before their bodies are looked at.
      expectProblem(await sys.http.post('/v1/reports', reportBody(A1, '2025-Q3')), 401);
      expectProblem(await sys.http.post('/v1/tokens', { role: 'admin', name: 'x' }, 'kcn_nope'), 401);
    });
  });

  describe('tokens', () => {
    it('creates a token once over HTTP, stores only its hash, and the new token works within its scope', async () => {
      const created = await sys.http.post('/v1/tokens', { role: 'board', name: 'Phòng Quản lý doanh nghiệp', zoneCodes: [B] }, admin);
      expect(created.status).toBe(201);
      expect(Object.keys(created.body).sort()).toEqual(['id', 'token']);
      const { id, token } = created.body as { id: string; token: string };
      const [row] = await sys.query('SELECT row_to_json(t)::text AS json, t.role, t.zone_codes FROM api_tokens t WHERE id = $1', [id]);
      expect(row).toMatchObject({ role: 'board', zone_codes: [B] });
      expect(row.json).not.toContain(token);

      const zones = await sys.http.get('/v1/zones', token);
      expect(zones.status).toBe(200);
      expect(zones.body.items.map((z: { code: string }) => z.code)).toEqual([B]);
    });

    it('creates enterprise tokens bound to their tax code and board tokens for all zones', async () => {
      const enterprise = await sys.http.post('/v1/tokens', { role: 'enterprise', name: 'Kế toán DN B1', taxCode: B1 }, admin);
      expect(enterprise.status).toBe(201);
      const own = await sys.http.get(`/v1/reports/${reportOf[B1]}`, enterprise.body.token);
      expect(own.status).toBe(200);
      expect(own.body.taxCode).toBe(B1);

      const all = await sys.http.post('/v1/tokens', { role: 'board', name: 'BQL tỉnh 2', zoneCodes: 'all' }, admin);
      expect(all.status).toBe(201);
      const zones = await sys.http.get('/v1/zones', all.body.token);
      expect(zones.body.items.map((z: { code: string }) => z.code).sort()).toEqual([B, A].sort());
    });

    it('lets only admins create tokens', async () => {
      for (const token of [boardA, boardAll, filerA1]) {
        const r = await sys.http.post('/v1/tokens', { role: 'admin', name: 'leo thang quyền' }, token);
        expectProblem(r, 403);
      }
      const [{ n }] = await sys.query(`SELECT count(*)::int AS n FROM api_tokens WHERE name = 'leo thang quyền'`);
      expect(n).toBe(0);
    });

    it('revokes a token: it gets 401 at once, and revoking again is 404', async () => {
      const { id, token } = (await sys.http.post('/v1/tokens', { role: 'enterprise', name: 'tạm thời', taxCode: A2 }, admin)).body;
      expect((await sys.http.get(`/v1/reports/${reportOf[A2]}`, token)).status).toBe(200);
      expect((await sys.http.delete(`/v1/tokens/${id}`, boardAll)).status).toBe(403);
      const revoked = await sys.http.delete(`/v1/tokens/${id}`, admin);
      expect(revoked.status).toBe(204);
      expectProblem(await sys.http.get(`/v1/reports/${reportOf[A2]}`, token), 401);
      expectProblem(await sys.http.post('/v1/reports', reportBody(A2, '2025-Q3'), token), 401);
      expectProblem(await sys.http.delete(`/v1/tokens/${id}`, admin), 404);
      expectProblem(await sys.http.delete('/v1/tokens/not-a-uuid', admin), 404);
    });

    it('revokes a token in every api process at once, not only in the one that handled the DELETE', async () => {
      const port = await freePort();
      const second = AppProcess.start('api', { ...sys.env, PORT: String(port) });
      try {
        const other = new HttpClient(`http://127.0.0.1:${port}`);
        await second.waitUntil(async () => (await other.get('/health/live')).status === 200);
        const { id, token } = (await sys.http.post('/v1/tokens', { role: 'enterprise', name: 'hai tiến trình', taxCode: A2 }, admin)).body;
        // The second process has the token cached before the revocation.
        expect((await other.get(`/v1/reports/${reportOf[A2]}`, token)).status).toBe(200);
        expect((await sys.http.delete(`/v1/tokens/${id}`, admin)).status).toBe(204);
        const deadline = Date.now() + 2000;
        let status = 200;
        while (status !== 401 && Date.now() < deadline) status = (await other.get(`/v1/reports/${reportOf[A2]}`, token)).status;
        expect(status).toBe(401);
      } finally {
        await second.stop();
      }
    });

    it('answers 422 naming the field for token requests that make no sense', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ role: 'enterprise', name: 'không mã số thuế' }, 'taxCode'],
        [{ role: 'enterprise', name: 'mã sai', taxCode: '12345' }, 'taxCode'],
        [{ role: 'board', name: 'danh sách rỗng', zoneCodes: [] }, 'zoneCodes'],
        [{ role: 'board', name: 'không phải danh sách', zoneCodes: 'TLG,BDH' }, 'zoneCodes'],
        [{ role: 'board', name: 'mã khu sai', zoneCodes: ['tằng loỏng'] }, 'zoneCodes'],
        [{ role: 'board', name: 'mã khu không phải chuỗi', zoneCodes: [42] }, 'zoneCodes'],
        [{ role: 'admin', name: 'quản trị có mã số thuế', taxCode: A1 }, 'taxCode'],
        [{ role: 'admin', name: 'quản trị có khu', zoneCodes: [A] }, 'zoneCodes'],
        [{ role: 'superuser', name: 'vai trò lạ' }, 'role'],
        [{ role: 'board', name: '   ' }, 'name'],
      ];
      const count = async () => (await sys.query('SELECT count(*)::int AS n FROM api_tokens'))[0].n;
      const before = await count();
      for (const [body, field] of cases) {
        const r = await sys.http.post('/v1/tokens', body, admin);
        expect({ body, status: r.status }).toEqual({ body, status: 422 });
        expectFieldProblem(r, 422, field);
      }
      expect(await count()).toBe(before);
    });
  });

  describe('enterprise tokens', () => {
    it('file only for their own tax code (403 naming taxCode)', async () => {
      const other = await sys.http.post('/v1/reports', reportBody(A2, '2025-Q3'), filerA1);
      expectFieldProblem(other, 403, 'taxCode', 'OUT_OF_SCOPE');
      const elsewhere = await sys.http.post('/v1/reports', reportBody(B1, '2025-Q3'), filerA1);
      expectFieldProblem(elsewhere, 403, 'taxCode');
      const [{ n }] = await sys.query('SELECT count(*)::int AS n FROM report_submissions WHERE tax_code <> $1 AND period = $2', [
        A1,
        '2025-Q3',
      ]);
      expect(n).toBe(0);
      expect((await sys.http.post('/v1/reports', reportBody(A1, '2025-Q3'), filerA1)).status).toBe(202);
    });

    it("cannot tell another enterprise's report from a missing one (404)", async () => {
      const other = await sys.http.get(`/v1/reports/${reportOf[A2]}`, filerA1);
      const missing = await sys.http.get(`/v1/reports/${NO_SUCH_REPORT}`, filerA1);
      expectProblem(other, 404);
      expectProblem(missing, 404);
      expect(other.body.detail.replace(reportOf[A2], 'ID')).toBe(missing.body.detail.replace(NO_SUCH_REPORT, 'ID'));
      expect((await sys.http.get(`/v1/reports/${reportOf[A1]}`, filerA1)).body).toMatchObject({ id: reportOf[A1], taxCode: A1 });
    });

    it('lists only its own reports, whatever the filters ask for', async () => {
      const mine = await sys.http.get('/v1/reports', filerA1);
      expect(mine.status).toBe(200);
      expect(mine.body.items.length).toBeGreaterThanOrEqual(1);
      expect(new Set(mine.body.items.map((r: { taxCode: string }) => r.taxCode))).toEqual(new Set([A1]));
      expect((await sys.http.get(`/v1/reports?taxCode=${A2}`, filerA1)).body.items).toEqual([]);
      const byZone = await sys.http.get(`/v1/reports?zone=${A}`, filerA1);
      expect(new Set(byZone.body.items.map((r: { taxCode: string }) => r.taxCode))).toEqual(new Set([A1]));
    });

    it('get 403 on registry, period and summary endpoints', async () => {
      const calls: Array<[string, string, unknown?]> = [
        ['GET', '/v1/zones'],
        ['GET', `/v1/zones/${A}`],
        [
          'POST',
          '/v1/zones',
          { code: 'CCN1', name: 'Cụm công nghiệp', kind: 'industrial_cluster', locality: 'Bát Xát', wageRegion: 4, status: 'planned' },
        ],
        ['GET', '/v1/enterprises'],
        ['GET', `/v1/enterprises/${A1}`],
        [
          'POST',
          '/v1/enterprises',
          { taxCode: '5300000019', name: 'Công ty mới', zoneCode: A, ownership: 'domestic', operatingFrom: '2024-01-01' },
        ],
        ['PATCH', `/v1/enterprises/${A1}`, { name: 'Tên khác' }],
        ['GET', '/v1/projects'],
        ['POST', '/v1/projects', { code: 'DA-1', name: 'Dự án', taxCode: A1, zoneCode: A, status: 'operating' }],
        ['GET', '/v1/targets'],
        ['PUT', `/v1/targets/${A}/2025`, { grossOutputConstant2010: 1000 }],
        ['GET', `/v1/zones/${A}/summary?period=2025-Q2`],
        ['GET', '/v1/summaries?period=2025-Q2'],
        ['POST', '/v1/periods/2025-Q2/lock', {}],
        ['POST', '/v1/tokens', { role: 'enterprise', name: 'x', taxCode: A1 }],
      ];
      for (const [method, path, body] of calls) {
        const r = await sys.http.request(method, path, { token: filerA1, body });
        expect({ method, path, status: r.status }).toEqual({ method, path, status: 403 });
        expectProblem(r, 403);
      }
      const [{ name }] = await sys.query('SELECT name FROM enterprises WHERE tax_code = $1', [A1]);
      expect(name).toBe(`Công ty ${A1}`);
      expect(await sys.query(`SELECT 1 FROM enterprises WHERE tax_code = '5300000019'`)).toEqual([]);
    });
  });

  describe('board tokens scoped to one zone', () => {
    it('see only their zone in the zone list and 404 for other zones', async () => {
      const zones = await sys.http.get('/v1/zones', boardA);
      expect(zones.body.items.map((z: { code: string }) => z.code)).toEqual([A]);
      expect((await sys.http.get(`/v1/zones/${A}`, boardA)).body).toMatchObject({ code: A, name: 'Khu công nghiệp Tằng Loỏng' });
      const other = await sys.http.get(`/v1/zones/${B}`, boardA);
      const missing = await sys.http.get('/v1/zones/NOPE', boardA);
      expectProblem(other, 404);
      expectProblem(missing, 404);
      expect(other.body.detail.replace(B, 'X')).toBe(missing.body.detail.replace('NOPE', 'X'));
    });

    it('register enterprises, projects and targets only in their zone (403 naming zoneCode)', async () => {
      const outside = await sys.http.post(
        '/v1/enterprises',
        {
          taxCode: '5300000029',
          name: 'Công ty ngoài phạm vi',
          zoneCode: B,
          ownership: 'domestic',
          operatingFrom: '2024-01-01',
        },
        boardA,
      );
      expectFieldProblem(outside, 403, 'zoneCode', 'OUT_OF_SCOPE');
      expect(await sys.query(`SELECT 1 FROM enterprises WHERE tax_code = '5300000029'`)).toEqual([]);
      const inside = await sys.http.post(
        '/v1/enterprises',
        {
          taxCode: '5300000013',
          name: 'Công ty trong phạm vi',
          zoneCode: A,
          ownership: 'foreign',
          operatingFrom: '2024-01-01',
        },
        boardA,
      );
      expect(inside.status).toBe(201);

      const moveOut = await sys.http.patch('/v1/enterprises/5300000013', { zoneCode: B }, boardA);
      expectFieldProblem(moveOut, 403, 'zoneCode');
      expectProblem(await sys.http.patch(`/v1/enterprises/${B1}`, { name: 'đổi tên' }, boardA), 404);
      expectFieldProblem(
        await sys.http.post('/v1/projects', { code: 'DA-B-1', name: 'Dự án B', taxCode: B1, zoneCode: B, status: 'operating' }, boardA),
        403,
        'zoneCode',
      );
      expectFieldProblem(await sys.http.put(`/v1/targets/${B}/2025`, { grossOutputConstant2010: 1000 }, boardA), 403, 'zoneCode');
      // Zones themselves are the admin's.
      expectProblem(
        await sys.http.post(
          '/v1/zones',
          { code: 'CCN2', name: 'Cụm', kind: 'industrial_cluster', locality: 'Sa Pa', wageRegion: 3, status: 'planned' },
          boardA,
        ),
        403,
      );
    });

    it('list only enterprises and reports of their zone', async () => {
      const enterprises = await sys.http.get('/v1/enterprises', boardA);
      expect(new Set(enterprises.body.items.map((e: { zoneCode: string }) => e.zoneCode))).toEqual(new Set([A]));
      expect(enterprises.body.items.map((e: { taxCode: string }) => e.taxCode)).toEqual(expect.arrayContaining([A1, A2]));
      expect((await sys.http.get(`/v1/enterprises?zone=${B}`, boardA)).body.items).toEqual([]);
      expectProblem(await sys.http.get(`/v1/enterprises/${B1}`, boardA), 404);

      const reports = await sys.http.get('/v1/reports', boardA);
      const zonesSeen = new Set(reports.body.items.map((r: { zoneCode: string }) => r.zoneCode));
      expect(zonesSeen).toEqual(new Set([A]));
      expect(reports.body.items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([reportOf[A1], reportOf[A2]]));
      expect((await sys.http.get(`/v1/reports?zone=${B}`, boardA)).body.items).toEqual([]);
      expect((await sys.http.get(`/v1/reports?taxCode=${B1}`, boardA)).body.items).toEqual([]);
    });

    it("get 404 for another zone's report and summary", async () => {
      const other = await sys.http.get(`/v1/reports/${reportOf[B1]}`, boardA);
      const missing = await sys.http.get(`/v1/reports/${NO_SUCH_REPORT}`, boardA);
      expectProblem(other, 404);
      expect(other.body.detail.replace(reportOf[B1], 'ID')).toBe(missing.body.detail.replace(NO_SUCH_REPORT, 'ID'));
      expect((await sys.http.get(`/v1/reports/${reportOf[A2]}`, boardA)).status).toBe(200);

      expectProblem(await sys.http.get(`/v1/zones/${B}/summary?period=2025-Q2`, boardA), 404);
      expectProblem(await sys.http.get(`/v1/zones/${B}/summary?period=2025`, boardA), 404);
      const own = await sys.http.get(`/v1/zones/${A}/summary?period=2025-Q2`, boardA);
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ zoneCode: A, zoneName: 'Khu công nghiệp Tằng Loỏng' });
      const all = await sys.http.get('/v1/summaries?period=2025-Q2', boardA);
      expect(all.status).toBe(200);
      expect(all.body.zones.map((z: { zoneCode: string }) => z.zoneCode)).toEqual([A]);
    });

    it('file only for enterprises of their zone (403 naming taxCode)', async () => {
      const other = await sys.http.post('/v1/reports', reportBody(B1, '2025-Q3'), boardA);
      expectFieldProblem(other, 403, 'taxCode', 'OUT_OF_SCOPE');
      // An unregistered tax code is in nobody's zone.
      expectFieldProblem(await sys.http.post('/v1/reports', reportBody('5399999999', '2025-Q3'), boardA), 403, 'taxCode');
      expect(await sys.query(`SELECT 1 FROM report_submissions WHERE tax_code IN ($1, '5399999999') AND period = '2025-Q3'`, [B1])).toEqual(
        [],
      );
      expect((await sys.http.post('/v1/reports', reportBody(A2, '2025-Q3'), boardA)).status).toBe(202);
    });
  });

  describe('every entity a write names is checked against the caller’s scope', () => {
    const UNKNOWN = '5399999998';

    it('refuses a project of its zone for another zone’s enterprise exactly as for an unknown tax code', async () => {
      const project = (code: string, taxCode: string) => ({ code, name: 'Dự án gắn nhầm', taxCode, zoneCode: A, status: 'operating' });
      const foreign = await sys.http.post('/v1/projects', project('DA-A-NGOAI', B1), boardA);
      const unknown = await sys.http.post('/v1/projects', project('DA-A-LA', UNKNOWN), boardA);
      expectFieldProblem(foreign, 422, 'taxCode', 'UNKNOWN_ENTERPRISE');
      expect(foreign.body).toEqual(JSON.parse(JSON.stringify(unknown.body).replaceAll(UNKNOWN, B1)));
      expect(await sys.query(`SELECT 1 FROM projects WHERE code IN ('DA-A-NGOAI', 'DA-A-LA')`)).toEqual([]);

      expect((await sys.http.post('/v1/projects', project('DA-A-1', A1), boardA)).status).toBe(201);
      const moved = await sys.http.patch('/v1/projects/DA-A-1', { taxCode: B1 }, boardA);
      const movedUnknown = await sys.http.patch('/v1/projects/DA-A-1', { taxCode: UNKNOWN }, boardA);
      expectFieldProblem(moved, 422, 'taxCode', 'UNKNOWN_ENTERPRISE');
      expect(moved.body).toEqual(JSON.parse(JSON.stringify(movedUnknown.body).replaceAll(UNKNOWN, B1)));
      expect((await sys.query(`SELECT tax_code FROM projects WHERE code = 'DA-A-1'`))[0].tax_code).toBe(A1);
      // The whole province's board may link any enterprise.
      expect((await sys.http.patch('/v1/projects/DA-A-1', { taxCode: A2 }, boardAll)).body.taxCode).toBe(A2);
    });

    it('subscribes people only to zones in scope and in the registry, unknown and foreign zones alike for a board', async () => {
      const subscribe = (zoneCodes: string[], token: string) =>
        sys.http.post('/v1/subscriptions', { email: 'doc@laocai.gov.vn', zoneCodes }, token);
      const foreign = await subscribe([B], boardA);
      const unknown = await subscribe(['NOPE'], boardA);
      expectFieldProblem(foreign, 403, 'zoneCodes', 'OUT_OF_SCOPE');
      expect(foreign.body).toEqual(unknown.body);
      expectFieldProblem(await subscribe([A, 'NOPE'], admin), 422, 'zoneCodes', 'UNKNOWN_ZONE');
      expect(await sys.query(`SELECT 1 FROM subscriptions WHERE 'NOPE' = ANY(zone_codes)`)).toEqual([]);
      // A subscription names its zones as a token does, and is told so in its own terms.
      const unscoped = await sys.http.post('/v1/subscriptions', { email: 'doc@laocai.gov.vn' }, admin);
      expectFieldProblem(unscoped, 422, 'zoneCodes', 'REQUIRED');
      expect(unscoped.body.errors[0].message).not.toMatch(/token/);
    });

    it('shows the upload of an enterprise not in the registry to no zone board (fail closed)', async () => {
      const unregistered = await sys.token({ role: 'enterprise', name: 'DN chưa đăng ký', taxCode: UNKNOWN });
      const form = new FormData();
      form.append('file', new Blob([`${CSV_HEAD}${UNKNOWN},2025-Q1,1,1,1,5000000\n`]), 'dn.csv');
      const uploaded = await sys.http.request('POST', '/v1/reports/upload', { token: unregistered, raw: form });
      expect(uploaded.status).toBe(202);
      const path = `/v1/reports/uploads/${uploaded.body.batchId}`;
      expect((await sys.http.get(path, unregistered)).status).toBe(200);
      expect((await sys.http.get(path, admin)).status).toBe(200);
      expect((await sys.http.get(path, boardAll)).status).toBe(200);
      const zoneBoard = await sys.http.get(path, boardA);
      expectProblem(zoneBoard, 404);
      expect(JSON.stringify(zoneBoard.body)).not.toContain(UNKNOWN);
    });
  });

  describe('the public rate limit (120 a minute per client)', () => {
    const PUBLIC = '/v1/public/summaries?period=2025-Q2';
    let apis: AppProcess[] = [];
    let round = 0;
    afterEach(async () => {
      await Promise.all(apis.map((api) => api.stop()));
      apis = [];
    });

    /** Api processes of the suite's installation counting on a fresh key prefix of their own, with settings of their own. */
    const startApis = async (count: number, env: Record<string, string> = {}) => {
      const prefix = `${sys.env.QUEUE_PREFIX}-limit${++round}`;
      const started = await Promise.all(Array.from({ length: count }, () => startExtraApi(sys, { QUEUE_PREFIX: prefix, ...env })));
      apis.push(...started.map((s) => s.api));
      return started.map((s) => s.http);
    };
    const statuses = async (http: HttpClient, count: number, forwardedFor: (i: number) => string | undefined = () => undefined) =>
      Promise.all(
        Array.from({ length: count }, (_, i) => {
          const ip = forwardedFor(i);
          return http.request('GET', PUBLIC, ip ? { headers: { 'x-forwarded-for': ip } } : {}).then((r) => r.status);
        }),
      );
    const tally = (all: number[]) => ({ answered: all.filter((s) => s === 404).length, throttled: all.filter((s) => s === 429).length });

    it('ignores X-Forwarded-For by default, so a client cannot pose as many', async () => {
      const [http] = await startApis(1);
      expect(tally(await statuses(http, 130, (i) => `203.0.113.${i + 1}`))).toEqual({ answered: 120, throttled: 10 });
    });

    it('counts each forwarded client apart behind a trusted proxy (TRUST_PROXY)', async () => {
      const [http] = await startApis(1, { TRUST_PROXY: '127.0.0.1' });
      expect(tally(await statuses(http, 130, (i) => `203.0.113.${i + 1}`))).toEqual({ answered: 130, throttled: 0 });
      expect(tally(await statuses(http, 125, () => '198.51.100.7'))).toEqual({ answered: 120, throttled: 5 });
    });

    it('shares one count among api processes', async () => {
      const [first, second] = await startApis(2);
      const both = await Promise.all([statuses(first, 70), statuses(second, 70)]);
      expect(tally(both.flat())).toEqual({ answered: 120, throttled: 20 });
    });

    it('keeps answering while Redis is down or hangs, each process then counting alone', async () => {
      const [down] = await startApis(1, { REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
      expect(tally(await statuses(down, 130))).toEqual({ answered: 120, throttled: 10 });

      const proxy = await TcpProxy.start({ host: '127.0.0.1', port: Number(new URL(sys.env.REDIS_URL).port || 6379) });
      try {
        const [hanging] = await startApis(1, { REDIS_URL: proxy.rewrite(sys.env.REDIS_URL) });
        expect(tally(await statuses(hanging, 10))).toEqual({ answered: 10, throttled: 0 });
        proxy.setMode('blackhole');
        const started = Date.now();
        expect(tally(await statuses(hanging, 20))).toEqual({ answered: 20, throttled: 0 });
        expect(Date.now() - started).toBeLessThan(5_000);
      } finally {
        await proxy.close();
      }
    });
  });

  describe('board tokens for all zones', () => {
    it('see every zone, enterprise, report and summary', async () => {
      const zones = await sys.http.get('/v1/zones', boardAll);
      expect(zones.body.items.map((z: { code: string }) => z.code)).toEqual([B, A]);
      expect((await sys.http.get(`/v1/zones/${B}`, boardAll)).status).toBe(200);
      const enterprises = await sys.http.get('/v1/enterprises', boardAll);
      expect(enterprises.body.items.map((e: { taxCode: string }) => e.taxCode)).toEqual(expect.arrayContaining([A1, A2, B1]));
      const reports = await sys.http.get('/v1/reports?period=2025-Q2', boardAll);
      expect(reports.body.items.map((r: { id: string }) => r.id).sort()).toEqual([reportOf[A1], reportOf[A2], reportOf[B1]].sort());
      expect((await sys.http.get(`/v1/reports/${reportOf[B1]}`, boardAll)).body).toMatchObject({ taxCode: B1, zoneCode: B });
      const summary = await sys.http.get(`/v1/zones/${B}/summary?period=2025-Q2`, boardAll);
      expect(summary.status).toBe(200);
      expect(summary.body.zoneCode).toBe(B);
      const summaries = await sys.http.get('/v1/summaries?period=2025-Q2', boardAll);
      expect(summaries.body.zones.map((z: { zoneCode: string }) => z.zoneCode).sort()).toEqual([A, B].sort());
      expect((await sys.http.post('/v1/reports', reportBody(B1, '2025-Q3'), boardAll)).status).toBe(202);
    });
  });
});
