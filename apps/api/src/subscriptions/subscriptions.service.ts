import { Injectable } from '@nestjs/common';
import { canAccessZone, Principal, seesAllZones } from '@app/access';
import { recordAudit, Subscription, SubscriptionsRepository, Transactions } from '@app/database';
import { byPrincipal } from '../audit/audit';
import { Problem } from '../common/problem';
import { isUuid } from '../common/uuid';
import { parseZoneScope } from '../tokens/zone-scope';
import { RegistryLookups } from '../registry/registry-lookups.service';
import { CreateSubscriptionDto } from './create-subscription.dto';

/** A board sees and cancels subscriptions confined to its zones. */
const inScope = (p: Principal, s: Subscription) =>
  seesAllZones(p) || (s.zoneCodes !== null && s.zoneCodes.every((z) => canAccessZone(p, z)));

/** Subscribing and cancelling, each with its audit entry in the same transaction. */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly lookups: RegistryLookups,
  ) {}

  async create(body: CreateSubscriptionDto, p: Principal): Promise<Subscription> {
    const zoneCodes = parseZoneScope(body.zoneCodes);
    // A board subscribes people to its own zones only.
    if (!seesAllZones(p) && (zoneCodes === null || zoneCodes.some((z) => !canAccessZone(p, z)))) {
      throw Problem.field(403, 'zoneCodes', 'OUT_OF_SCOPE', 'you may subscribe people only to your own zones');
    }
    if (zoneCodes !== null) await this.lookups.assertZonesExist(zoneCodes, 'zoneCodes');
    return this.transactions.run(async (tx) => {
      const s = await this.subscriptions.insert(
        {
          email: body.email,
          zoneCodes,
          language: body.language ?? 'vi',
          audience: body.audience ?? 'board',
          createdBy: p.tokenId,
        },
        tx,
      );
      const details = { email: s.email, zoneCodes: zoneCodes ?? 'all', audience: s.audience };
      await recordAudit(tx, byPrincipal(p, { action: 'subscription.create', entity: 'subscription', entityId: s.id, details }));
      return s;
    });
  }

  async list(p: Principal): Promise<Subscription[]> {
    return (await this.subscriptions.listActive()).filter((s) => inScope(p, s));
  }

  async cancel(id: string, p: Principal): Promise<void> {
    await this.transactions.run(async (tx) => {
      const s = isUuid(id) ? await this.subscriptions.findActive(id, tx) : null;
      // Cancelled meanwhile by another request: answered as if it had been before this one.
      if (!s || !inScope(p, s) || !(await this.subscriptions.cancel(id, tx))) {
        throw Problem.notFound(`No subscription ${id} in your scope.`);
      }
      await recordAudit(tx, byPrincipal(p, { action: 'subscription.cancel', entity: 'subscription', entityId: id }));
    });
  }
}
