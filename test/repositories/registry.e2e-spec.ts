import { EnterprisesRepository } from '../../libs/database/src/repositories/enterprises.repository';
import { MinimumWagesRepository } from '../../libs/database/src/repositories/minimum-wages.repository';
import { ProjectFields, ProjectsRepository } from '../../libs/database/src/repositories/projects.repository';
import { ZoneLandRepository } from '../../libs/database/src/repositories/zone-land.repository';
import { ZoneTargetsRepository } from '../../libs/database/src/repositories/zone-targets.repository';
import { ZoneFields, ZonesRepository } from '../../libs/database/src/repositories/zones.repository';
import { enterpriseFields } from '../support/repository-fixtures';
import { openTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The registry's repositories against a real database, without HTTP: what they store and answer, the
 * duplicate a concurrent request makes, and the registry as it was in a period (enterprise-quarters
 * expected, projects operating on a day, targets of a year).
 */
const zone = (code: string, extra: Partial<ZoneFields> = {}): ZoneFields => ({
  code,
  name: `Khu công nghiệp ${code}`,
  kind: 'industrial_park',
  locality: 'Lào Cai',
  wageRegion: 2,
  status: 'operating',
  areaHa: null,
  ...extra,
});
const project = (code: string, taxCode: string, zoneCode: string, extra: Partial<ProjectFields> = {}): ProjectFields => ({
  code,
  name: `Dự án ${code}`,
  taxCode,
  zoneCode,
  status: 'operating',
  operatingFrom: '2020-01-01',
  endedAt: null,
  registeredCapital: null,
  ...extra,
});

describe('registry repositories', () => {
  let db: TestDatabase;
  let zones: ZonesRepository;
  let enterprises: EnterprisesRepository;
  let projects: ProjectsRepository;
  let targets: ZoneTargetsRepository;

  beforeAll(async () => {
    db = await openTestDatabase('repo-registry');
    zones = new ZonesRepository(db.transactions);
    enterprises = new EnterprisesRepository(db.transactions);
    projects = new ProjectsRepository(db.transactions);
    targets = new ZoneTargetsRepository(db.transactions);
    for (const code of ['RA', 'RB', 'RC']) await zones.insert(zone(code));
    await zones.insert(zone('RK', { kind: 'industrial_cluster', name: 'Cụm công nghiệp RK' }));
  });
  afterAll(() => db?.close());

  describe('zones', () => {
    it('stores a zone and answers it as stored: area in hectares to the hundredth, region a number, instants as dates', async () => {
      const created = await zones.insert(
        zone('RZ', {
          areaHa: '110.5',
          wageRegion: 3,
          name: 'Khu "Bắc" \'Duyên Hải\'\r\n',
          establishedOn: '2005-03-15',
          wastewaterCapacityM3Day: 2000,
          wastewaterOperatingFrom: '2020-06-01',
        }),
      );
      expect(created).toEqual({
        code: 'RZ',
        name: 'Khu "Bắc" \'Duyên Hải\'\r\n',
        kind: 'industrial_park',
        locality: 'Lào Cai',
        wageRegion: 3,
        status: 'operating',
        areaHa: '110.50',
        establishedOn: '2005-03-15',
        wastewaterCapacityM3Day: 2000,
        wastewaterOperatingFrom: '2020-06-01',
        createdAt: expect.any(Date),
        updatedAt: created!.createdAt,
      });
      expect(await zones.find('RZ')).toEqual(created);
      expect(await zones.find('NOPE')).toBeNull();
    });

    it('answers null for a taken code, also when two transactions insert it at once, and keeps the first', async () => {
      expect(await zones.insert(zone('RA', { name: 'Trùng' }))).toBeNull();
      const results = await Promise.all(
        ['Thứ nhất', 'Thứ hai'].map((name) =>
          db.transactions.run(async (tx) => {
            const inserted = await zones.insert(zone('RDUP', { name }), tx);
            // Each holds its transaction open a moment, so the second insert waits on the first's key.
            await tx.query('SELECT pg_sleep(0.2)');
            return inserted;
          }),
        ),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect((await zones.find('RDUP'))!.name).toBe(results.find((r) => r !== null)!.name);
    });

    it('moves updatedAt when a field changes, not when the same fields are written again', async () => {
      const before = (await zones.find('RC'))!;
      const same = await zones.update(before);
      expect(same).toEqual(before);
      const changed = await zones.update({ ...before, status: 'closing', areaHa: '12.25' });
      expect(changed).toMatchObject({ status: 'closing', areaHa: '12.25', createdAt: before.createdAt });
      expect(changed.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    });

    it('pages zones by code, cut to the caller zones, after a key', async () => {
      const codes = async (q: Parameters<ZonesRepository['page']>[0]) => (await zones.page(q)).map((z) => z.code);
      expect(await codes({ among: null, limit: 3 })).toEqual(['RA', 'RB', 'RC']);
      expect(await codes({ among: null, after: 'RC', limit: 10 })).toEqual(['RDUP', 'RK', 'RZ']);
      expect(await codes({ among: ['RK', 'RB', 'NOPE'], limit: 10 })).toEqual(['RB', 'RK']);
      expect(await codes({ among: [], limit: 10 })).toEqual([]);
    });

    it('tells which codes are registered, and lists zones by kind then code', async () => {
      expect(await zones.codes(['RK', 'NOPE', 'RA'])).toEqual(['RA', 'RK']);
      expect(await zones.codes(null)).toEqual(['RA', 'RB', 'RC', 'RDUP', 'RK', 'RZ']);
      expect((await zones.listByKind(['RZ', 'RK', 'RA'])).map((z) => [z.kind, z.code])).toEqual([
        ['industrial_cluster', 'RK'],
        ['industrial_park', 'RA'],
        ['industrial_park', 'RZ'],
      ]);
    });
  });

  describe('enterprises', () => {
    beforeAll(async () => {
      await enterprises.insert(enterpriseFields('5300300001', 'RA'));
      // Operated from mid-Q1 to mid-Q3 of 2025.
      await enterprises.insert(enterpriseFields('5300300002', 'RA', { operatingFrom: '2025-02-15', operatingUntil: '2025-08-31' }));
      await enterprises.insert(
        enterpriseFields('5300300003', 'RB', { operatingFrom: '2026-01-01', ownership: 'foreign', vsicSection: 'C' }),
      );
    });

    it('stores an enterprise with its calendar days as written, and refuses a taken tax code', async () => {
      const created = await enterprises.insert(
        enterpriseFields('5300300009-001', 'RC', { operatingUntil: '2099-12-31', contactEmail: 'ketoan@example.vn' }),
      );
      expect(created).toEqual({
        taxCode: '5300300009-001',
        name: 'Công ty 5300300009-001',
        zoneCode: 'RC',
        ownership: 'domestic',
        vsicSection: null,
        operatingFrom: '2020-01-01',
        operatingUntil: '2099-12-31',
        contactEmail: 'ketoan@example.vn',
        ownershipChanges: [],
        createdAt: expect.any(Date),
        updatedAt: expect.any(Date),
      });
      expect(await enterprises.insert(enterpriseFields('5300300009-001', 'RA'))).toBeNull();
      expect((await enterprises.find('5300300009-001'))!.zoneCode).toBe('RC');
    });

    it('finds the zones of many tax codes at once, leaving unknown ones out', async () => {
      expect(await enterprises.zonesOf(['5300300001', '5300300003', '5399999999'])).toEqual(
        new Map([
          ['5300300001', 'RA'],
          ['5300300003', 'RB'],
        ]),
      );
    });

    it('pages enterprises by tax code within a zone and the caller zones', async () => {
      const taxCodes = async (q: Parameters<EnterprisesRepository['page']>[0]) => (await enterprises.page(q)).map((e) => e.taxCode);
      expect(await taxCodes({ among: null, limit: 10 })).toEqual(['5300300001', '5300300002', '5300300003', '5300300009-001']);
      expect(await taxCodes({ zone: 'RA', among: null, limit: 10 })).toEqual(['5300300001', '5300300002']);
      expect(await taxCodes({ among: ['RB', 'RC'], after: '5300300003', limit: 10 })).toEqual(['5300300009-001']);
      expect(await taxCodes({ zone: 'RA', among: ['RB'], limit: 10 })).toEqual([]);
      expect(await taxCodes({ among: null, limit: 2 })).toEqual(['5300300001', '5300300002']);
    });

    it('counts the reports expected of each zone over quarters from the registry as it was in them, following later changes', async () => {
      const year2025 = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
      // RA: one enterprise all year (4) and one from Q1 to Q3 (3); RB's starts in 2026.
      expect(await enterprises.expectedReportsByZone(year2025, ['RA', 'RB'])).toEqual(new Map([['RA', 7]]));
      expect(await enterprises.expectedReportsByZone(['2026-Q1'], ['RA', 'RB'])).toEqual(
        new Map([
          ['RA', 1],
          ['RB', 1],
        ]),
      );

      // The second moves to RB and its end is pushed to the end of the year: the counts follow at once.
      const moved = (await enterprises.find('5300300002'))!;
      await enterprises.update({ ...moved, zoneCode: 'RB', operatingUntil: '2025-12-31' });
      expect(await enterprises.expectedReportsByZone(year2025, ['RA', 'RB'])).toEqual(
        new Map([
          ['RA', 4],
          ['RB', 4],
        ]),
      );
      expect(await enterprises.expectedReportsByZone(year2025, ['RA'])).toEqual(new Map([['RA', 4]]));
    });

    it('keeps dated changes of block and counts reports expected per block at each quarter end', async () => {
      await db.transactions.run(async (tx) => {
        await enterprises.recordOwnershipChange('5300300001', { from: '2025-05-15', ownership: 'foreign' }, tx);
        await enterprises.recordOwnershipChange('5300300001', { from: '2025-11-01', ownership: 'domestic' }, tx);
      });
      expect((await enterprises.find('5300300001'))!.ownershipChanges).toEqual([
        { from: '2025-05-15', ownership: 'foreign' },
        { from: '2025-11-01', ownership: 'domestic' },
      ]);
      // 5300300001 (RA): domestic in Q1, foreign at the ends of Q2 and Q3, domestic again at the end of Q4.
      const counts = await enterprises.expectedReportsByZoneAndBlock(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'], ['RA']);
      expect(counts.get('foreign')).toEqual(new Map([['RA', 2]]));
      expect(counts.get('domestic')!.get('RA')).toBe(
        (await enterprises.expectedReportsByZone(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'], ['RA'])).get('RA')! - 2,
      );
      await db.transactions.run((tx) => enterprises.clearOwnershipChanges('5300300001', tx));
      expect((await enterprises.find('5300300001'))!.ownershipChanges).toEqual([]);
    });

    it('gives a verdict that waited for a change of block the history with that change', async () => {
      let locked: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (locked = resolve));
      const change = db.transactions.run(async (tx) => {
        await enterprises.findForUpdate('5300300003', tx);
        await enterprises.recordOwnershipChange('5300300003', { from: '2026-04-01', ownership: 'domestic' }, tx);
        locked();
        await tx.query('SELECT pg_sleep(0.3)');
      });
      await held;
      // Begins while the change is uncommitted, waits for the row, and must then see the change.
      const registry = await db.transactions.run((tx) => enterprises.lockForVerdicts(['5300300003'], tx));
      await change;
      expect(registry.get('5300300003')!.ownership).toEqual({
        initial: 'foreign',
        changes: [{ from: '2026-04-01', ownership: 'domestic' }],
      });
      await db.transactions.run((tx) => enterprises.clearOwnershipChanges('5300300003', tx));
    });

    it('keeps a row locked for an update until the transaction ends', async () => {
      const order: string[] = [];
      let locked: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (locked = resolve));
      const first = db.transactions.run(async (tx) => {
        const e = (await enterprises.findForUpdate('5300300001', tx))!;
        locked();
        await tx.query('SELECT pg_sleep(0.3)');
        order.push('first writes');
        return enterprises.update({ ...e, name: 'Tên thứ nhất' }, tx);
      });
      await held;
      const second = db.transactions.run(async (tx) => {
        const e = (await enterprises.findForUpdate('5300300001', tx))!;
        order.push(`second read ${e.name}`);
        return enterprises.update({ ...e, contactEmail: 'hai@example.vn' }, tx);
      });
      await Promise.all([first, second]);
      expect(order).toEqual(['first writes', 'second read Tên thứ nhất']);
      expect(await enterprises.find('5300300001')).toMatchObject({ name: 'Tên thứ nhất', contactEmail: 'hai@example.vn' });
    });
  });

  describe('projects', () => {
    beforeAll(async () => {
      await projects.insert(project('P-RUN', '5300300001', 'RA', { registeredCapital: '9999999999999999' }));
      await projects.insert(project('P-LATER', '5300300001', 'RA', { operatingFrom: '2025-07-01' }));
      await projects.insert(project('P-ENDED', '5300300001', 'RA', { status: 'terminated', endedAt: '2025-03-31' }));
      await projects.insert(project('P-STOPPED', '5300300001', 'RA', { status: 'suspended' }));
      await projects.insert(project('P-BUILD', '5300300003', 'RB', { status: 'under_construction', operatingFrom: null }));
      await projects.insert(project('P-B', '5300300003', 'RB', { operatingFrom: '2025-06-30', endedAt: '2030-01-01' }));
    });

    it('stores capital in đồng beyond 2^53 exactly, and refuses a taken code', async () => {
      expect((await projects.find('P-RUN'))!.registeredCapital).toBe('9999999999999999');
      expect(await projects.insert(project('P-RUN', '5300300003', 'RB'))).toBeNull();
      expect((await projects.find('P-RUN'))!.zoneCode).toBe('RA');
    });

    it('counts the projects operating on a day: started, not ended, not stopped without an end date', async () => {
      expect(await projects.operatingByZone('2025-06-30', ['RA', 'RB'])).toEqual(
        new Map([
          ['RA', 1],
          ['RB', 1],
        ]),
      );
      expect(await projects.operatingByZone('2025-03-30', ['RA', 'RB'])).toEqual(new Map([['RA', 2]]));
      expect(await projects.operatingByZone('2025-09-30', ['RA'])).toEqual(new Map([['RA', 2]]));
    });

    it('updates every field and pages projects within the caller zones', async () => {
      const before = (await projects.find('P-LATER'))!;
      const after = await projects.update({ ...before, status: 'suspended', registeredCapital: '5', endedAt: '2026-01-01' });
      expect(after).toMatchObject({ status: 'suspended', registeredCapital: '5', endedAt: '2026-01-01', operatingFrom: '2025-07-01' });
      expect((await projects.page({ among: ['RB'], limit: 10 })).map((p) => p.code)).toEqual(['P-B', 'P-BUILD']);
    });

    it('keeps the plan facts of a project: registration, USD capital and leased land, and reads those of zones', async () => {
      const before = (await projects.find('P-B'))!;
      expect(before).toMatchObject({ registeredOn: null, registeredCapitalUsd: null, leasedHa: null, leasedFrom: null });
      const facts = { registeredOn: '2024-05-01', registeredCapitalUsd: '9007199254740993', leasedHa: '12.5', leasedFrom: '2024-06-01' };
      expect(await projects.update({ ...before, ...facts })).toMatchObject({ ...facts, leasedHa: '12.50' });
      expect((await projects.inZones(['RB'])).map((p) => [p.code, p.leasedHa])).toEqual([
        ['P-B', '12.50'],
        ['P-BUILD', null],
      ]);
    });

    it('reads the projects of some zones on a day, each in its block then and operating or not as the counts have it', async () => {
      await db.transactions.run((tx) => enterprises.recordOwnershipChange('5300300001', { from: '2025-05-15', ownership: 'foreign' }, tx));
      try {
        const zonesRead = ['RA', 'RB'];
        for (const day of ['2025-03-31', '2025-06-30']) {
          const read = await projects.onDay(day, zonesRead);
          const counted = await projects.operatingByZoneAndBlock(day, zonesRead);
          for (const block of ['foreign', 'domestic'] as const) {
            for (const zoneCode of zonesRead) {
              const operating = read.filter((p) => p.operating && p.ownership === block && p.zoneCode === zoneCode).length;
              expect({ day, block, zoneCode, operating }).toEqual({
                day,
                block,
                zoneCode,
                operating: counted.get(block)?.get(zoneCode) ?? 0,
              });
            }
          }
          expect(read.map((p) => p.code).sort()).toEqual((await projects.inZones(zonesRead)).map((p) => p.code).sort());
        }
        const blocks = async (day: string) => [...new Set((await projects.onDay(day, ['RA'])).map((p) => p.ownership))];
        expect([await blocks('2025-03-31'), await blocks('2025-06-30')]).toEqual([['domestic'], ['foreign']]);
      } finally {
        await db.transactions.run((tx) => enterprises.clearOwnershipChanges('5300300001', tx));
      }
    });
  });

  describe('zone land', () => {
    it('keeps a history of leasable land by day, the same day set again replacing its entry', async () => {
      const land = new ZoneLandRepository(db.transactions);
      await land.set('RB', '2025-07-01', '90');
      await land.set('RB', '2020-01-01', '60.25');
      await land.set('RB', '2025-07-01', '95.5');
      await land.set('RA', '2021-01-01', '10');
      expect((await land.history(['RB'])).map((l) => [l.effectiveFrom, l.leasableHa])).toEqual([
        ['2020-01-01', '60.25'],
        ['2025-07-01', '95.50'],
      ]);
    });
  });

  describe('zone targets', () => {
    it('replaces a target set again, and reads those of a year in đồng', async () => {
      const first = await targets.set('RA', 2025, '24000000000000');
      // Instants come back to the millisecond: let one pass.
      await db.query('SELECT pg_sleep(0.005)');
      const again = await targets.set('RA', 2025, '9999999999999999');
      expect(again).toEqual({ zoneCode: 'RA', year: 2025, grossOutputConstant2010: '9999999999999999', updatedAt: expect.any(Date) });
      expect(again.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());
      await targets.set('RB', 2025, '1000');
      await targets.set('RB', 2026, '2000');
      expect(await targets.forYear(2025, ['RA', 'RB', 'RC'])).toEqual(
        new Map([
          ['RA', 9_999_999_999_999_999n],
          ['RB', 1000n],
        ]),
      );
      expect((await targets.list(undefined, ['RB'])).map((t) => `${t.zoneCode}/${t.year}`)).toEqual(['RB/2025', 'RB/2026']);
      expect((await targets.list('RA', null)).map((t) => `${t.zoneCode}/${t.year}`)).toEqual(['RA/2025']);
      expect((await targets.list(undefined, null)).map((t) => `${t.zoneCode}/${t.year}`)).toEqual(['RA/2025', 'RB/2025', 'RB/2026']);
    });
  });

  describe('minimum wages', () => {
    it('reads the regional minimum wages of the decrees, oldest first, in đồng', async () => {
      const wages = await new MinimumWagesRepository(db.transactions).all();
      expect(wages).toHaveLength(16);
      expect(wages.map((w) => w.effectiveFrom)).toEqual([...wages.map((w) => w.effectiveFrom)].sort());
      expect(wages.filter((w) => w.region === 1).map((w) => [w.effectiveFrom, w.monthly])).toEqual([
        ['2020-01-01', 4_420_000n],
        ['2022-07-01', 4_680_000n],
        ['2024-07-01', 4_960_000n],
        ['2026-01-01', 5_310_000n],
      ]);
      expect(wages.find((w) => w.region === 4 && w.effectiveFrom === '2026-01-01')).toEqual({
        effectiveFrom: '2026-01-01',
        region: 4,
        monthly: 3_700_000n,
        source: 'Decree 293/2025',
      });
    });
  });
});
