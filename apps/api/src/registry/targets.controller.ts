import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({
    summary: "Set a zone's annual target",
    description:
      'Admin, or a board in its zones. The gross output the zone should reach in the year at 2010 prices ' +
      '(đồng); summaries show progress against it. Setting it again replaces it.',
  })
  async put(
    @Param('zoneCode') zoneCode: string,
    @Param('year', yearPipe) year: number,
    @Body() body: PutTargetDto,
    @CurrentPrincipal() p: Principal,
  ) {
    return targetView(await this.targets.set(zoneCode, year, String(body.grossOutputConstant2010), p));
  }

  @Get()
  @ApiOperation({
    summary: 'List targets',
    description:
      "Every target of the caller's zones (`zone` narrows to one), by zone and year; one page (`nextCursor` is " + 'always null).',
  })
  async list(@Query() q: ZoneFilterQuery, @CurrentPrincipal() p: Principal) {
    return { items: (await this.targets.list(q.zone, p)).map(targetView), nextCursor: null };
  }
}
