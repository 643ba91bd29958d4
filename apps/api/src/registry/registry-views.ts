import type { Enterprise, Project, Zone, ZoneLand, ZoneTarget } from '@app/database';
import { localDate, Ownership, ownershipOn, toLocalIso } from '@app/domain';

const hectares = (text: string | null) => (text === null ? null : Number(text));

/** The API's JSON for registry rows: money as strings, dates as ISO, instants in Vietnam time like every other. */
export function zoneView(z: Zone) {
  return {
    code: z.code,
    name: z.name,
    kind: z.kind,
    locality: z.locality,
    wageRegion: z.wageRegion,
    status: z.status,
    areaHa: hectares(z.areaHa),
    establishedOn: z.establishedOn,
    wastewaterCapacityM3Day: z.wastewaterCapacityM3Day,
    wastewaterOperatingFrom: z.wastewaterOperatingFrom,
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
    registeredOn: p.registeredOn,
    registeredCapitalUsd: p.registeredCapitalUsd,
    leasedHa: hectares(p.leasedHa),
    leasedFrom: p.leasedFrom,
    createdAt: toLocalIso(p.createdAt),
    updatedAt: toLocalIso(p.updatedAt),
  };
}

export function targetView(t: ZoneTarget) {
  return { zoneCode: t.zoneCode, year: t.year, grossOutputConstant2010: t.grossOutputConstant2010, updatedAt: toLocalIso(t.updatedAt) };
}

export function zoneLandView(l: ZoneLand) {
  return { zoneCode: l.zoneCode, effectiveFrom: l.effectiveFrom, leasableHa: Number(l.leasableHa), updatedAt: toLocalIso(l.updatedAt) };
}
