import { Injectable } from '@nestjs/common';
import { Principal } from '@app/access';
import { Transactions, Zone, ZoneFields, ZonesRepository } from '@app/database';
import { Problem } from '../common/problem';
import { applyPatch } from '../common/patch-type';
import { CreateZoneDto, UpdateZoneDto } from './dto/zone.dto';
import { RegistryService } from './registry.service';

const areaText = (areaHa: number | null | undefined) => (areaHa === undefined ? undefined : (areaHa?.toString() ?? null));

/** The zones of the registry: admins create and change them; a board reads its own. */
@Injectable()
export class ZonesService extends RegistryService<ZoneFields, Zone> {
  constructor(
    transactions: Transactions,
    private readonly zones: ZonesRepository,
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
    return this.insertAudited({ ...body, areaHa: areaText(body.areaHa) ?? null }, body.code, body, p);
  }

  /** Admins only, who see every zone. */
  update(code: string, body: UpdateZoneDto, p: Principal): Promise<Zone> {
    return this.transactions.run(async (tx) => {
      const zone = await this.zones.findForUpdate(code, tx);
      if (!zone) throw Problem.notFound(`No zone ${code}.`);
      if (body.code !== undefined && body.code !== code) throw Problem.field(422, 'code', 'IMMUTABLE', 'a zone code cannot change');
      return this.updateAudited(applyPatch(zone, { ...body, code, areaHa: areaText(body.areaHa) }), code, body, p, tx);
    });
  }
}
