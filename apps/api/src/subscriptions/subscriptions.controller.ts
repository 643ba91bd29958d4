import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Principal } from '@app/access';
import type { Subscription } from '@app/database';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { CreateSubscriptionDto } from './create-subscription.dto';
import { SubscriptionsService } from './subscriptions.service';

const view = (s: Subscription) => ({
  id: s.id, email: s.email, zoneCodes: s.zoneCodes ?? 'all', language: s.language, audience: s.audience, createdAt: s.createdAt,
});

/** Who receives the monthly publication email: zones, language, and full or disclosure-controlled figures. */
@ApiTags('publications')
@ApiBearerAuth()
@Controller('v1/subscriptions')
@Roles('admin', 'board')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  async create(@Body() body: CreateSubscriptionDto, @CurrentPrincipal() p: Principal) {
    return view(await this.subscriptions.create(body, p));
  }

  @Get()
  async list(@CurrentPrincipal() p: Principal) {
    return { items: (await this.subscriptions.list(p)).map(view), nextCursor: null };
  }

  @Delete(':id')
  @HttpCode(204)
  cancel(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<void> {
    return this.subscriptions.cancel(id, p);
  }
}
