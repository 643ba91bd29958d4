import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Principal, readableZones } from '@app/access';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { FilingStatusQuery } from './dto/filing-status.query';
import { LockZonesQuery, zoneList } from './dto/lock-zones.query';
import { FilingStatusReader } from '@app/reporting';
import { PeriodLocks } from './period-locks.service';
import { quarterParam } from './quarter-param';

const LOCK_STATE = '{period, locked, lockedAt, provinceWide: {locked, lockedAt}, zones: [{zoneCode, locked, lockedAt, scope: "zone"|"province"|null}]}';

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
  @ApiOkResponse({ description: '{period, items: [{taxCode, name, zoneCode, status: "on_time"|"late"|"missing", reportId?, receivedAt?}], counts: {expected, onTime, late, missing}}' })
  filing(@Param('period') period: string, @Query() q: FilingStatusQuery, @CurrentPrincipal() p: Principal) {
    quarterParam(period);
    return this.filingStatus.read(period, readableZones(p, q.zone));
  }

  @Post(':period/lock')
  @HttpCode(200)
  @ApiOkResponse({ description: `the lock state of each zone acted on: ${LOCK_STATE}` })
  @ApiResponse({ status: 403, description: 'a zone outside the board’s scope (unknown zones alike)' })
  lock(@Param('period') period: string, @Query() q: LockZonesQuery, @CurrentPrincipal() p: Principal) {
    quarterParam(period);
    return this.locks.lock(period, p, zoneList(q));
  }

  @Post(':period/unlock')
  @HttpCode(200)
  @ApiOkResponse({ description: `the lock state of each zone acted on: ${LOCK_STATE}` })
  @ApiResponse({ status: 409, description: 'PROVINCE_WIDE_LOCK: zones cannot be unlocked one by one while the whole province is locked' })
  unlock(@Param('period') period: string, @Query() q: LockZonesQuery, @CurrentPrincipal() p: Principal) {
    quarterParam(period);
    return this.locks.unlock(period, p, zoneList(q));
  }

  /** The caller's zones (narrowed by `?zone=`): the state now and every lock interval, province-wide ones included. */
  @Get(':period/locks')
  @ApiOkResponse({ description: `${LOCK_STATE.slice(0, -1)}, intervals: [{zoneCode (null: province-wide), lockedAt, unlockedAt}]}` })
  read(@Param('period') period: string, @Query() q: LockZonesQuery, @CurrentPrincipal() p: Principal) {
    quarterParam(period);
    return this.locks.read(period, p, zoneList(q));
  }
}
