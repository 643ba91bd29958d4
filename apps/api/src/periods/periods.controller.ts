import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Principal, readableZones } from '@app/access';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { FilingStatusQuery } from './dto/filing-status.query';
import { LockZonesQuery, zoneList } from './dto/lock-zones.query';
import { FilingStatusReader } from '@app/reporting';
import { PeriodLocks } from './period-locks.service';
import { quarterParam } from './quarter-param';

const LOCK_STATE =
  '{period, locked, lockedAt, provinceWide: {locked, lockedAt}, zones: [{zoneCode, locked, lockedAt, scope: "zone"|"province"|null}]}';

/**
 * Locking a quarter stops enterprise filings received from then on, for the zones locked; boards may
 * still file (history, corrections). A board locks its zones (`?zone=` narrows them); an admin or a
 * board of every zone locks the whole province unless `?zone=` names zones.
 */
@ApiTags('periods')
@ApiBearerAuth()
@Controller('v1/periods')
@Roles('admin', 'board')
export class PeriodsController {
  constructor(
    private readonly filingStatus: FilingStatusReader,
    private readonly locks: PeriodLocks,
  ) {}

  /** Every enterprise expected to file the quarter within the caller's zones: on time, late or missing. */
  @Get(':period/filing-status')
  @ApiOperation({
    summary: 'Filing status of a quarter',
    description:
      "Admin, or a board. Each enterprise of the caller's zones (`zone` narrows to one) whose operating " +
      'interval meets the quarter: on time, late or missing, judged on its first accepted revision; with the ' +
      'counts. Not paginated.',
  })
  @ApiOkResponse({
    description:
      '{period, items: [{taxCode, name, zoneCode, status: "on_time"|"late"|"missing", reportId?, receivedAt?}], ' +
      'counts: {expected, onTime, late, missing}}',
  })
  filing(@Param('period') period: string, @Query() q: FilingStatusQuery, @CurrentPrincipal() p: Principal) {
    quarterParam(period);
    return this.filingStatus.read(period, readableZones(p, q.zone));
  }

  @Post(':period/lock')
  @ApiOperation({
    summary: 'Lock a quarter',
    description:
      'Enterprise filings received from now on are rejected PERIOD_LOCKED for the zones locked; the board may ' +
      'still file. A board locks its zones (`zone` narrows them); an admin, or a board of every zone, locks the ' +
      'whole province unless `zone` names zones. Locking twice changes nothing.',
  })
  @HttpCode(200)
  @ApiOkResponse({ description: `the lock state of each zone acted on: ${LOCK_STATE}` })
  @ApiResponse({ status: 403, description: 'a zone outside the board’s scope (unknown zones alike)' })
  lock(@Param('period') period: string, @Query() q: LockZonesQuery, @CurrentPrincipal() p: Principal) {
    quarterParam(period);
    return this.locks.lock(period, p, zoneList(q));
  }

  @Post(':period/unlock')
  @ApiOperation({
    summary: 'Unlock a quarter',
    description:
      'Ends the locks of the zones named (a board: its zones), or of the whole province and every zone (admin, ' +
      'or a board of every zone, without `zone`). A zone cannot be unlocked alone while the province is locked ' +
      '(409 PROVINCE_WIDE_LOCK).',
  })
  @HttpCode(200)
  @ApiOkResponse({ description: `the lock state of each zone acted on: ${LOCK_STATE}` })
  @ApiResponse({ status: 409, description: 'PROVINCE_WIDE_LOCK: zones cannot be unlocked one by one while the whole province is locked' })
  unlock(@Param('period') period: string, @Query() q: LockZonesQuery, @CurrentPrincipal() p: Principal) {
    quarterParam(period);
    return this.locks.unlock(period, p, zoneList(q));
  }

  /** The caller's zones (narrowed by `?zone=`): the state now and every lock interval, province-wide ones included. */
  @Get(':period/locks')
  @ApiOperation({
    summary: 'Locks of a quarter',
    description:
      "For the caller's zones (`zone` narrows them): whether each is locked now and by which lock (its own or " +
      "the province's), and every lock interval so far, province-wide ones included.",
  })
  @ApiOkResponse({ description: `${LOCK_STATE.slice(0, -1)}, intervals: [{zoneCode (null: province-wide), lockedAt, unlockedAt}]}` })
  read(@Param('period') period: string, @Query() q: LockZonesQuery, @CurrentPrincipal() p: Principal) {
    quarterParam(period);
    return this.locks.read(period, p, zoneList(q));
  }
}
