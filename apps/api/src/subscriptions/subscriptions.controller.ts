import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { canAccessZone, Principal, seesAllZones } from '@app/access';
import { recordAudit } from '@app/database';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { byPrincipal } from '../audit/audit';
import { Problem } from '../common/problem';
import { isUuid } from '../common/uuid';
import { parseZoneScope } from '../tokens/zone-scope';
import { RegistryLookups } from '../registry/registry-lookups.service';
import { CreateSubscriptionDto } from './create-subscription.dto';

interface SubscriptionRow { id: string; email: string; zone_codes: string[] | null; language: string; audience: string; created_at: Date }

/** A board sees and cancels subscriptions confined to its zones. */
const inScope = (p: Principal, s: SubscriptionRow) => seesAllZones(p) || (s.zone_codes !== null && s.zone_codes.every((z) => canAccessZone(p, z)));

const view = (s: SubscriptionRow) => ({ id: s.id, email: s.email, zoneCodes: s.zone_codes ?? 'all', language: s.language, audience: s.audience, createdAt: s.created_at });

/** Who receives the monthly publication email: zones, language, and full or disclosure-controlled figures. */
@ApiTags('publications')
@ApiBearerAuth()
@Controller('v1/subscriptions')
@Roles('admin', 'board')
export class SubscriptionsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lookups: RegistryLookups,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Subscribe someone to the monthly email',
    description:
      'Admin, or a board for its own zones (403 OUT_OF_SCOPE otherwise). `zoneCodes` (a list, or "all"), ' +
      '`language` vi or en, `audience` board (full figures, the default) or public (after disclosure control). ' +
      '201 with the subscription.',
  })
  async create(@Body() body: CreateSubscriptionDto, @CurrentPrincipal() p: Principal) {
    const zoneCodes = parseZoneScope(body.zoneCodes);
    // A board subscribes people to its own zones only.
    if (!seesAllZones(p) && (zoneCodes === null || zoneCodes.some((z) => !canAccessZone(p, z)))) {
      throw Problem.field(403, 'zoneCodes', 'OUT_OF_SCOPE', 'you may subscribe people only to your own zones');
    }
    if (zoneCodes !== null) await this.lookups.assertZonesExist(zoneCodes, 'zoneCodes');
    const [row]: SubscriptionRow[] = await this.db.query(
      `INSERT INTO subscriptions (email, zone_codes, language, audience, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [body.email, zoneCodes, body.language ?? 'vi', body.audience ?? 'board', p.tokenId],
    );
    await recordAudit(this.db, byPrincipal(p, { action: 'subscription.create', entity: 'subscription', entityId: row.id, details: { email: row.email, zoneCodes: zoneCodes ?? 'all', audience: row.audience } }));
    return view(row);
  }

  @Get()
  @ApiOperation({
    summary: 'List subscriptions',
    description:
      'Active subscriptions; a board sees those confined to its zones. One page (`nextCursor` is always null).',
  })
  async list(@CurrentPrincipal() p: Principal) {
    const rows: SubscriptionRow[] = await this.db.query('SELECT * FROM subscriptions WHERE cancelled_at IS NULL ORDER BY created_at');
    const visible = rows.filter((r) => inScope(p, r));
    return { items: visible.map(view), nextCursor: null };
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Cancel a subscription',
    description:
      "204; emails not yet sent to it are not sent. 404 for a subscription outside the caller's zones, as for " +
      'an unknown one.',
  })
  @HttpCode(204)
  async cancel(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<void> {
    const rows: SubscriptionRow[] = isUuid(id) ? await this.db.query('SELECT * FROM subscriptions WHERE id = $1 AND cancelled_at IS NULL', [id]) : [];
    const row = rows[0];
    if (!row || !inScope(p, row)) {
      throw Problem.notFound(`No subscription ${id} in your scope.`);
    }
    await this.db.query('UPDATE subscriptions SET cancelled_at = now() WHERE id = $1', [id]);
    await recordAudit(this.db, byPrincipal(p, { action: 'subscription.cancel', entity: 'subscription', entityId: id }));
  }
}
