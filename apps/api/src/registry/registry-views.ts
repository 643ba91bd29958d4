import type { Enterprise, Project, Zone, ZoneTarget } from '@app/database';

/** The API's JSON for registry rows: money as strings, dates as ISO. */
export function zoneView(z: Zone) {
  return {
    code: z.code, name: z.name, kind: z.kind, locality: z.locality, wageRegion: z.wageRegion, status: z.status,
    areaHa: z.areaHa === null ? null : Number(z.areaHa), createdAt: z.createdAt, updatedAt: z.updatedAt,
  };
}

export function enterpriseView(e: Enterprise) {
  return {
    taxCode: e.taxCode, name: e.name, zoneCode: e.zoneCode, ownership: e.ownership, vsicSection: e.vsicSection,
    operatingFrom: e.operatingFrom, operatingUntil: e.operatingUntil, contactEmail: e.contactEmail,
    createdAt: e.createdAt, updatedAt: e.updatedAt,
  };
}

export function projectView(p: Project) {
  return {
    code: p.code, name: p.name, taxCode: p.taxCode, zoneCode: p.zoneCode, status: p.status,
    operatingFrom: p.operatingFrom, endedAt: p.endedAt, registeredCapital: p.registeredCapital,
    createdAt: p.createdAt, updatedAt: p.updatedAt,
  };
}

export function targetView(t: ZoneTarget) {
  return { zoneCode: t.zoneCode, year: t.year, grossOutputConstant2010: t.grossOutputConstant2010, updatedAt: t.updatedAt };
}
