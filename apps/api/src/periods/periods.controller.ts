import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Principal, readableZones } from '@app/access';
import { recordAudit } from '@app/database';
import { toLocalIso } from '@app/domain';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { byPrincipal } from '../audit/audit';
import { FilingStatusQuery } from './dto/filing-status.query';
import { FilingStatusReader } from '@app/reporting';
import { quarterParam } from './quarter-param';

/**
 * Locking a quarter stops enterprise filings received from then on; boards may still file (history,
 * corrections). Locks are kept as intervals so each submission is judged by the lock at its receipt.
 */
@ApiTags('periods')
@ApiBearerAuth()
@Controller('v1/periods')
@Roles('admin', 'board')
export class PeriodsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly filingStatus: FilingStatusReader,
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
  async lock(@Param('period') period: string, @CurrentPrincipal() p: Principal) {
    quarterParam(period);
    return this.db.transaction(async (tx) => {
      const inserted: Array<{ locked_at: Date }> = await tx.query(
        `INSERT INTO period_locks (period, locked_by) VALUES ($1, $2)
         ON CONFLICT (period) WHERE unlocked_at IS NULL DO NOTHING RETURNING locked_at`,
        [period, p.tokenId],
      );
      if (inserted.length > 0) await recordAudit(tx, byPrincipal(p, { action: 'period.lock', entity: 'period', entityId: period }));
      const [open]: Array<{ locked_at: Date }> = await tx.query('SELECT locked_at FROM period_locks WHERE period = $1 AND unlocked_at IS NULL', [period]);
      return { period, locked: true, lockedAt: toLocalIso(open.locked_at) };
    });
  }

  @Post(':period/unlock')
  @HttpCode(200)
  async unlock(@Param('period') period: string, @CurrentPrincipal() p: Principal) {
    quarterParam(period);
    return this.db.transaction(async (tx) => {
      const closed: unknown[] = await tx.query(
        'UPDATE period_locks SET unlocked_at = now(), unlocked_by = $2 WHERE period = $1 AND unlocked_at IS NULL RETURNING id',
        [period, p.tokenId],
      );
      if ((closed[0] as unknown[]).length > 0) await recordAudit(tx, byPrincipal(p, { action: 'period.unlock', entity: 'period', entityId: period }));
      return { period, locked: false, lockedAt: null };
    });
  }
}
