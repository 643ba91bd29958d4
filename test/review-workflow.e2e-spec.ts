import { createEnterprise, createZone, reportBody, submitAndDecide } from './support/fixtures';
import { expectFieldProblem, expectProblem } from './support/problem-assertions';
import { startTestSystem, TestSystem } from './support/test-system';

/**
 * The board's review: who filed 2025-Q2 and when (due 2025-07-10T00:00+07:00), the follow-up of the
 * warnings of 2025-Q3, and the audit log that keeps who did what.
 */
const DPM = 'DPM';
const BDH = 'BDH';
const ON_TIME = '5300000101';
const LATE = '5300000102';
const MISSING = '5300000103';
const STARTED_MID_QUARTER = '5300000104';
const REJECTED_ONLY = '5300000105';
const STOPPED_BEFORE = '5300000106';
const OTHER_ZONE = '5300000201';
const NO_SUCH_REPORT = '00000000-0000-4000-8000-000000000000';
const LOCAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/;

const stamped = (body: object, receivedAt: string) => ({ ...body, receivedAt });

describe('board review: filing status, follow-up of warnings, audit log', () => {
  let sys: TestSystem;
  let admin: string;
  let boardDpm: string;
  let boardBdh: string;
  let filer: string;
  const id: Record<string, string> = {};
  const tokenId = async (name: string) => (await sys.query('SELECT id FROM api_tokens WHERE name = $1', [name]))[0].id as string;

  beforeAll(async () => {
    sys = await startTestSystem('review');
    admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    boardDpm = await sys.token({ role: 'board', name: 'BQL Đông Phố Mới', zoneCodes: [DPM] });
    boardBdh = await sys.token({ role: 'board', name: 'BQL Bắc Duyên Hải', zoneCodes: [BDH] });
    filer = await sys.token({ role: 'enterprise', name: 'DN đúng hạn', taxCode: ON_TIME });
    await createZone(sys.http, admin, DPM, { name: 'KCN Đông Phố Mới', wageRegion: 2 });
    await createZone(sys.http, admin, BDH, { name: 'KCN Bắc Duyên Hải', wageRegion: 2 });
    for (const taxCode of [ON_TIME, LATE, MISSING, REJECTED_ONLY]) await createEnterprise(sys.http, admin, taxCode, DPM);
    await createEnterprise(sys.http, admin, STARTED_MID_QUARTER, DPM, { operatingFrom: '2025-05-15' });
    await createEnterprise(sys.http, admin, STOPPED_BEFORE, DPM, { operatingFrom: '2020-01-01', operatingUntil: '2025-03-31' });
    await createEnterprise(sys.http, admin, OTHER_ZONE, BDH);

    // 2025-Q2: a paper form stamped before the due date, then amended long after it; a late filing;
    // a rejected one; the other zone on time.
    id.onTimeFirst = (await submitAndDecide(sys.http, boardDpm, stamped(reportBody(ON_TIME, '2025-Q2'), '2025-07-05T09:00:00+07:00'))).id;
    id.onTimeAmended = (await submitAndDecide(sys.http, boardDpm, reportBody(ON_TIME, '2025-Q2', { revenue: 1_200_000_000 }))).id;
    id.late = (await submitAndDecide(sys.http, boardDpm, reportBody(LATE, '2025-Q2'))).id;
    id.rejected = (await submitAndDecide(sys.http, boardDpm, reportBody(REJECTED_ONLY, '2025-Q2', { workers: 10, femaleWorkers: 12 }))).id;
    id.otherZone = (await submitAndDecide(sys.http, admin, stamped(reportBody(OTHER_ZONE, '2025-Q2'), '2025-07-01T08:00:00+07:00'))).id;

    // 2025-Q3, all stamped on time but the other zone's: a wage below the region II minimum
    // (4,410,000 đồng a month), gross output doubled against 2025-Q2, a clean report, a late one.
    const q3Stamp = '2025-10-05T09:00:00+07:00';
    id.lowWage = (
      await submitAndDecide(
        sys.http,
        boardDpm,
        stamped(reportBody(ON_TIME, '2025-Q3', { workers: 60, wageFund: 60 * 3 * 4_000_000 }), q3Stamp),
      )
    ).id;
    id.outlier = (
      await submitAndDecide(sys.http, boardDpm, stamped(reportBody(LATE, '2025-Q3', { grossOutput: 2_000_000_000 }), q3Stamp))
    ).id;
    id.clean = (await submitAndDecide(sys.http, boardDpm, stamped(reportBody(MISSING, '2025-Q3'), q3Stamp))).id;
    id.otherZoneLate = (await submitAndDecide(sys.http, admin, reportBody(OTHER_ZONE, '2025-Q3'))).id;
  }, 60_000);
  afterAll(() => sys?.close(), 30_000);

  describe('filing status', () => {
    it('lists every enterprise operating in the quarter as on time, late or missing, judged on the first accepted revision', async () => {
      const r = await sys.http.get('/v1/periods/2025-Q2/filing-status', admin);
      expect(r.status).toBe(200);
      const name = (taxCode: string) => `Công ty ${taxCode}`;
      expect(r.body).toEqual({
        period: '2025-Q2',
        items: [
          {
            taxCode: OTHER_ZONE,
            name: name(OTHER_ZONE),
            zoneCode: BDH,
            status: 'on_time',
            reportId: id.otherZone,
            receivedAt: '2025-07-01T08:00:00.000+07:00',
          },
          // The amendment is current; the stamp of the first revision keeps the filing on time.
          {
            taxCode: ON_TIME,
            name: name(ON_TIME),
            zoneCode: DPM,
            status: 'on_time',
            reportId: id.onTimeAmended,
            receivedAt: '2025-07-05T09:00:00.000+07:00',
          },
          {
            taxCode: LATE,
            name: name(LATE),
            zoneCode: DPM,
            status: 'late',
            reportId: id.late,
            receivedAt: expect.stringMatching(LOCAL_INSTANT),
          },
          { taxCode: MISSING, name: name(MISSING), zoneCode: DPM, status: 'missing' },
          { taxCode: STARTED_MID_QUARTER, name: name(STARTED_MID_QUARTER), zoneCode: DPM, status: 'missing' },
          { taxCode: REJECTED_ONLY, name: name(REJECTED_ONLY), zoneCode: DPM, status: 'missing' },
        ],
        counts: { expected: 6, onTime: 2, late: 1, missing: 3 },
      });
      expect(r.body.items.map((i: { taxCode: string }) => i.taxCode)).not.toContain(STOPPED_BEFORE);
    });

    it('shows a board only its zones, and nothing for a zone outside them', async () => {
      const own = await sys.http.get('/v1/periods/2025-Q2/filing-status', boardDpm);
      expect(own.status).toBe(200);
      expect(new Set(own.body.items.map((i: { zoneCode: string }) => i.zoneCode))).toEqual(new Set([DPM]));
      expect(own.body.counts).toEqual({ expected: 5, onTime: 1, late: 1, missing: 3 });
      const narrowed = await sys.http.get(`/v1/periods/2025-Q2/filing-status?zone=${BDH}`, admin);
      expect(narrowed.body.items.map((i: { taxCode: string }) => i.taxCode)).toEqual([OTHER_ZONE]);
      const outside = await sys.http.get(`/v1/periods/2025-Q2/filing-status?zone=${BDH}`, boardDpm);
      expect(outside.body).toEqual({ period: '2025-Q2', items: [], counts: { expected: 0, onTime: 0, late: 0, missing: 0 } });
    });

    it('refuses enterprise tokens and a period that is not a quarter', async () => {
      expectProblem(await sys.http.get('/v1/periods/2025-Q2/filing-status', filer), 403);
      expectFieldProblem(await sys.http.get('/v1/periods/2025-Q5/filing-status', admin), 422, 'period', 'INVALID_PERIOD');
      expectFieldProblem(await sys.http.get('/v1/periods/2025/filing-status', admin), 422, 'period', 'INVALID_PERIOD');
    });
  });

  describe('follow-up of warnings', () => {
    it('lists accepted reports with warnings, the figures that triggered them and the report figures', async () => {
      const r = await sys.http.get('/v1/follow-ups?period=2025-Q3', boardDpm);
      expect(r.status).toBe(200);
      expect(r.body.nextCursor).toBeNull();
      expect(r.body.items.map((i: { reportId: string }) => i.reportId)).toEqual([id.lowWage, id.outlier]);
      const [lowWage, outlier] = r.body.items;
      expect(lowWage).toEqual({
        reportId: id.lowWage,
        taxCode: ON_TIME,
        enterpriseName: `Công ty ${ON_TIME}`,
        zoneCode: DPM,
        period: '2025-Q3',
        revision: 1,
        receivedAt: '2025-10-05T09:00:00.000+07:00',
        late: false,
        warnings: [
          {
            code: 'BELOW_MINIMUM_WAGE',
            severity: 'warning',
            field: 'wages.wageFund',
            message: expect.any(String),
            details: { monthlyWagePerWorker: '4000000', minimumWage: '4410000', wageRegion: 2, effectiveFrom: '2024-07-01' },
          },
        ],
        production: {
          grossOutput: '1000000000',
          grossOutputConstant2010: null,
          revenue: '1100000000',
          exportValueUsd: null,
          importValueUsd: null,
          stateBudgetPaid: null,
        },
        investment: { realizedCapital: null },
        employment: { workers: 60, femaleWorkers: null, foreignWorkers: null, localWorkers: null, averageWorkers: null },
        wages: { wageFund: '720000000' },
        review: null,
        returned: null,
      });
      expect(outlier.warnings).toEqual([
        expect.objectContaining({
          code: 'OUTLIER_CHANGE',
          field: 'production.grossOutput',
          details: { current: '2000000000', previous: '1000000000', comparedPeriod: '2025-Q2', changePct: 100 },
        }),
      ]);
      expect(outlier.production.grossOutput).toBe('2000000000');
    });

    it('keeps to the caller’s zones and pages with a cursor', async () => {
      const all = await sys.http.get('/v1/follow-ups', admin);
      // The clean report has no warning; the late 2025-Q2 filing and the late report of BDH have LATE.
      expect(all.body.items.map((i: { reportId: string }) => i.reportId)).toEqual([id.otherZoneLate, id.late, id.lowWage, id.outlier]);
      expect(all.body.items[0].warnings.map((w: { code: string }) => w.code)).toEqual(['LATE']);
      expect((await sys.http.get(`/v1/follow-ups?zone=${BDH}`, boardDpm)).body).toEqual({ items: [], nextCursor: null });
      expect((await sys.http.get('/v1/follow-ups', boardBdh)).body.items.map((i: { reportId: string }) => i.reportId)).toEqual([
        id.otherZoneLate,
      ]);

      const first = await sys.http.get(`/v1/follow-ups?zone=${DPM}&limit=2`, admin);
      expect(first.body.items.map((i: { reportId: string }) => i.reportId)).toEqual([id.late, id.lowWage]);
      const second = await sys.http.get(`/v1/follow-ups?zone=${DPM}&limit=2&cursor=${first.body.nextCursor}`, admin);
      expect(second.body).toEqual({ items: [expect.objectContaining({ reportId: id.outlier })], nextCursor: null });
      expectProblem(await sys.http.get('/v1/follow-ups', filer), 403);
      expectFieldProblem(await sys.http.get('/v1/follow-ups?reviewed=maybe', admin), 422, 'reviewed');
    });

    it('marks a report reviewed by the caller, which hides it from reviewed=false; a later review replaces it', async () => {
      const reviewed = await sys.http.post(`/v1/reports/${id.lowWage}/review`, { comment: 'Đã liên hệ: thiếu tiền thưởng quý.' }, boardDpm);
      expect(reviewed.status).toBe(200);
      expect(reviewed.body).toEqual({
        reviewedAt: expect.stringMatching(LOCAL_INSTANT),
        reviewedBy: 'BQL Đông Phố Mới',
        comment: 'Đã liên hệ: thiếu tiền thưởng quý.',
        messageToEnterprise: null,
        messageSentAt: null,
      });

      const open = await sys.http.get('/v1/follow-ups?period=2025-Q3&reviewed=false', boardDpm);
      expect(open.body.items.map((i: { reportId: string }) => i.reportId)).toEqual([id.outlier]);
      const done = await sys.http.get('/v1/follow-ups?period=2025-Q3&reviewed=true', boardDpm);
      expect(done.body.items).toEqual([expect.objectContaining({ reportId: id.lowWage, review: reviewed.body })]);

      const again = await sys.http.post(`/v1/reports/${id.lowWage}/review`, { comment: 'Doanh nghiệp đã nộp bổ sung.' }, admin);
      expect(again.body).toMatchObject({ reviewedBy: 'Quản trị', comment: 'Doanh nghiệp đã nộp bổ sung.' });
      expect((await sys.http.get(`/v1/reports/${id.lowWage}`, boardDpm)).body.review).toEqual(again.body);
    });

    it('keeps the board’s comment internal and shows the enterprise only the message meant for it', async () => {
      // A review without any message is the board's alone.
      await sys.http.post(`/v1/reports/${id.onTimeAmended}/review`, { comment: 'Nội bộ: số liệu hợp lý.' }, boardDpm);
      expect((await sys.http.get(`/v1/reports/${id.onTimeAmended}`, filer)).body.review).toBeNull();
      const internal = 'Nội bộ: nghi doanh nghiệp khai thiếu tiền thưởng.';
      const message = 'Đề nghị bổ sung tiền thưởng quý vào tổng quỹ lương và nộp lại báo cáo.';
      const reviewed = await sys.http.post(
        `/v1/reports/${id.lowWage}/review`,
        { comment: internal, messageToEnterprise: message },
        boardDpm,
      );
      expect(reviewed.status).toBe(200);
      expect(reviewed.body).toEqual({
        reviewedAt: expect.stringMatching(LOCAL_INSTANT),
        reviewedBy: 'BQL Đông Phố Mới',
        comment: internal,
        messageToEnterprise: message,
        messageSentAt: reviewed.body.reviewedAt,
      });
      expect((await sys.http.get(`/v1/reports/${id.lowWage}`, boardDpm)).body.review).toEqual(reviewed.body);

      const seen = await sys.http.get(`/v1/reports/${id.lowWage}`, filer);
      expect(seen.status).toBe(200);
      expect(seen.body.review).toEqual({ messageToEnterprise: message, messageSentAt: reviewed.body.reviewedAt });
      const listed = await sys.http.get('/v1/reports?period=2025-Q3', filer);
      expect(listed.body.items.find((r: { id: string }) => r.id === id.lowWage).review).toEqual(seen.body.review);
      for (const body of [seen.body, listed.body]) expect(JSON.stringify(body)).not.toContain('Nội bộ');

      // A later internal note leaves the message the enterprise was sent as it was.
      const note = await sys.http.post(`/v1/reports/${id.lowWage}/review`, { comment: 'Nội bộ: đã gọi điện cho kế toán.' }, admin);
      expect(note.body).toMatchObject({
        comment: 'Nội bộ: đã gọi điện cho kế toán.',
        messageToEnterprise: message,
        messageSentAt: reviewed.body.reviewedAt,
      });
      expect((await sys.http.get(`/v1/reports/${id.lowWage}`, filer)).body.review).toEqual(seen.body.review);

      const audit = await sys.http.get(`/v1/audit?entity=report&id=${id.lowWage}`, admin);
      const reviews = audit.body.items
        .filter((e: { action: string }) => e.action === 'report.review')
        .map((e: { details: unknown }) => e.details);
      expect(reviews.slice(0, 2)).toEqual([
        { comment: 'Nội bộ: đã gọi điện cho kế toán.' },
        { comment: internal, messageToEnterprise: message },
      ]);
      expectFieldProblem(
        await sys.http.post(`/v1/reports/${id.lowWage}/review`, { comment: 'x', messageToEnterprise: '  ' }, boardDpm),
        422,
        'messageToEnterprise',
      );
    });

    it('refuses reviews out of scope (404), of reports not accepted (409) and by enterprises (403)', async () => {
      const comment = { comment: 'xem lại' };
      expectProblem(await sys.http.post(`/v1/reports/${id.otherZoneLate}/review`, comment, boardDpm), 404);
      expectProblem(await sys.http.post(`/v1/reports/${NO_SUCH_REPORT}/review`, comment, admin), 404);
      expectProblem(await sys.http.post('/v1/reports/not-a-report/review', comment, admin), 404);
      expectFieldProblem(await sys.http.post(`/v1/reports/${id.rejected}/review`, comment, boardDpm), 409, 'id', 'NOT_REVIEWABLE');
      expectProblem(await sys.http.post(`/v1/reports/${id.lowWage}/review`, comment, filer), 403);
      expectFieldProblem(await sys.http.post(`/v1/reports/${id.outlier}/review`, {}, boardDpm), 400, 'comment', 'REQUIRED');
      const [row] = await sys.query('SELECT reviewed_at FROM report_submissions WHERE id = ANY($1::uuid[]) AND reviewed_at IS NOT NULL', [
        [id.otherZoneLate, id.rejected, id.outlier],
      ]);
      expect(row).toBeUndefined();
    });
  });

  describe('audit log', () => {
    type Event = {
      at: string;
      actor: { id: string | null; name: string | null };
      action: string;
      entity: string;
      entityId: string;
      details: Record<string, unknown>;
    };
    const events = async (query: string): Promise<Event[]> => {
      const r = await sys.http.get(`/v1/audit?${query}`, admin);
      expect(r.status).toBe(200);
      return r.body.items;
    };

    it('shows the life of one report, newest first: received, accepted, reviewed, with their actors', async () => {
      await sys.http.post(`/v1/reports/${id.outlier}/review`, { comment: 'Sản lượng tăng do dây chuyền mới.' }, boardDpm);
      const life = await events(`entity=report&id=${id.outlier}`);
      expect(life.map((e) => e.action)).toEqual(['report.review', 'report.accepted', 'report.received']);
      const [review, accepted, received] = life;
      expect(received).toEqual({
        at: expect.stringMatching(LOCAL_INSTANT),
        actor: { id: await tokenId('BQL Đông Phố Mới'), name: 'board:BQL Đông Phố Mới' },
        action: 'report.received',
        entity: 'report',
        entityId: id.outlier,
        details: { taxCode: LATE, period: '2025-Q3', source: 'api', receivedAt: '2025-10-05T09:00:00.000+07:00' },
      });
      expect(accepted).toMatchObject({
        actor: { id: null, name: 'worker' },
        details: { revision: 1, late: false, issues: ['OUTLIER_CHANGE'] },
      });
      expect(review).toMatchObject({
        actor: { name: 'board:BQL Đông Phố Mới' },
        details: { comment: 'Sản lượng tăng do dây chuyền mới.' },
      });
      const instants = life.map((e) => Date.parse(e.at));
      expect([...instants].sort((a, b) => b - a)).toEqual(instants);

      const paged = await sys.http.get(`/v1/audit?entity=report&id=${id.outlier}&limit=2`, admin);
      expect(paged.body.items.map((e: Event) => e.action)).toEqual(['report.review', 'report.accepted']);
      const rest = await sys.http.get(`/v1/audit?entity=report&id=${id.outlier}&limit=2&cursor=${paged.body.nextCursor}`, admin);
      expect(rest.body).toEqual({ items: [expect.objectContaining({ action: 'report.received' })], nextCursor: null });
    });

    it('reads supersessions and rejections off what each report records', async () => {
      const amended = await sys.http.get(`/v1/reports/${id.onTimeAmended}`, admin);
      const first = await events(`entity=report&id=${id.onTimeFirst}`);
      expect(first.map((e) => e.action)).toEqual(['report.superseded', 'report.accepted', 'report.received']);
      expect(first[0]).toMatchObject({
        at: amended.body.processedAt,
        actor: { name: 'worker' },
        details: { supersededBy: id.onTimeAmended },
      });
      // A fact the verdict recorded on the row, in its transaction: which revision took its place, and when.
      const [recorded] = await sys.query('SELECT superseded_by, superseded_at FROM report_submissions WHERE id = $1', [id.onTimeFirst]);
      expect(recorded).toEqual({ superseded_by: id.onTimeAmended, superseded_at: new Date(amended.body.processedAt) });
      const rejected = await events(`entity=report&id=${id.rejected}`);
      expect(rejected.map((e) => e.action)).toEqual(['report.rejected', 'report.received']);
      expect(rejected[0].details.issues).toEqual(expect.arrayContaining(['PART_EXCEEDS_TOTAL']));
    });

    it('keeps token changes and period locks with who made them', async () => {
      const created = await sys.http.post('/v1/tokens', { role: 'board', name: 'BQL mới', zoneCodes: [BDH] }, admin);
      expect(await events(`entity=token&id=${created.body.id}`)).toEqual([
        {
          at: expect.stringMatching(LOCAL_INSTANT),
          actor: { id: await tokenId('Quản trị'), name: 'admin:Quản trị' },
          action: 'token.create',
          entity: 'token',
          entityId: created.body.id,
          details: { role: 'board', name: 'BQL mới', zoneCodes: [BDH], taxCode: null },
        },
      ]);
      expect((await sys.http.post('/v1/periods/2024-Q4/lock', {}, boardDpm)).status).toBe(200);
      expect(await events('entity=period&id=2024-Q4')).toEqual([
        expect.objectContaining({
          action: 'period.lock',
          entityId: '2024-Q4',
          actor: { id: await tokenId('BQL Đông Phố Mới'), name: 'board:BQL Đông Phố Mới' },
        }),
      ]);
      const newest = await events('limit=1');
      expect(newest).toEqual([expect.objectContaining({ action: 'period.lock' })]);
    });

    it('is for admins only', async () => {
      expectProblem(await sys.http.get('/v1/audit', boardDpm), 403);
      expectProblem(await sys.http.get('/v1/audit', filer), 403);
    });
  });
});
