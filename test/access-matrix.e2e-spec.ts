import { createEnterprise, createZone, CSV_HEAD, reportBody, submitAndDecide } from './support/fixtures';
import { Reply } from './support/http-client';
import { startTestSystem, TestSystem } from './support/test-system';
import { openWorkbook, sheetRecords } from './support/workbook-rows';
import { publish } from './support/publish';

/**
 * Every operation of the OpenAPI document × every kind of caller: the status each gets, and no data
 * outside the caller's scope in any answer. The operations come from GET /docs-json, so an endpoint
 * added without a row here fails the suite.
 *
 * Zone QZA (Ánh Dương) holds the enterprise A1, whose own token is "enterprise", and its neighbour A2;
 * board "board" is QZA's. Zone QZB (Bí Ẩn) holds B1, whose token is "other enterprise", and is board
 * "other board"'s. Every request names QZA's entities, so the "other" callers are the ones outside.
 */
const CALLERS = ['anonymous', 'revoked', 'otherEnterprise', 'enterprise', 'otherBoard', 'board', 'admin'] as const;
type Caller = (typeof CALLERS)[number];

const QZA = 'QZA';
const QZB = 'QZB';
const A1 = '5301000001';
const A2 = '5301000002';
const B1 = '5302000001';
const PROJECT_A = 'DA-QZA-1';
const PERIOD = '2025-Q3';
const LOCK_PERIOD = '2024-Q1';

/**
 * What identifies each party's data in an answer. Zone codes and names are public (the public summaries
 * name every zone); the rest never is. Figures are chosen so that no sum or other figure repeats them.
 */
const MARKS = {
  zoneA: ['QZA', 'Ánh Dương'],
  zoneAFigures: ['3333333333'],
  a1: [A1, 'Công ty Một Riêng', '1111111111'],
  a2: [A2, 'Công ty Hai Kín Đáo', '2222222222'],
  boardANotes: ['GHI-CHU-NOI-BO'],
  zoneB: ['QZB', 'Bí Ẩn'],
  zoneBData: [B1, 'Công ty Ngoại Vùng', '7777777777', '7777000000', 'DA-QZB-BIMAT', 'bimat@ngoai.vn'],
};
type Group = keyof typeof MARKS;
const PUBLIC_GROUPS: readonly Group[] = ['zoneA', 'zoneB'];
const EVERY_GROUP = Object.keys(MARKS) as Group[];
const FOREIGN: Record<Caller, readonly Group[]> = {
  anonymous: EVERY_GROUP,
  revoked: EVERY_GROUP,
  otherEnterprise: ['zoneA', 'zoneAFigures', 'a1', 'a2', 'boardANotes'],
  enterprise: ['zoneAFigures', 'a2', 'boardANotes', 'zoneB', 'zoneBData'],
  otherBoard: ['zoneA', 'zoneAFigures', 'a1', 'a2', 'boardANotes'],
  board: ['zoneB', 'zoneBData'],
  admin: [],
};

interface Call {
  method: string;
  path: string;
  body?: unknown;
  /** A file upload (multipart, field `file`). */
  csv?: string;
}

interface Row {
  /** Statuses for anonymous, revoked, other enterprise, enterprise, other board, board, admin. */
  expect: readonly [number, number, number, number, number, number, number];
  call: (caller: Caller, i: number) => Call;
  /** Figures published for anyone: zone codes and names may show. */
  public?: true;
}

const csvOf = (taxCode: string, period: string) => `${CSV_HEAD}${taxCode},${period},1000000000,1100000000,100,2100000000\n`;

/** The text of an answer: JSON as sent, a workbook's sheet names and cell values, or plain text. */
async function answerText(r: Reply): Promise<string> {
  if (Buffer.isBuffer(r.body)) {
    if (r.body.length === 0) return '';
    const workbook = await openWorkbook(r.body);
    const parts: string[] = [];
    workbook.eachSheet((sheet) => {
      parts.push(sheet.name);
      sheet.eachRow((row) => row.eachCell((cell) => parts.push(String(cell.text ?? cell.value))));
    });
    return parts.join('\n');
  }
  return typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? '');
}

describe('access matrix: every endpoint × every kind of caller', () => {
  let sys: TestSystem;
  const token: Partial<Record<Caller, string>> = {};
  const ids: Record<string, string> = {};
  const perCaller: Record<'token' | 'subscription', Partial<Record<Caller, string>>> = { token: {}, subscription: {} };

  beforeAll(async () => {
    sys = await startTestSystem('access-matrix');
    const admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    token.admin = admin;
    token.board = await sys.token({ role: 'board', name: 'BQL QZA', zoneCodes: [QZA] });
    token.otherBoard = await sys.token({ role: 'board', name: 'BQL QZB', zoneCodes: [QZB] });
    token.enterprise = await sys.token({ role: 'enterprise', name: 'DN A1', taxCode: A1 });
    token.otherEnterprise = await sys.token({ role: 'enterprise', name: 'DN B1', taxCode: B1 });
    const revoked = await sys.http.post('/v1/tokens', { role: 'board', name: 'BQL QZA cũ', zoneCodes: [QZA] }, admin);
    token.revoked = revoked.body.token;
    expect((await sys.http.delete(`/v1/tokens/${revoked.body.id}`, admin)).status).toBe(204);

    await createZone(sys.http, admin, QZA, { name: 'Khu công nghiệp Ánh Dương' });
    await createZone(sys.http, admin, QZB, { name: 'Khu công nghiệp Bí Ẩn' });
    await createEnterprise(sys.http, admin, A1, QZA, { name: 'Công ty Một Riêng' });
    await createEnterprise(sys.http, admin, A2, QZA, { name: 'Công ty Hai Kín Đáo' });
    await createEnterprise(sys.http, admin, B1, QZB, { name: 'Công ty Ngoại Vùng' });
    for (const [code, zoneCode, taxCode] of [
      [PROJECT_A, QZA, A1],
      ['DA-QZB-BIMAT', QZB, B1],
    ]) {
      expect(
        (
          await sys.http.post(
            '/v1/projects',
            { code, name: `Dự án ${code}`, taxCode, zoneCode, status: 'operating', operatingFrom: '2020-01-01' },
            admin,
          )
        ).status,
      ).toBe(201);
    }
    for (const zone of [QZA, QZB])
      expect((await sys.http.put(`/v1/targets/${zone}/2025`, { grossOutputConstant2010: 50_000_000_000 }, admin)).status).toBe(200);
    expect((await sys.http.post('/v1/subscriptions', { email: 'bimat@ngoai.vn', zoneCodes: [QZB] }, admin)).status).toBe(201);

    ids.reportA1 = (await submitAndDecide(sys.http, token.enterprise, reportBody(A1, PERIOD, { grossOutput: 1_111_111_111 }))).id;
    ids.reportA2 = (await submitAndDecide(sys.http, token.board, reportBody(A2, PERIOD, { grossOutput: 2_222_222_222 }))).id;
    await submitAndDecide(sys.http, admin, reportBody(B1, PERIOD, { grossOutput: 7_777_777_777 }));
    expect(
      (await sys.http.post(`/v1/reports/${ids.reportA1}/review`, { comment: 'GHI-CHU-NOI-BO: nghi khai thiếu.' }, token.board)).status,
    ).toBe(200);
    const form = new FormData();
    form.append('file', new Blob([csvOf(A1, '2025-Q1')]), 'a1.csv');
    ids.batchA1 = (await sys.http.request('POST', '/v1/reports/upload', { token: token.enterprise, raw: form })).body.batchId;
    for (let deadline = Date.now() + 15_000; !(await sys.http.get(`/v1/reports/uploads/${ids.batchA1}`, admin)).body.processed;) {
      if (Date.now() > deadline) throw new Error('the upload was not decided');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    // Published twice for the month, B1 amended in between: the second publication marks QZB revised.
    expect((await publish(sys.http, { asOf: '2025-11-01' }, admin)).status).toBe(202);
    await submitAndDecide(sys.http, admin, reportBody(B1, PERIOD, { grossOutput: 7_777_000_000 }));
    const second = await publish(sys.http, { asOf: '2025-11-01', force: true }, admin);
    expect(second.status).toBe(202);
    expect(second.body.revised).toEqual([
      expect.objectContaining({ zoneCode: QZB, period: PERIOD }),
      expect.objectContaining({ zoneCode: QZB, period: '2025-Q1..2025-Q3' }),
    ]);
    ids.publication = String(second.body.id);

    for (const caller of CALLERS) {
      perCaller.token[caller] = (
        await sys.http.post('/v1/tokens', { role: 'enterprise', name: `tạm ${caller}`, taxCode: A1 }, admin)
      ).body.id;
      perCaller.subscription[caller] = (
        await sys.http.post('/v1/subscriptions', { email: `${caller.toLowerCase()}@laocai.gov.vn`, zoneCodes: [QZA] }, admin)
      ).body.id;
    }
  }, 90_000);
  afterAll(() => sys?.close(), 30_000);

  const get = (path: string) => () => ({ method: 'GET', path });
  const ALL = [200, 200, 200, 200, 200, 200, 200] as const;
  const ANY_TOKEN = [401, 401, 200, 200, 200, 200, 200] as const;
  const BOARDS = [401, 401, 403, 403, 200, 200, 200] as const;
  const ZONE_A_ONLY = [401, 401, 403, 403, 404, 200, 200] as const;
  const ADMIN_ONLY = [401, 401, 403, 403, 403, 403, 200] as const;

  const ROWS: Record<string, Row> = {
    'GET /health/live': { expect: ALL, call: get('/health/live') },
    'GET /health/ready': { expect: ALL, call: get('/health/ready') },
    'GET /metrics': { expect: ALL, call: get('/metrics') },
    'GET /v1/public/summaries': { expect: ALL, call: get(`/v1/public/summaries?period=${PERIOD}`), public: true },

    'POST /v1/tokens': {
      expect: [401, 401, 403, 403, 403, 403, 201],
      call: () => ({ method: 'POST', path: '/v1/tokens', body: { role: 'board', name: 'BQL mới', zoneCodes: [QZA] } }),
    },
    'DELETE /v1/tokens/{id}': {
      expect: [401, 401, 403, 403, 403, 403, 204],
      call: (c) => ({ method: 'DELETE', path: `/v1/tokens/${perCaller.token[c]}` }),
    },

    'POST /v1/zones': {
      expect: [401, 401, 403, 403, 403, 403, 201],
      call: (_, i) => ({
        method: 'POST',
        path: '/v1/zones',
        body: { code: `QZN${i}`, name: `Khu mới ${i}`, kind: 'industrial_cluster', locality: 'Bát Xát', wageRegion: 4, status: 'planned' },
      }),
    },
    'GET /v1/zones': { expect: BOARDS, call: get('/v1/zones') },
    'GET /v1/zones/{code}': { expect: ZONE_A_ONLY, call: get(`/v1/zones/${QZA}`) },
    'PATCH /v1/zones/{code}': {
      expect: [401, 401, 403, 403, 403, 403, 200],
      call: () => ({ method: 'PATCH', path: `/v1/zones/${QZA}`, body: { locality: 'Lào Cai' } }),
    },

    'POST /v1/enterprises': {
      expect: [401, 401, 403, 403, 403, 201, 201],
      call: (_, i) => ({
        method: 'POST',
        path: '/v1/enterprises',
        body: {
          taxCode: `5309${String(i).padStart(6, '0')}`,
          name: `Công ty mới ${i}`,
          zoneCode: QZA,
          ownership: 'domestic',
          operatingFrom: '2024-01-01',
        },
      }),
    },
    'GET /v1/enterprises': { expect: BOARDS, call: get('/v1/enterprises') },
    'GET /v1/enterprises/{taxCode}': { expect: ZONE_A_ONLY, call: get(`/v1/enterprises/${A1}`) },
    'PATCH /v1/enterprises/{taxCode}': {
      expect: ZONE_A_ONLY,
      call: () => ({ method: 'PATCH', path: `/v1/enterprises/${A1}`, body: { contactEmail: 'ketoan@mot.vn' } }),
    },

    'POST /v1/projects': {
      expect: [401, 401, 403, 403, 403, 201, 201],
      call: (_, i) => ({
        method: 'POST',
        path: '/v1/projects',
        body: { code: `DA-MOI-${i}`, name: 'Dự án mới', taxCode: A1, zoneCode: QZA, status: 'under_construction' },
      }),
    },
    'PUT /v1/zones/{code}/land/{effectiveFrom}': {
      expect: ADMIN_ONLY,
      call: () => ({ method: 'PUT', path: `/v1/zones/${QZA}/land/2024-01-01`, body: { leasableHa: 80 } }),
    },
    'GET /v1/zones/{code}/land': { expect: ZONE_A_ONLY, call: get(`/v1/zones/${QZA}/land`) },
    'PUT /v1/plan/targets/{key}': {
      expect: ADMIN_ONLY,
      call: () => ({
        method: 'PUT',
        path: '/v1/plan/targets/jobs',
        body: { value: 50_000, unit: 'workers', deadline: '2030-12-31', source: 'Quy hoạch tỉnh' },
      }),
    },
    'GET /v1/plan': { expect: BOARDS, call: get('/v1/plan?asOf=2025-10-15') },

    'GET /v1/projects': { expect: BOARDS, call: get('/v1/projects') },
    'GET /v1/projects/{code}': { expect: ZONE_A_ONLY, call: get(`/v1/projects/${PROJECT_A}`) },
    'PATCH /v1/projects/{code}': {
      expect: ZONE_A_ONLY,
      call: () => ({ method: 'PATCH', path: `/v1/projects/${PROJECT_A}`, body: { name: 'Dự án đổi tên' } }),
    },

    'PUT /v1/targets/{zoneCode}/{year}': {
      expect: [401, 401, 403, 403, 403, 200, 200],
      call: () => ({ method: 'PUT', path: `/v1/targets/${QZA}/2026`, body: { grossOutputConstant2010: 60_000_000_000 } }),
    },
    'GET /v1/targets': { expect: BOARDS, call: get('/v1/targets') },

    'GET /v1/reports/template.xlsx': { expect: ANY_TOKEN, call: get('/v1/reports/template.xlsx?period=2025-Q2') },
    'POST /v1/reports/upload': {
      // Rows outside the caller's scope are refused one by one, in the 202.
      expect: [401, 401, 202, 202, 202, 202, 202],
      call: () => ({ method: 'POST', path: '/v1/reports/upload', csv: csvOf(A1, '2025-Q1') }),
    },
    'GET /v1/reports/uploads/{batchId}': {
      expect: [401, 401, 404, 200, 404, 200, 200],
      call: () => ({ method: 'GET', path: `/v1/reports/uploads/${ids.batchA1}` }),
    },
    'POST /v1/reports': {
      expect: [401, 401, 403, 202, 403, 202, 202],
      call: () => ({ method: 'POST', path: '/v1/reports', body: reportBody(A1, '2025-Q2') }),
    },
    'GET /v1/reports': { expect: ANY_TOKEN, call: get('/v1/reports') },
    'GET /v1/reports/{id}': {
      expect: [401, 401, 404, 200, 404, 200, 200],
      call: () => ({ method: 'GET', path: `/v1/reports/${ids.reportA1}` }),
    },
    'POST /v1/reports/{id}/review': {
      expect: ZONE_A_ONLY,
      call: () => ({ method: 'POST', path: `/v1/reports/${ids.reportA2}/review`, body: { comment: 'Đã xem.' } }),
    },
    'POST /v1/reports/{id}/return': {
      expect: ZONE_A_ONLY,
      // A revision is returned once: the board and the admin each return their own.
      call: (c) => ({
        method: 'POST',
        path: `/v1/reports/${c === 'admin' ? ids.reportA1 : ids.reportA2}/return`,
        body: { message: 'Đề nghị sửa lại.' },
      }),
    },
    'GET /v1/follow-ups': { expect: BOARDS, call: get('/v1/follow-ups') },
    'GET /v1/audit': { expect: ADMIN_ONLY, call: get('/v1/audit') },

    'GET /v1/periods/{period}/filing-status': { expect: BOARDS, call: get(`/v1/periods/${PERIOD}/filing-status`) },
    'POST /v1/periods/{period}/lock': {
      expect: [401, 401, 403, 403, 403, 200, 200],
      call: () => ({ method: 'POST', path: `/v1/periods/${LOCK_PERIOD}/lock?zone=${QZA}`, body: {} }),
    },
    'POST /v1/periods/{period}/unlock': {
      expect: [401, 401, 403, 403, 403, 200, 200],
      call: () => ({ method: 'POST', path: `/v1/periods/${LOCK_PERIOD}/unlock?zone=${QZA}`, body: {} }),
    },
    'GET /v1/periods/{period}/locks': { expect: BOARDS, call: get(`/v1/periods/${LOCK_PERIOD}/locks`) },

    'GET /v1/summaries': { expect: BOARDS, call: get(`/v1/summaries?period=${PERIOD}`) },
    'GET /v1/zones/{code}/summary': { expect: ZONE_A_ONLY, call: get(`/v1/zones/${QZA}/summary?period=${PERIOD}`) },
    'GET /v1/summaries.xlsx': { expect: BOARDS, call: get(`/v1/summaries.xlsx?period=${PERIOD}`) },
    'GET /v1/upward-reports/{period}.xlsx': { expect: BOARDS, call: get(`/v1/upward-reports/${PERIOD}.xlsx`) },

    'POST /v1/subscriptions': {
      expect: [401, 401, 403, 403, 403, 201, 201],
      call: () => ({ method: 'POST', path: '/v1/subscriptions', body: { email: 'moi@laocai.gov.vn', zoneCodes: [QZA] } }),
    },
    'GET /v1/subscriptions': { expect: BOARDS, call: get('/v1/subscriptions') },
    'DELETE /v1/subscriptions/{id}': {
      expect: [401, 401, 403, 403, 404, 204, 204],
      call: (c) => ({ method: 'DELETE', path: `/v1/subscriptions/${perCaller.subscription[c]}` }),
    },

    'POST /v1/publications': {
      expect: ADMIN_ONLY,
      call: () => ({ method: 'POST', path: '/v1/publications', body: { asOf: '2025-11-01' } }),
    },
    'GET /v1/publications': { expect: BOARDS, call: get('/v1/publications') },
    'GET /v1/publications/{id}': { expect: BOARDS, call: () => ({ method: 'GET', path: `/v1/publications/${ids.publication}` }) },
    'GET /v1/publications/{id}/workbook.xlsx': {
      expect: BOARDS,
      call: () => ({ method: 'GET', path: `/v1/publications/${ids.publication}/workbook.xlsx` }),
    },
  };

  const send = (caller: Caller, c: Call): Promise<Reply> => {
    const auth = caller === 'anonymous' ? undefined : token[caller];
    if (c.csv === undefined) return sys.http.request(c.method, c.path, { token: auth, body: c.body });
    const form = new FormData();
    form.append('file', new Blob([c.csv]), 'bao-cao.csv');
    return sys.http.request(c.method, c.path, { token: auth, raw: form });
  };

  it('has a row for every operation of the OpenAPI document, and none for an operation it lacks', async () => {
    const doc = await sys.http.get('/docs-json');
    expect(doc.status).toBe(200);
    const operations = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
          .map((m) => `${m.toUpperCase()} ${path}`),
      )
      .sort();
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.filter((op) => !(op in ROWS))).toEqual([]);
    expect(Object.keys(ROWS).filter((op) => !operations.includes(op))).toEqual([]);
  });

  it('gives a zone board its zones’ part of a publication: figures, revision notes and workbook, without totals', async () => {
    const [own, other, all] = await Promise.all(
      [token.board, token.otherBoard, token.admin].map((t) => sys.http.get(`/v1/publications/${ids.publication}`, t)),
    );
    expect(all.body.revised.map((r: { zoneCode: string }) => r.zoneCode)).toEqual([QZB, QZB]);
    expect(own.body.revised).toEqual([]);
    expect(other.body.revised).toEqual(all.body.revised);
    expect(own.body.figures.latestQuarter.zones).toEqual([expect.objectContaining({ zoneCode: QZA, grossOutput: '3333333333' })]);
    expect(own.body.figures.latestQuarter).not.toHaveProperty('totals');
    expect(own.body.figures.filing.items.map((i: { taxCode: string }) => i.taxCode)).toEqual([A1, A2]);
    expect((await sys.http.get('/v1/publications', token.board)).body.items.map((p: { revised: unknown[] }) => p.revised)).toEqual([
      [],
      [],
    ]);

    for (const audience of ['board', 'public']) {
      const r = await sys.http.get(`/v1/publications/${ids.publication}/workbook.xlsx?audience=${audience}`, token.board);
      expect(r.status).toBe(200);
      const rows = sheetRecords((await openWorkbook(r.body)).getWorksheet('Tổng hợp theo khu')!, 2);
      expect(rows.map((row) => row['Mã khu'])).toEqual([QZA]);
    }
    const full = await sys.http.get(`/v1/publications/${ids.publication}/workbook.xlsx`, token.admin);
    expect(sheetRecords((await openWorkbook(full.body)).getWorksheet('Tổng hợp theo khu')!, 2).map((row) => row['Mã khu'])).toEqual(
      expect.arrayContaining([QZA, QZB]),
    );
  });

  it('answers each caller with its row’s status, and nobody with data outside its scope', async () => {
    const wrong: string[] = [];
    let i = 0;
    for (const [operation, row] of Object.entries(ROWS)) {
      for (const [k, caller] of CALLERS.entries()) {
        const call = row.call(caller, ++i);
        const r = await send(caller, call);
        if (r.status !== row.expect[k])
          wrong.push(`${operation} as ${caller}: ${r.status}, expected ${row.expect[k]} ${JSON.stringify(r.body).slice(0, 200)}`);
        // What the request itself named may come back (an id in a 404's detail); nothing else of others'.
        const sent = `${call.path} ${JSON.stringify(call.body ?? '')} ${call.csv ?? ''}`;
        const text = await answerText(r);
        const groups = FOREIGN[caller].filter((g) => !(row.public && PUBLIC_GROUPS.includes(g)));
        const leaked = groups.flatMap((g) => MARKS[g].filter((m) => !sent.includes(m) && text.includes(m)).map((m) => `${g}:${m}`));
        if (leaked.length > 0) wrong.push(`${operation} as ${caller}: shows ${leaked.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
