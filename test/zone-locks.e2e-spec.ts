import { createEnterprise, createZone, reportBody, submit, submitAndDecide, verdict } from './support/fixtures';
import { expectFieldProblem, expectProblem } from './support/problem-assertions';
import { startTestSystem, TestSystem } from './support/test-system';

/**
 * Locks scoped to zones: a board locks and unlocks the quarter for its zones, an admin (or a board of
 * every zone) for the whole province. The worker judges each enterprise filing by the lock in force
 * at its receipt for its enterprise's zone.
 */
const A = 'ZLA';
const B = 'ZLB';
const C = 'ZLC';
const EA = '5300100001';
const EB = '5300100002';
const EC = '5300100003';

const codes = (report: { issues: Array<{ code: string }> }) => report.issues.map((i) => i.code);

describe('period locks scoped to zones', () => {
  let sys: TestSystem;
  let admin: string;
  let boardA: string;
  let boardB: string;
  let boardAll: string;
  const filer: Record<string, string> = {};

  beforeAll(async () => {
    sys = await startTestSystem('zone-locks');
    admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    boardA = await sys.token({ role: 'board', name: 'BQL ZLA', zoneCodes: [A] });
    boardB = await sys.token({ role: 'board', name: 'BQL ZLB', zoneCodes: [B] });
    boardAll = await sys.token({ role: 'board', name: 'BQL tỉnh', zoneCodes: null });
    for (const [zone, taxCode] of [
      [A, EA],
      [B, EB],
      [C, EC],
    ]) {
      await createZone(sys.http, admin, zone, { name: `Khu công nghiệp ${zone}` });
      await createEnterprise(sys.http, admin, taxCode, zone);
      filer[taxCode] = await sys.token({ role: 'enterprise', name: `DN ${taxCode}`, taxCode });
    }
  }, 30_000);
  afterAll(() => sys?.close(), 30_000);

  const file = (taxCode: string, period: string, grossOutput = 1_000_000_000) =>
    submitAndDecide(sys.http, filer[taxCode], reportBody(taxCode, period, { grossOutput }));

  it('lets a zone board lock its own zones only: an enterprise of the locked zone is rejected, one of another zone accepted', async () => {
    const locked = await sys.http.post('/v1/periods/2025-Q1/lock', {}, boardA);
    expect(locked.status).toBe(200);
    expect(locked.body).toEqual({
      period: '2025-Q1',
      locked: true,
      lockedAt: expect.stringMatching(/\+07:00$/),
      provinceWide: { locked: false, lockedAt: null },
      zones: [{ zoneCode: A, locked: true, lockedAt: locked.body.lockedAt, scope: 'zone' }],
    });
    const inLockedZone = await file(EA, '2025-Q1');
    expect(inLockedZone.status).toBe('rejected');
    expect(codes(inLockedZone)).toContain('PERIOD_LOCKED');
    const elsewhere = await file(EB, '2025-Q1');
    expect(elsewhere.status).toBe('accepted');
    expect(codes(elsewhere)).not.toContain('PERIOD_LOCKED');
    // Locking again changes nothing and says since when.
    const again = await sys.http.post('/v1/periods/2025-Q1/lock', {}, boardA);
    expect(again.body.zones).toEqual(locked.body.zones);
  });

  it('refuses a zone board another zone alike whether it exists or not, and its unlock leaves other zones locked', async () => {
    const foreign = await sys.http.post(`/v1/periods/2025-Q2/lock?zone=${B}`, {}, boardA);
    const unknown = await sys.http.post('/v1/periods/2025-Q2/lock?zone=NOPE', {}, boardA);
    expectFieldProblem(foreign, 403, 'zone', 'OUT_OF_SCOPE');
    expectFieldProblem(unknown, 403, 'zone', 'OUT_OF_SCOPE');
    expect(foreign.body.detail.replace(B, 'X')).toBe(unknown.body.detail.replace('NOPE', 'X'));
    expect(await sys.query(`SELECT 1 FROM period_locks WHERE period = '2025-Q2'`)).toEqual([]);
    expectFieldProblem(await sys.http.post(`/v1/periods/2025-Q2/unlock?zone=${B}`, {}, boardA), 403, 'zone', 'OUT_OF_SCOPE');
    expectFieldProblem(await sys.http.post('/v1/periods/2025-Q2/lock?zone=zla', {}, admin), 422, 'zone');
    expectFieldProblem(await sys.http.post('/v1/periods/2025-Q2/lock?zone=NOPE', {}, admin), 422, 'zone', 'UNKNOWN_ZONE');

    expect((await sys.http.post('/v1/periods/2025-Q2/lock', {}, boardB)).body).toMatchObject({
      locked: true,
      zones: [{ zoneCode: B, locked: true }],
    });
    const unlocked = await sys.http.post('/v1/periods/2025-Q2/unlock', {}, boardA);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toEqual({
      period: '2025-Q2',
      locked: false,
      lockedAt: null,
      provinceWide: { locked: false, lockedAt: null },
      zones: [{ zoneCode: A, locked: false, lockedAt: null, scope: null }],
    });
    const stillLocked = await file(EB, '2025-Q2');
    expect(stillLocked.status).toBe('rejected');
    expect(codes(stillLocked)).toContain('PERIOD_LOCKED');
    expect((await file(EA, '2025-Q2')).status).toBe('accepted');
  });

  it('locks the whole province for an admin; a zone board cannot lift it (409), a board of every zone can', async () => {
    const locked = await sys.http.post('/v1/periods/2025-Q3/lock', {}, admin);
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({ period: '2025-Q3', locked: true, provinceWide: { locked: true } });
    expect(locked.body.zones).toEqual(
      [A, B, C].map((zoneCode) => ({ zoneCode, locked: true, lockedAt: locked.body.provinceWide.lockedAt, scope: 'province' })),
    );
    expect(codes(await file(EC, '2025-Q3'))).toContain('PERIOD_LOCKED');

    const refused = await sys.http.post('/v1/periods/2025-Q3/unlock', {}, boardA);
    expectFieldProblem(refused, 409, 'zone', 'PROVINCE_WIDE_LOCK');
    expect(codes(await file(EA, '2025-Q3'))).toContain('PERIOD_LOCKED');
    // Its own view of the quarter says why.
    const seen = await sys.http.get('/v1/periods/2025-Q3/locks', boardA);
    expect(seen.body).toMatchObject({
      locked: true,
      provinceWide: { locked: true },
      zones: [{ zoneCode: A, locked: true, scope: 'province' }],
    });

    const lifted = await sys.http.post('/v1/periods/2025-Q3/unlock', {}, boardAll);
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({
      locked: false,
      provinceWide: { locked: false },
      zones: [A, B, C].map((zoneCode) => ({ zoneCode, locked: false })),
    });
    expect((await file(EA, '2025-Q3')).status).toBe('accepted');

    // An admin may also lock chosen zones.
    const one = await sys.http.post(`/v1/periods/2025-Q3/lock?zone=${C}`, {}, admin);
    expect(one.body).toMatchObject({
      locked: true,
      provinceWide: { locked: false },
      zones: [{ zoneCode: C, locked: true, scope: 'zone' }],
    });
    expect(codes(await file(EC, '2025-Q3', 2_000_000_000))).toContain('PERIOD_LOCKED');
    expect((await file(EB, '2025-Q3')).status).toBe('accepted');
  });

  it('judges each filing by the lock in force for its zone when it was received, not when it is decided', async () => {
    await sys.stopWorker();
    await sys.http.post('/v1/periods/2025-Q4/lock', {}, boardA);
    const whileLocked = await submit(sys.http, filer[EA], reportBody(EA, '2025-Q4'));
    const otherZone = await submit(sys.http, filer[EB], reportBody(EB, '2025-Q4'));
    await sys.http.post('/v1/periods/2025-Q4/unlock', {}, boardA);
    const afterUnlock = await submit(sys.http, filer[EA], reportBody(EA, '2025-Q4', { grossOutput: 1_500_000_000 }));
    await sys.http.post('/v1/periods/2025-Q4/lock', {}, boardA);
    const lockedAgain = await submit(sys.http, filer[EA], reportBody(EA, '2025-Q4', { grossOutput: 1_700_000_000 }));
    await sys.startWorker();

    const decided = await Promise.all(
      [whileLocked, otherZone, afterUnlock, lockedAgain].map((r, i) => verdict(sys.http, i === 1 ? filer[EB] : filer[EA], r.id)),
    );
    expect(decided.map((r) => r.status)).toEqual(['rejected', 'accepted', 'accepted', 'rejected']);
    expect(codes(decided[0])).toContain('PERIOD_LOCKED');
    expect(codes(decided[3])).toContain('PERIOD_LOCKED');

    const history = await sys.http.get('/v1/periods/2025-Q4/locks', boardA);
    expect(history.status).toBe(200);
    expect(history.body.intervals).toEqual([
      { zoneCode: A, lockedAt: expect.any(String), unlockedAt: expect.any(String) },
      { zoneCode: A, lockedAt: expect.any(String), unlockedAt: null },
    ]);
    expect(Date.parse(decided[0].receivedAt)).toBeGreaterThanOrEqual(Date.parse(history.body.intervals[0].lockedAt));
    expect(Date.parse(decided[2].receivedAt)).toBeGreaterThanOrEqual(Date.parse(history.body.intervals[0].unlockedAt));
  });

  it('shows locks within the caller’s scope and keeps one audit entry per zone', async () => {
    const own = await sys.http.get('/v1/periods/2025-Q2/locks', boardA);
    expect(own.status).toBe(200);
    expect(own.body.zones.map((z: { zoneCode: string }) => z.zoneCode)).toEqual([A]);
    expect(JSON.stringify(own.body)).not.toContain(B);
    expect((await sys.http.get(`/v1/periods/2025-Q2/locks?zone=${B}`, boardA)).body).toMatchObject({ zones: [], intervals: [] });
    const all = await sys.http.get('/v1/periods/2025-Q2/locks', admin);
    expect(all.body.zones).toEqual([
      { zoneCode: A, locked: false, lockedAt: null, scope: null },
      { zoneCode: B, locked: true, lockedAt: expect.any(String), scope: 'zone' },
      { zoneCode: C, locked: false, lockedAt: null, scope: null },
    ]);
    expect(all.body.locked).toBe(false);
    expectProblem(await sys.http.get('/v1/periods/2025-Q2/locks', filer[EA]), 403);
    expectProblem(await sys.http.post('/v1/periods/2025-Q2/lock', {}, filer[EA]), 403);
    expectFieldProblem(await sys.http.get('/v1/periods/2025-Q9/locks', admin), 422, 'period', 'INVALID_PERIOD');

    // A board of two zones acts on both: one lock, and one audit entry, per zone.
    const boardAB = await sys.token({ role: 'board', name: 'BQL ZLA ZLB', zoneCodes: [A, B] });
    expect(
      (await sys.http.post('/v1/periods/2026-Q1/lock', {}, boardAB)).body.zones.map((z: { zoneCode: string; locked: boolean }) => [
        z.zoneCode,
        z.locked,
      ]),
    ).toEqual([
      [A, true],
      [B, true],
    ]);
    const both = await sys.http.get('/v1/audit?entity=period&id=2026-Q1', admin);
    expect(both.body.items.map((e: { action: string; details: { zoneCode: string } }) => [e.action, e.details.zoneCode]).sort()).toEqual([
      ['period.lock', A],
      ['period.lock', B],
    ]);

    const audit = await sys.http.get('/v1/audit?entity=period&id=2025-Q3', admin);
    const entries = audit.body.items.map((e: { action: string; details: Record<string, unknown> }) => [e.action, e.details]).reverse();
    expect(entries).toEqual([
      ['period.lock', { zoneCode: null }],
      ['period.unlock', { zoneCode: null }],
      ['period.lock', { zoneCode: C }],
    ]);
  });
});
