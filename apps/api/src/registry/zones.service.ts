import { Injectable } from '@nestjs/common';
import { canAccessZone, Principal } from '@app/access';
import { recordAudit, Transactions, Zone, ZonesRepository } from '@app/database';
import { byPrincipal } from '../audit/audit';
import { Page, PageQuery } from '../common/pagination';
import { applyPatch } from '../common/patch-type';
import { Problem } from '../common/problem';
import { CreateZoneDto, UpdateZoneDto } from './dto/zone.dto';
import { zoneScopedPage } from './zone-scoped-page';

const areaText = (areaHa: number | null | undefined) => (areaHa === undefined ? undefined : (areaHa?.toString() ?? null));

/** The zones of the registry: admins create and change them, each change audited in its transaction. */
@Injectable()
export class ZonesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly zones: ZonesRepository,
  ) {}

  async create(body: CreateZoneDto, p: Principal): Promise<Zone> {
    return this.transactions.run(async (tx) => {
      const zone = await this.zones.insert({ ...body, areaHa: areaText(body.areaHa) ?? null }, tx);
      if (!zone) throw Problem.field(409, 'code', 'DUPLICATE', `zone ${body.code} already exists`);
      await recordAudit(tx, byPrincipal(p, { action: 'zone.create', entity: 'zone', entityId: zone.code, details: { ...body } }));
      return zone;
    });
  }

  list(q: PageQuery, p: Principal): Promise<Page<Zone>> {
    return zoneScopedPage((page) => this.zones.page(page), (z) => z.code, q, p);
  }

  async get(code: string, p: Principal): Promise<Zone> {
    const zone = canAccessZone(p, code) ? await this.zones.find(code) : null;
    if (!zone) throw Problem.notFound(`No zone ${code} in your scope.`);
    return zone;
  }

  async update(code: string, body: UpdateZoneDto, p: Principal): Promise<Zone> {
    return this.transactions.run(async (tx) => {
      const zone = await this.zones.findForUpdate(code, tx);
      if (!zone) throw Problem.notFound(`No zone ${code}.`);
      if (body.code !== undefined && body.code !== code) throw Problem.field(422, 'code', 'IMMUTABLE', 'a zone code cannot change');
      const saved = await this.zones.update(applyPatch(zone, { ...body, code, areaHa: areaText(body.areaHa) }), tx);
      await recordAudit(tx, byPrincipal(p, { action: 'zone.update', entity: 'zone', entityId: code, details: { ...body } }));
      return saved;
    });
  }
}
