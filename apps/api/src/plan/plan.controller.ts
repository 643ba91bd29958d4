import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal, readableZones } from '@app/access';
import { localDate, PLAN_KEY_NAMES, PLAN_START, toLocalIso } from '@app/domain';
import { PlanReader } from '@app/reporting';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { PlanQuery, PutPlanTargetDto } from './plan.dto';
import { PlanTargets } from './plan.service';

@ApiTags('plan')
@ApiBearerAuth()
@Controller('v1/plan')
@Roles('admin', 'board')
export class PlanController {
  constructor(
    private readonly targets: PlanTargets,
    private readonly reader: PlanReader,
  ) {}

  @Put('targets/:key')
  @ApiOperation({
    summary: 'Set a target of the province plan',
    description:
      `Admin. \`key\` is one of ${PLAN_KEY_NAMES.join(', ')} (422 UNKNOWN_KEY naming \`key\` otherwise); \`unit\` must be ` +
      "the key's own (422 WRONG_UNIT). Stored with its deadline and source; setting it again replaces it; audited.",
  })
  @Roles('admin')
  async put(@Param('key') key: string, @Body() body: PutPlanTargetDto, @CurrentPrincipal() p: Principal) {
    const t = await this.targets.set(key, body, p);
    return { key: t.key, value: Number(t.value), unit: t.unit, deadline: t.deadline, source: t.source, updatedAt: toLocalIso(t.updatedAt) };
  }

  @Get()
  @ApiOperation({
    summary: 'The province plan as of a day',
    description:
      'Admin, or a board: every target with its figure as of `asOf` (default today) from the registry as it was ' +
      'that day and the accepted reports, the share reached and `onTrack` (at or above the linear path from the ' +
      `figure on ${PLAN_START} to the target at its deadline; a year's output from nothing on 1 January, a quarter ` +
      'of the target per quarter ended); and occupancy (leased ÷ leasable land) per zone with land, then the total ' +
      '(`zoneCode` null). A board scoped to some zones gets every figure computed over its zones only.',
  })
  async plan(@Query() q: PlanQuery, @CurrentPrincipal() p: Principal) {
    return this.reader.planAsOf(q.asOf ?? localDate(new Date()), readableZones(p));
  }
}
