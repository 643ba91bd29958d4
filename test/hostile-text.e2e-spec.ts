/**
 * Hostile text in every free-text field: quotes, SQL, HTML and script, line breaks, emoji, decomposed
 * Vietnamese, escapes and the longest text allowed are stored and returned byte for byte (in JSON, in
 * the database and in the board's workbook); NUL, other control characters, lone surrogates and texts
 * over the limit are refused with 422 naming the field. Never a 500.
 */
import { Workbook } from 'exceljs';
import { CSV_HEAD, reportBody, submitAndDecide } from './support/fixtures';
import { Reply } from './support/http-client';
import { expectFieldProblem } from './support/problem-assertions';
import { openWorkbook } from './support/workbook-rows';
import { startTestSystem, TestSystem } from './support/test-system';

const HOSTILE = [
  `Công ty "Ánh Dương" & O'Brien's <b>bold</b> \`tick\``,
  `'; DROP TABLE zones; --`,
  `Robert'); DELETE FROM enterprises WHERE ('1'='1`,
  `<script>alert(document.cookie)</script><img src=x onerror="alert(1)">`,
  `&amp; &lt;b&gt; &#0; ]]> <![CDATA[x]]> %00 %s {{7*7}} \${7*7}`,
  'dòng 1\r\ndòng 2\nline 3\rline 4\ttab',
  '😀 👨‍👩‍👧‍👦 🇻🇳 𝕏',
  'Khu công nghiệp Đông Phố Mới — Tằng Loỏng'.normalize('NFD'),
  '_x000D_ _x005F_ _x0041_ \\u0000 \\n',
  `${'ờ'.repeat(250)}${'x'.repeat(250)}`,
  '  leading and trailing spaces  ',
  '\u200b\u200d\ufeff zero width \u202e mirrored مرحبا',
  '=HYPERLINK("http://example.com","bấm vào")',
];
const REFUSED = ['a\u0000b', 'lone \ud83d', 'bell \u0007', 'not a character \uffff', 'x'.repeat(501)];
const PERIOD = '2025-Q2';

describe('hostile text in every free-text field', () => {
  let sys: TestSystem;
  let admin: string;
  const zoneCode = (i: number) => `HT${String(i).padStart(2, '0')}`;
  const taxCode = (i: number) => `55000000${String(i).padStart(2, '0')}`;

  /** 201/200 and the field as sent, in the answer and in a fresh read. */
  const expectVerbatim = async (reply: Reply, field: string, text: string, readPath: string) => {
    expect(reply.status < 300 ? 'stored' : reply.body).toBe('stored');
    expect(reply.body[field]).toBe(text);
    expect((await sys.http.get(readPath, admin)).body[field]).toBe(text);
  };

  beforeAll(async () => {
    sys = await startTestSystem('hostiletext');
    admin = await sys.token({ role: 'admin', name: 'admin' });
  }, 30_000);
  afterAll(() => sys?.close(), 30_000);

  it('stores zone names and localities verbatim, and refuses what text cannot hold', async () => {
    for (const [i, text] of HOSTILE.entries()) {
      const created = await sys.http.post(
        '/v1/zones',
        { code: zoneCode(i), name: text, kind: 'industrial_park', locality: text, wageRegion: 2, status: 'operating' },
        admin,
      );
      await expectVerbatim(created, 'name', text, `/v1/zones/${zoneCode(i)}`);
      expect(created.body.locality).toBe(text);
      const [row] = await sys.query('SELECT name = $1 AS name, locality = $1 AS locality FROM zones WHERE code = $2', [text, zoneCode(i)]);
      expect(row).toEqual({ name: true, locality: true });
    }
    const patched = await sys.http.patch(`/v1/zones/${zoneCode(0)}`, { locality: HOSTILE[5] }, admin);
    await expectVerbatim(patched, 'locality', HOSTILE[5], `/v1/zones/${zoneCode(0)}`);
    for (const text of REFUSED) {
      for (const field of ['name', 'locality']) {
        const zone = {
          code: 'HTX',
          name: 'KCN',
          kind: 'industrial_park',
          locality: 'Lào Cai',
          wageRegion: 2,
          status: 'operating',
          [field]: text,
        };
        expectFieldProblem(await sys.http.post('/v1/zones', zone, admin), 422, field);
        expectFieldProblem(await sys.http.patch(`/v1/zones/${zoneCode(0)}`, { [field]: text }, admin), 422, field);
      }
    }
    expect((await sys.http.get('/v1/zones/HTX', admin)).status).toBe(404);
  });

  it('stores enterprise names and project names verbatim, and refuses what text cannot hold', async () => {
    for (const [i, text] of HOSTILE.entries()) {
      const created = await sys.http.post(
        '/v1/enterprises',
        { taxCode: taxCode(i), name: text, zoneCode: zoneCode(i), ownership: 'domestic', operatingFrom: '2020-01-01' },
        admin,
      );
      await expectVerbatim(created, 'name', text, `/v1/enterprises/${taxCode(i)}`);
      const project = await sys.http.post(
        '/v1/projects',
        { code: `DA-HT-${i}`, name: text, taxCode: taxCode(i), zoneCode: zoneCode(i), status: 'operating' },
        admin,
      );
      await expectVerbatim(project, 'name', text, `/v1/projects/DA-HT-${i}`);
    }
    const renamed = await sys.http.patch(`/v1/enterprises/${taxCode(1)}`, { name: HOSTILE[3] }, admin);
    await expectVerbatim(renamed, 'name', HOSTILE[3], `/v1/enterprises/${taxCode(1)}`);
    await sys.http.patch(`/v1/enterprises/${taxCode(1)}`, { name: HOSTILE[1] }, admin);
    for (const text of REFUSED) {
      expectFieldProblem(
        await sys.http.post(
          '/v1/enterprises',
          { taxCode: '5500000099', name: text, zoneCode: zoneCode(0), ownership: 'domestic', operatingFrom: '2020-01-01' },
          admin,
        ),
        422,
        'name',
      );
      expectFieldProblem(await sys.http.patch(`/v1/enterprises/${taxCode(0)}`, { name: text }, admin), 422, 'name');
      expectFieldProblem(
        await sys.http.post(
          '/v1/projects',
          { code: 'DA-HT-X', name: text, taxCode: taxCode(0), zoneCode: zoneCode(0), status: 'operating' },
          admin,
        ),
        422,
        'name',
      );
      expectFieldProblem(await sys.http.patch('/v1/projects/DA-HT-0', { name: text }, admin), 422, 'name');
    }
    expect((await sys.http.get(`/v1/enterprises/${taxCode(0)}`, admin)).body.name).toBe(HOSTILE[0]);
  });

  it('stores review comments and token names verbatim, as the report, its review and the audit log show them', async () => {
    const report = await submitAndDecide(sys.http, admin, reportBody(taxCode(0), PERIOD));
    expect(report.status).toBe('accepted');
    for (const text of HOSTILE) {
      const created = await sys.http.post('/v1/tokens', { role: 'board', name: text, zoneCodes: 'all' }, admin);
      expect(created.status).toBe(201);
      const reviewed = await sys.http.post(`/v1/reports/${report.id}/review`, { comment: text }, created.body.token);
      expect(reviewed.status).toBe(200);
      expect(reviewed.body).toMatchObject({ comment: text, reviewedBy: text });
      expect((await sys.http.get(`/v1/reports/${report.id}`, admin)).body.review).toMatchObject({ comment: text, reviewedBy: text });
      const audit = await sys.http.get(`/v1/audit?entity=report&id=${report.id}&limit=1`, admin);
      expect(audit.body.items[0]).toMatchObject({ action: 'report.review', actor: { name: `board:${text}` }, details: { comment: text } });
    }
    for (const text of REFUSED) {
      expectFieldProblem(await sys.http.post(`/v1/reports/${report.id}/review`, { comment: text }, admin), 422, 'comment');
      expectFieldProblem(await sys.http.post('/v1/tokens', { role: 'admin', name: text }, admin), 422, 'name');
    }
    // Searching the audit log for hostile text finds nothing, and fails nothing.
    for (const text of HOSTILE) {
      const found = await sys.http.get(`/v1/audit?entity=${encodeURIComponent(text)}&id=${encodeURIComponent(text)}`, admin);
      expect(found.status).toBe(200);
      expect(found.body.items).toEqual([]);
    }
  });

  it('stores hostile but valid email addresses verbatim and refuses invalid ones naming the field', async () => {
    const emails = [`o'brien+"<script>"&amp;@ví-dụ.việt.nam`, `'--;DROP_TABLE@x.vn`, '😀@🇻🇳.vn', `${'a'.repeat(240)}@example.vn`];
    for (const email of emails) {
      const subscription = await sys.http.post('/v1/subscriptions', { email, zoneCodes: 'all' }, admin);
      expect({ email, status: subscription.status }).toEqual({ email, status: 201 });
      expect(subscription.body.email).toBe(email);
      const listed = (await sys.http.get('/v1/subscriptions', admin)).body.items.find((s: { id: string }) => s.id === subscription.body.id);
      expect(listed.email).toBe(email);
      const contact = await sys.http.patch(`/v1/enterprises/${taxCode(2)}`, { contactEmail: email }, admin);
      await expectVerbatim(contact, 'contactEmail', email, `/v1/enterprises/${taxCode(2)}`);
    }
    for (const email of [...REFUSED.map((t) => `${t}@x.vn`), `'; DROP TABLE subscriptions; --@x.vn`, 'a\r\nb@x.vn']) {
      expectFieldProblem(await sys.http.post('/v1/subscriptions', { email, zoneCodes: 'all' }, admin), 422, 'email');
      expectFieldProblem(await sys.http.patch(`/v1/enterprises/${taxCode(2)}`, { contactEmail: email }, admin), 422, 'contactEmail');
    }
  });

  it('keeps an uploaded file name verbatim, and refuses one text cannot hold', async () => {
    const csv = `${CSV_HEAD}${taxCode(3)},2025-Q1,1,1,1,9000000\n`;
    // The name travels percent-encoded (RFC 5987), so every character arrives as it was.
    const upload = (fileName: string) => {
      const boundary = '----kcn-hostile-text';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(fileName)}\r\n`),
        Buffer.from('Content-Type: text/csv\r\n\r\n'),
        Buffer.from(csv),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return sys.http.request('POST', '/v1/reports/upload', {
        token: admin,
        raw: body,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    for (const text of HOSTILE) {
      const r = await upload(`${text}.csv`);
      // The multipart parser does not read a part whose file name holds a line break: the file is missing.
      if (/[\r\n]/.test(text)) {
        expectFieldProblem(r, 400, 'file', 'REQUIRED');
        continue;
      }
      expect(r.status).toBe(202);
      expect((await sys.http.get(`/v1/reports/uploads/${r.body.batchId}`, admin)).body.fileName).toBe(`${text}.csv`);
    }
    // A lone surrogate cannot even be percent-encoded.
    for (const text of [REFUSED[0], REFUSED[2], REFUSED[3]])
      expectFieldProblem(await upload(`${text}.csv`), 422, 'file', 'INVALID_CHARACTER');
  });

  it('returns the names verbatim in summaries, the filing status and the board workbook', async () => {
    for (const i of HOSTILE.keys()) {
      if (i === 0) continue; // already filed in the review test
      expect((await submitAndDecide(sys.http, admin, reportBody(taxCode(i), PERIOD))).status).toBe('accepted');
    }
    const summary = await sys.http.get(`/v1/summaries?period=${PERIOD}`, admin);
    expect(summary.status).toBe(200);
    for (const [i, text] of HOSTILE.entries()) {
      expect(summary.body.zones.find((z: { zoneCode: string }) => z.zoneCode === zoneCode(i)).zoneName).toBe(text);
    }
    const filing = await sys.http.get(`/v1/periods/${PERIOD}/filing-status`, admin);
    for (const [i, text] of HOSTILE.entries()) {
      expect(filing.body.items.find((x: { taxCode: string }) => x.taxCode === taxCode(i)).name).toBe(text);
    }

    for (const lang of ['vi', 'en']) {
      const reply = await sys.http.get(`/v1/summaries.xlsx?period=${PERIOD}&lang=${lang}`, admin);
      expect(reply.status).toBe(200);
      const workbook: Workbook = await openWorkbook(reply.body);
      const texts = (sheet: number) => {
        const found = new Set<string>();
        workbook.worksheets[sheet].eachRow((row) =>
          row.eachCell((cell) => {
            const v = cell.value as unknown;
            if (typeof v === 'string') found.add(v);
            else if (v && typeof v === 'object' && 'richText' in v)
              found.add((v as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join(''));
          }),
        );
        return found;
      };
      const [zoneSheet, filingSheet] = [texts(0), texts(1)];
      for (const [i, text] of HOSTILE.entries()) {
        expect({ lang, text, inZones: zoneSheet.has(text), inFiling: filingSheet.has(HOSTILE[i]) }).toEqual({
          lang,
          text,
          inZones: true,
          inFiling: true,
        });
      }
    }
  });
});
