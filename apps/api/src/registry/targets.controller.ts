import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Principal } from '@app/access';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { Problem } from '../common/problem';
import { PutTargetDto } from './dto/target.dto';
import { ZoneFilterQuery } from './dto/registry-query.dto';
import { targetView } from './registry-views';
import { TargetsService } from './targets.service';

const yearPipe = new ParseIntPipe({ exceptionFactory: () => Problem.field(422, 'year', 'OUT_OF_RANGE', 'year must be a whole number') });

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/targets')
@Roles('admin', 'board')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  /** The board's annual target for a zone at 2010 prices; setting it again replaces it. */
  @Put(':zoneCode/:year')
  async put(@Param('zoneCode') zoneCode: string, @Param('year', yearPipe) year: number, @Body() body: PutTargetDto, @CurrentPrincipal() p: Principal) {
    return targetView(await this.targets.set(zoneCode, year, String(body.grossOutputConstant2010), p));
  }

  @Get()
  async list(@Query() q: ZoneFilterQuery, @CurrentPrincipal() p: Principal) {
    return { items: (await this.targets.list(q.zone, p)).map(targetView), nextCursor: null };
  }
}
