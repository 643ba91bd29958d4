import { Injectable } from '@nestjs/common';
import { Principal } from '@app/access';
import { recordAudit, Transactions, Zone, ZoneFields, ZoneLand, ZoneLandRepository, ZonesRepository } from '@app/database';
import { byPrincipal } from '../audit/audit';
import { Problem } from '../common/problem';
import { applyPatch } from '../common/patch-type';
import { CreateZoneDto, UpdateZoneDto } from './dto/zone.dto';
import { RegistryService } from './registry.service';
import { columnText } from './registry-values';

/** A plant operating from a day has a capacity: the plan counts it by both. */
function assertPlantComplete(zone: ZoneFields): ZoneFields {
  if (zone.wastewaterOperatingFrom && zone.wastewaterCapacityM3Day == null) {
    throw Problem.field(422, 'wastewaterCapacityM3Day', 'REQUIRED', 'a wastewater plant operating from a day needs its capacity');
  }
  return zone;
}

/** The zones of the registry: admins create and change them; a board reads its own. */
@Injectable()
export class ZonesService extends RegistryService<ZoneFields, Zone> {
  constructor(
    transactions: Transactions,
    private readonly zones: ZonesRepository,
    private readonly land: ZoneLandRepository,
  ) {
    super(transactions, zones, {
      name: 'zone',
      key: (z) => z.code,
      zoneOf: (z) => z.code,
      notFound: (code) => Problem.notFound(`No zone ${code} in your scope.`),
      duplicate: (code) => Problem.field(409, 'code', 'DUPLICATE', `zone ${code} already exists`),
    });
  }

  create(body: CreateZoneDto, p: Principal): Promise<Zone> {
    return this.insertAudited(assertPlantComplete({ ...body, areaHa: columnText(body.areaHa) ?? null }), body.code, body, p);
  }

  /** Admins only, who see every zone. */
  update(code: string, body: UpdateZoneDto, p: Principal): Promise<Zone> {
    return this.transactions.run(async (tx) => {
      const zone = await this.zones.findForUpdate(code, tx);
      if (!zone) throw Problem.notFound(`No zone ${code}.`);
      if (body.code !== undefined && body.code !== code) throw Problem.field(422, 'code', 'IMMUTABLE', 'a zone code cannot change');
      const changed = assertPlantComplete(applyPatch(zone, { ...body, code, areaHa: columnText(body.areaHa) }));
      return this.updateAudited(changed, code, body, p, tx);
    });
  }

  /** The zone's leasable land from `effectiveFrom` on (admins), replacing an entry of the same day, audited. */
  async setLand(code: string, effectiveFrom: string, leasableHa: number, p: Principal): Promise<ZoneLand> {
    await this.get(code, p);
    return this.transactions.run(async (tx) => {
      const land = await this.land.set(code, effectiveFrom, String(leasableHa), tx);
      const details = { effectiveFrom, leasableHa };
      await recordAudit(tx, byPrincipal(p, { action: 'zone.land_set', entity: 'zone', entityId: code, details }));
      return land;
    });
  }

  /** The history of the zone's leasable land, oldest first: 404 outside the caller's zones. */
  async landHistory(code: string, p: Principal): Promise<ZoneLand[]> {
    await this.get(code, p);
    return this.land.history([code]);
  }
}
