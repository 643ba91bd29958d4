import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@app/access';
import type { Subscription } from '@app/database';
import { toLocalIso } from '@app/domain';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { CreateSubscriptionDto } from './create-subscription.dto';
import { SubscriptionsService } from './subscriptions.service';

const view = (s: Subscription) => ({
  id: s.id,
  email: s.email,
  zoneCodes: s.zoneCodes ?? 'all',
  language: s.language,
  audience: s.audience,
  createdAt: toLocalIso(s.createdAt),
});

/** Who receives the monthly publication email: zones, language, and full or disclosure-controlled figures. */
@ApiTags('publications')
@ApiBearerAuth()
@Controller('v1/subscriptions')
@Roles('admin', 'board')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  @ApiOperation({
    summary: 'Subscribe someone to the monthly email',
    description:
      'Admin, or a board for its own zones (403 OUT_OF_SCOPE otherwise). `zoneCodes` (a list, or "all"), ' +
      '`language` vi or en, `audience` board (full figures, the default) or public (after disclosure control). ' +
      '201 with the subscription.',
  })
  async create(@Body() body: CreateSubscriptionDto, @CurrentPrincipal() p: Principal) {
    return view(await this.subscriptions.create(body, p));
  }

  @Get()
  @ApiOperation({
    summary: 'List subscriptions',
    description: 'Active subscriptions; a board sees those confined to its zones. One page (`nextCursor` is always null).',
  })
  async list(@CurrentPrincipal() p: Principal) {
    return { items: (await this.subscriptions.list(p)).map(view), nextCursor: null };
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Cancel a subscription',
    description:
      "204; emails not yet sent to it are not sent. 404 for a subscription outside the caller's zones, as for " + 'an unknown one.',
  })
  @HttpCode(204)
  cancel(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<void> {
    return this.subscriptions.cancel(id, p);
  }
}
