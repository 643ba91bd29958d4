import { createEnterprise, createZone, reportBody, submit, submitAndDecide, verdict } from './support/fixtures';
import { startTestSystem, TestSystem } from './support/test-system';

describe('report pipeline: intake → outbox → queue → verdict → zone figures', () => {
  let sys: TestSystem;
  let admin: string;
  let board: string;
  let filer: string;

  beforeAll(async () => {
    sys = await startTestSystem('pipeline');
    admin = await sys.token({ role: 'admin', name: 'admin' });
    board = await sys.token({ role: 'board', name: 'BQL', zoneCodes: ['DPM'] });
    await createZone(sys.http, admin, 'DPM', { name: 'KCN Đông Phố Mới', wageRegion: 2 });
    await createEnterprise(sys.http, admin, '5300000001', 'DPM');
    await createEnterprise(sys.http, admin, '5300000002', 'DPM');
    await createEnterprise(sys.http, admin, '5300000003', 'DPM', { operatingFrom: '2025-08-15' });
    filer = await sys.token({ role: 'enterprise', name: 'DN 1', taxCode: '5300000001' });
  });
  afterAll(() => sys.close());

  const summary = async (period: string) => {
    const r = await sys.http.get(`/v1/zones/DPM/summary?period=${period}`, board);
    expect(r.status).toBe(200);
    return r.body;
  };

  it('stores a report, answers 202 at once and the worker accepts it into the zone figures', async () => {
    const body = reportBody('5300000001', '2025-Q3', {
      grossOutput: '41500000000',
      grossOutputConstant2010: 30_100_000_000,
      revenue: 45_000_000_000,
      exportValueUsd: 120000,
      importValueUsd: 50000,
      stateBudgetPaid: 1_200_000_000,
      realizedCapital: 0,
      workers: 175,
      femaleWorkers: 60,
      foreignWorkers: 2,
      localWorkers: 150,
      averageWorkers: 172,
      wageFund: 3_255_000_000,
    });
    const receipt = await submit(sys.http, filer, body);
    expect(receipt).toMatchObject({ status: 'received', links: { self: `/v1/reports/${receipt.id}` } });
    expect(receipt.receivedAt).toMatch(/\+07:00$/);

    const report = await verdict(sys.http, filer, receipt.id);
    expect(report).toMatchObject({
      status: 'accepted',
      revision: 1,
      taxCode: '5300000001',
      zoneCode: 'DPM',
      period: '2025-Q3',
      source: 'api',
      late: true,
      production: { grossOutput: '41500000000', grossOutputConstant2010: '30100000000', exportValueUsd: '120000' },
      investment: { realizedCapital: '0' },
      employment: { workers: 175, femaleWorkers: 60, averageWorkers: 172 },
      wages: { wageFund: '3255000000' },
    });
    expect(report.issues.map((i: { code: string }) => i.code)).toEqual(['LATE']);

    const s = await summary('2025-Q3');
    expect(s).toMatchObject({
      zoneCode: 'DPM',
      grossOutput: '41500000000',
      grossOutputConstant2010: '30100000000',
      revenue: '45000000000',
      exportValueUsd: '120000',
      importValueUsd: '50000',
      stateBudgetPaid: '1200000000',
      realizedCapital: '0',
      wageFund: '3255000000',
      workers: 175,
      femaleWorkers: 60,
      foreignWorkers: 2,
      localWorkers: 150,
      reportsReceived: 1,
      reportsOnTime: 0,
    });
    // 3,255,000,000 / (172 × 3) worker-months = 6,308,139.53… → 6,308,140 đồng
    expect(s.averageMonthlyWage).toBe('6308140');
  });

  it('replaces figures exactly on amendment and keeps both revisions readable', async () => {
    const first = await submitAndDecide(
      sys.http,
      board,
      reportBody('5300000002', '2025-Q3', { grossOutput: 5_000_000_000, workers: 40, wageFund: 600_000_000 }),
    );
    const before = await summary('2025-Q3');
    const second = await submitAndDecide(
      sys.http,
      board,
      reportBody('5300000002', '2025-Q3', { grossOutput: 7_000_000_000, workers: 44, wageFund: 660_000_000 }),
    );
    expect(second).toMatchObject({ status: 'accepted', revision: 2 });
    const old = await sys.http.get(`/v1/reports/${first.id}`, board);
    expect(old.body).toMatchObject({ status: 'superseded', revision: 1, production: { grossOutput: '5000000000' } });

    const after = await summary('2025-Q3');
    expect(BigInt(after.grossOutput) - BigInt(before.grossOutput)).toBe(2_000_000_000n);
    expect(after.workers - before.workers).toBe(4);
    expect(after.reportsReceived).toBe(before.reportsReceived);
    const listed = await sys.http.get('/v1/reports?taxCode=5300000002&period=2025-Q3', board);
    expect(listed.body.items.map((r: { revision: number }) => r.revision).sort()).toEqual([1, 2]);
  });

  it('rejects a report that breaks a rule, with the rule code, and counts nothing', async () => {
    const before = await summary('2025-Q3');
    const rejected = await submitAndDecide(sys.http, admin, reportBody('5300000002', '2025-Q3', { workers: 10, femaleWorkers: 12 }));
    expect(rejected.status).toBe('rejected');
    expect(rejected.revision).toBeNull();
    expect(rejected.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'PART_EXCEEDS_TOTAL', severity: 'error', field: 'employment.femaleWorkers' }),
      ]),
    );
    const unknown = await submitAndDecide(sys.http, admin, reportBody('5399999999', '2025-Q3'));
    expect(unknown.issues.map((i: { code: string }) => i.code)).toContain('UNKNOWN_ENTERPRISE');
    const notOperating = await submitAndDecide(sys.http, admin, reportBody('5300000003', '2025-Q2'));
    expect(notOperating.issues.map((i: { code: string }) => i.code)).toContain('ENTERPRISE_NOT_OPERATING');
    const notEnded = await submitAndDecide(sys.http, admin, reportBody('5300000003', '2026-Q4'));
    expect(notEnded.issues.map((i: { code: string }) => i.code)).toContain('PERIOD_NOT_ENDED');
    expect(await summary('2025-Q3')).toEqual({ ...before, asOf: expect.any(String) });
  });

  it('creates nothing for a repeated Idempotency-Key and answers 409 when the body differs', async () => {
    const body = reportBody('5300000001', '2025-Q2', { grossOutput: 9_000_000_000 });
    const key = { 'idempotency-key': 'dn1-2025-Q2-a' };
    const first = await submit(sys.http, filer, body, key);
    const again = await sys.http.post('/v1/reports', body, filer, key);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first);
    const conflict = await sys.http.post('/v1/reports', { ...body, wages: { wageFund: 1 } }, filer, key);
    expect(conflict.status).toBe(409);
    expect(conflict.body.errors[0]).toMatchObject({ field: 'Idempotency-Key', code: 'IDEMPOTENCY_KEY_REUSED' });
    const [{ n }] = await sys.query(
      `SELECT count(*)::int AS n FROM report_submissions WHERE tax_code = '5300000001' AND period = '2025-Q2'`,
    );
    expect(n).toBe(1);
    await verdict(sys.http, filer, first.id);
  });

  it('judges timeliness on the first accepted revision, using a paper form stamp for board filings', async () => {
    const onTime = await submitAndDecide(sys.http, board, {
      ...reportBody('5300000002', '2025-Q1'),
      receivedAt: '2025-04-09T23:59:59+07:00',
    });
    expect(onTime).toMatchObject({ status: 'accepted', late: false, receivedAt: '2025-04-09T23:59:59.000+07:00' });
    const amended = await submitAndDecide(sys.http, board, reportBody('5300000002', '2025-Q1', { grossOutput: 1_500_000_000 }));
    expect(amended).toMatchObject({ status: 'accepted', revision: 2, late: false });
    const atDue = await submitAndDecide(sys.http, board, {
      ...reportBody('5300000001', '2025-Q1'),
      receivedAt: '2025-04-10T00:00:00+07:00',
    });
    expect(atDue.late).toBe(true);
    expect(atDue.issues.map((i: { code: string }) => i.code)).toContain('LATE');
    const q1 = await summary('2025-Q1');
    expect(q1).toMatchObject({ reportsReceived: 2, reportsOnTime: 1 });
  });

  it('keeps enterprises out of a locked quarter but lets the board file into it, marked late', async () => {
    const locked = await sys.http.post('/v1/periods/2024-Q4/lock', {}, board);
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({ period: '2024-Q4', locked: true });
    const byEnterprise = await submitAndDecide(sys.http, filer, reportBody('5300000001', '2024-Q4'));
    expect(byEnterprise.status).toBe('rejected');
    expect(byEnterprise.issues.map((i: { code: string }) => i.code)).toContain('PERIOD_LOCKED');
    const byBoard = await submitAndDecide(sys.http, board, reportBody('5300000001', '2024-Q4'));
    expect(byBoard).toMatchObject({ status: 'accepted', late: true });
    expect((await sys.http.post('/v1/periods/2024-Q4/unlock', {}, board)).body).toMatchObject({ locked: false });
    const afterUnlock = await submitAndDecide(sys.http, filer, reportBody('5300000001', '2024-Q4', { grossOutput: 2_000_000_000 }));
    expect(afterUnlock).toMatchObject({ status: 'accepted', revision: 2 });
  });

  it('flags warnings without rejecting: minimum wage, outliers, constant prices above current', async () => {
    // Region II minimum at 2025-12-31 is 4,410,000 đồng a month; 4,000,000 a worker is below it.
    const low = await submitAndDecide(
      sys.http,
      board,
      reportBody('5300000003', '2025-Q4', { grossOutput: 1_000_000_000, workers: 50, wageFund: 50 * 3 * 4_000_000 }),
    );
    expect(low.status).toBe('accepted');
    expect(low.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'BELOW_MINIMUM_WAGE',
          severity: 'warning',
          details: expect.objectContaining({ minimumWage: '4410000', wageRegion: 2 }),
        }),
      ]),
    );
    const jump = await submitAndDecide(
      sys.http,
      board,
      reportBody('5300000003', '2026-Q1', {
        grossOutput: 2_000_000_000,
        grossOutputConstant2010: 2_500_000_000,
        workers: 50,
        wageFund: 50 * 3 * 6_000_000,
      }),
    );
    expect(jump.status).toBe('accepted');
    const codes = jump.issues.map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['OUTLIER_CHANGE', 'CONSTANT_ABOVE_CURRENT']));
    expect(codes).not.toContain('BELOW_MINIMUM_WAGE');
    const outlier = jump.issues.find((i: { code: string }) => i.code === 'OUTLIER_CHANGE');
    expect(outlier).toMatchObject({
      field: 'production.grossOutput',
      details: expect.objectContaining({ previous: '1000000000', current: '2000000000', comparedPeriod: '2025-Q4' }),
    });
  });
});
