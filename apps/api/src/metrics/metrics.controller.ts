import { Controller, Get, Header, Headers } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { metricsAllowed } from '@app/common';
import { Settings } from '@app/config';
import { Public } from '../auth/access.decorators';
import { Problem } from '../common/problem';
import { MetricsService } from './metrics.service';

@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly settings: Settings,
  ) {}

  /** Prometheus text format; with METRICS_TOKEN set, only for `Authorization: Bearer <METRICS_TOKEN>`. */
  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics',
    description:
      'Prometheus text format: requests by route and status, their durations, report intake and outbox ' +
      'backlogs, jobs by queue and state, and what the worker repaired. No token, unless METRICS_TOKEN is set: ' +
      'then `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise).',
  })
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(@Headers('authorization') authorization?: string): Promise<string> {
    if (!metricsAllowed(this.settings.METRICS_TOKEN, authorization)) {
      throw new Problem(401, 'The metrics need the metrics token: Authorization: Bearer <METRICS_TOKEN>.');
    }
    return this.metrics.registry.metrics();
  }
}
