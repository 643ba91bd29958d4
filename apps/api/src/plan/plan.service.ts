import { Injectable } from '@nestjs/common';
import { Principal } from '@app/access';
import { PlanTarget, PlanTargetsRepository, recordAudit, Transactions } from '@app/database';
import { planKey, PLAN_KEY_NAMES } from '@app/domain';
import { byPrincipal } from '../audit/audit';
import { Problem } from '../common/problem';
import { PutPlanTargetDto } from './plan.dto';

/** The province's plan targets, set by admins, each change audited in its transaction. */
@Injectable()
export class PlanTargets {
  constructor(
    private readonly transactions: Transactions,
    private readonly targets: PlanTargetsRepository,
  ) {}

  /** Setting a key again replaces its target. */
  async set(key: string, body: PutPlanTargetDto, p: Principal): Promise<PlanTarget> {
    const known = planKey(key);
    if (!known) throw Problem.field(422, 'key', 'UNKNOWN_KEY', `key must be one of: ${PLAN_KEY_NAMES.join(', ')}`);
    if (body.unit !== known.unit) throw Problem.field(422, 'unit', 'WRONG_UNIT', `${key} is measured in ${known.unit}`);
    const fields = { key, value: body.value.toFixed(2), unit: body.unit, deadline: body.deadline, source: body.source };
    return this.transactions.run(async (tx) => {
      const target = await this.targets.set(fields, p.tokenId, tx);
      await recordAudit(tx, byPrincipal(p, { action: 'plan_target.set', entity: 'plan_target', entityId: key, details: { ...body } }));
      return target;
    });
  }
}
