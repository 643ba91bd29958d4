import type { Enterprise, Project, Zone, ZoneTarget } from '@app/database';
import { localDate, Ownership, ownershipOn, toLocalIso } from '@app/domain';

/** The API's JSON for registry rows: money as strings, dates as ISO, instants in Vietnam time like every other. */
export function zoneView(z: Zone) {
  return {
    code: z.code,
    name: z.name,
    kind: z.kind,
    locality: z.locality,
    wageRegion: z.wageRegion,
    status: z.status,
    areaHa: z.areaHa === null ? null : Number(z.areaHa),
    createdAt: toLocalIso(z.createdAt),
    updatedAt: toLocalIso(z.updatedAt),
  };
}

/** The enterprise's block today (the registry keeps the registered one and dated changes). */
export function ownershipNow(e: Enterprise): Ownership {
  return ownershipOn({ initial: e.ownership, changes: e.ownershipChanges }, localDate(new Date()));
}

/**
 * `ownership` is the block today; `ownershipHistory` every block with the day it began (null: since
 * registration), oldest first.
 */
export function enterpriseView(e: Enterprise) {
  return {
    taxCode: e.taxCode,
    name: e.name,
    zoneCode: e.zoneCode,
    ownership: ownershipNow(e),
    ownershipHistory: [{ ownership: e.ownership, from: null }, ...e.ownershipChanges],
    vsicSection: e.vsicSection,
    operatingFrom: e.operatingFrom,
    operatingUntil: e.operatingUntil,
    contactEmail: e.contactEmail,
    createdAt: toLocalIso(e.createdAt),
    updatedAt: toLocalIso(e.updatedAt),
  };
}

export function projectView(p: Project) {
  return {
    code: p.code,
    name: p.name,
    taxCode: p.taxCode,
    zoneCode: p.zoneCode,
    status: p.status,
    operatingFrom: p.operatingFrom,
    endedAt: p.endedAt,
    registeredCapital: p.registeredCapital,
    createdAt: toLocalIso(p.createdAt),
    updatedAt: toLocalIso(p.updatedAt),
  };
}

export function targetView(t: ZoneTarget) {
  return { zoneCode: t.zoneCode, year: t.year, grossOutputConstant2010: t.grossOutputConstant2010, updatedAt: toLocalIso(t.updatedAt) };
}
