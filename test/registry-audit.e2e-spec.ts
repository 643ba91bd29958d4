import { Client } from 'pg';
import { createEnterprise, createZone } from './support/fixtures';
import { expectProblem } from './support/problem-assertions';
import { startTestSystem, TestSystem } from './support/test-system';
import { Reply } from './support/http-client';

/**
 * A change to the registry, tokens, subscriptions or locks and its audit entry are one: when the audit
 * entry cannot be written (here: the audit log held locked past the lock timeout), the change is not
 * made either, and once it can, the change is made and audited exactly once.
 */
const ZONE = 'AUZ';
const TAX = '5300200001';
const PROJECT = 'DA-AUZ-1';
const LOCAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/;

interface Case {
  readonly name: string;
  /** The change, tried once while the audit log is locked and once after. */
  readonly call: () => Promise<Reply>;
  /** What the change looks like in the API and the database: must read `before` after the refused try. */
  readonly state: () => Promise<unknown>;
  /** The audit entries the change writes: (action, entity id). */
  readonly audit: () => { action: string; entityId: string };
}

describe('audit entries written with the change they record', () => {
  let sys: TestSystem;
  let admin: string;
  let victimTokenId: string;
  let victimToken: string;
  let subscriptionId: string;

  beforeAll(async () => {
    sys = await startTestSystem('registry-audit', { DB_LOCK_TIMEOUT_MS: '800' });
    admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    await createZone(sys.http, admin, ZONE);
    await createEnterprise(sys.http, admin, TAX, ZONE);
    expect(
      (await sys.http.post('/v1/projects', { code: PROJECT, name: 'Nhà máy', taxCode: TAX, zoneCode: ZONE, status: 'operating' }, admin))
        .status,
    ).toBe(201);
    const victim = await sys.http.post('/v1/tokens', { role: 'board', name: 'BQL sắp thu hồi', zoneCodes: [ZONE] }, admin);
    [victimTokenId, victimToken] = [victim.body.id, victim.body.token];
    const subscription = await sys.http.post('/v1/subscriptions', { email: 'huy@laocai.gov.vn', zoneCodes: [ZONE] }, admin);
    subscriptionId = subscription.body.id;
  }, 60_000);
  afterAll(() => sys?.close(), 30_000);

  const body = async (path: string) => {
    const r = await sys.http.get(path, admin);
    return r.status === 200 ? r.body : r.status;
  };
  const row = async (sql: string, params: unknown[]) => (await sys.query(sql, params))[0] ?? null;

  const cases: Case[] = [
    {
      name: 'POST /v1/zones',
      call: () =>
        sys.http.post(
          '/v1/zones',
          { code: 'AUZ2', name: 'Khu mới', kind: 'industrial_park', locality: 'Lào Cai', wageRegion: 2, status: 'planned' },
          admin,
        ),
      state: () => body('/v1/zones/AUZ2'),
      audit: () => ({ action: 'zone.create', entityId: 'AUZ2' }),
    },
    {
      name: 'PATCH /v1/zones/{code}',
      call: () => sys.http.patch(`/v1/zones/${ZONE}`, { name: 'Tên mới của khu' }, admin),
      state: () => body(`/v1/zones/${ZONE}`),
      audit: () => ({ action: 'zone.update', entityId: ZONE }),
    },
    {
      name: 'POST /v1/enterprises',
      call: () =>
        sys.http.post(
          '/v1/enterprises',
          { taxCode: '5300200002', name: 'Công ty mới', zoneCode: ZONE, ownership: 'domestic', operatingFrom: '2021-01-01' },
          admin,
        ),
      state: () => body('/v1/enterprises/5300200002'),
      audit: () => ({ action: 'enterprise.create', entityId: '5300200002' }),
    },
    {
      name: 'PATCH /v1/enterprises/{taxCode}',
      call: () => sys.http.patch(`/v1/enterprises/${TAX}`, { name: 'Tên mới', operatingUntil: '2030-12-31' }, admin),
      state: () => body(`/v1/enterprises/${TAX}`),
      audit: () => ({ action: 'enterprise.update', entityId: TAX }),
    },
    {
      name: 'POST /v1/projects',
      call: () =>
        sys.http.post(
          '/v1/projects',
          { code: 'DA-AUZ-2', name: 'Dự án mới', taxCode: TAX, zoneCode: ZONE, status: 'under_construction' },
          admin,
        ),
      state: () => body('/v1/projects/DA-AUZ-2'),
      audit: () => ({ action: 'project.create', entityId: 'DA-AUZ-2' }),
    },
    {
      name: 'PATCH /v1/projects/{code}',
      call: () => sys.http.patch(`/v1/projects/${PROJECT}`, { status: 'suspended', registeredCapital: '7000000000' }, admin),
      state: () => body(`/v1/projects/${PROJECT}`),
      audit: () => ({ action: 'project.update', entityId: PROJECT }),
    },
    {
      name: 'PUT /v1/targets/{zone}/{year}',
      call: () => sys.http.put(`/v1/targets/${ZONE}/2025`, { grossOutputConstant2010: '24000000000000' }, admin),
      state: () => body(`/v1/targets?zone=${ZONE}`),
      audit: () => ({ action: 'target.set', entityId: `${ZONE}/2025` }),
    },
    {
      name: 'PUT /v1/zones/{code}/land/{effectiveFrom}',
      call: () => sys.http.put(`/v1/zones/${ZONE}/land/2025-07-01`, { leasableHa: 120.5 }, admin),
      state: () => body(`/v1/zones/${ZONE}/land`),
      audit: () => ({ action: 'zone.land_set', entityId: ZONE }),
    },
    {
      name: 'PUT /v1/plan/targets/{key}',
      call: () =>
        sys.http.put(
          '/v1/plan/targets/industrial_parks',
          { value: 10, unit: 'parks', deadline: '2030-12-31', source: 'Quy hoạch tỉnh' },
          admin,
        ),
      state: () => body('/v1/plan?asOf=2025-12-31'),
      audit: () => ({ action: 'plan_target.set', entityId: 'industrial_parks' }),
    },
    {
      name: 'POST /v1/tokens',
      call: () => sys.http.post('/v1/tokens', { role: 'enterprise', name: 'DN kiểm toán', taxCode: TAX }, admin),
      state: () => sys.query(`SELECT role, tax_code FROM api_tokens WHERE name = 'DN kiểm toán'`),
      audit: () => ({ action: 'token.create', entityId: '' }),
    },
    {
      name: 'DELETE /v1/tokens/{id}',
      call: () => sys.http.delete(`/v1/tokens/${victimTokenId}`, admin),
      state: async () => ({
        zones: (await sys.http.get('/v1/zones', victimToken)).status,
        row: await row('SELECT revoked_at IS NOT NULL AS revoked FROM api_tokens WHERE id = $1', [victimTokenId]),
      }),
      audit: () => ({ action: 'token.revoke', entityId: victimTokenId }),
    },
    {
      name: 'POST /v1/subscriptions',
      call: () => sys.http.post('/v1/subscriptions', { email: 'moi@laocai.gov.vn', zoneCodes: [ZONE], language: 'en' }, admin),
      state: () => body('/v1/subscriptions'),
      audit: () => ({ action: 'subscription.create', entityId: '' }),
    },
    {
      name: 'DELETE /v1/subscriptions/{id}',
      call: () => sys.http.delete(`/v1/subscriptions/${subscriptionId}`, admin),
      state: () => body('/v1/subscriptions'),
      audit: () => ({ action: 'subscription.cancel', entityId: subscriptionId }),
    },
    {
      name: 'POST /v1/periods/{period}/lock',
      call: () => sys.http.post(`/v1/periods/2025-Q2/lock?zone=${ZONE}`, {}, admin),
      state: () => body(`/v1/periods/2025-Q2/locks?zone=${ZONE}`),
      audit: () => ({ action: 'period.lock', entityId: '2025-Q2' }),
    },
    {
      name: 'POST /v1/periods/{period}/unlock',
      call: () => sys.http.post(`/v1/periods/2025-Q2/unlock?zone=${ZONE}`, {}, admin),
      state: () => body(`/v1/periods/2025-Q2/locks?zone=${ZONE}`),
      audit: () => ({ action: 'period.unlock', entityId: '2025-Q2' }),
    },
  ];

  /** `call` made while another session holds the audit log locked, longer than the api's lock timeout. */
  const whileAuditLocked = async (call: () => Promise<Reply>): Promise<Reply> => {
    const locker = new Client({ connectionString: sys.env.DATABASE_URL });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE audit_events IN ACCESS EXCLUSIVE MODE');
      return await call();
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
  };

  /** Entries of an action, for one entity or (entityId '') any. */
  const entries = async (a: { action: string; entityId: string }) =>
    (
      await sys.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND ($2 = '' OR entity_id = $2)`, [
        a.action,
        a.entityId,
      ])
    )[0].n;

  it.each(cases.map((c) => [c.name, c]))(
    '%s: refused with the audit log locked leaves nothing behind; then made and audited once',
    async (_, c) => {
      const before = await c.state();
      const entriesBefore = await entries(c.audit());
      expectProblem(await whileAuditLocked(c.call), 503);
      expect(await c.state()).toEqual(before);
      expect(await entries(c.audit())).toBe(entriesBefore);

      const made = await c.call();
      expect(made.status).toBeLessThan(300);
      expect(await c.state()).not.toEqual(before);
      expect(await entries(c.audit())).toBe(entriesBefore + 1);
    },
  );

  it('gives every registry and subscription instant in Vietnam time', async () => {
    const zone = (await sys.http.get(`/v1/zones/${ZONE}`, admin)).body;
    const enterprise = (await sys.http.get(`/v1/enterprises/${TAX}`, admin)).body;
    const project = (await sys.http.get(`/v1/projects/${PROJECT}`, admin)).body;
    const subscription = (await sys.http.post('/v1/subscriptions', { email: 'thu@laocai.gov.vn', zoneCodes: [ZONE] }, admin)).body;
    const seen = [
      zone.createdAt,
      zone.updatedAt,
      enterprise.createdAt,
      enterprise.updatedAt,
      project.createdAt,
      project.updatedAt,
      subscription.createdAt,
    ];
    expect(seen.filter((t) => !LOCAL_INSTANT.test(t))).toEqual([]);
  });
});
