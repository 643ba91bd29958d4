import { Controller, Get, HttpException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DatabaseProbe } from '@app/database';
import { Public } from '../auth/access.decorators';
import { GracefulShutdown } from '../lifecycle/graceful-shutdown.service';
import { RedisProbe, withTimeout } from './redis-probe.service';

type Check = { status: 'up' | 'down' };

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseProbe,
    private readonly redis: RedisProbe,
    private readonly shutdown: GracefulShutdown,
  ) {}

  /** The process answers. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness', description: 'Answers 200 `{"status":"ok"}` while the process runs. No token.' })
  live() {
    return { status: 'ok' };
  }

  /**
   * Ready when the api can store what it is sent: PostgreSQL answers. Redis only carries the work on to
   * the worker (the outbox keeps it meanwhile), so it is reported but does not make the api unready.
   */
  @Get('ready')
  @ApiOperation({
    summary: 'Readiness',
    description:
      '200 when PostgreSQL answers within a second, with `details` saying whether Redis (the node holding the ' +
      "installation's keys) answers too: reports are still stored while Redis is away, and decided once it is back. " +
      'Otherwise 503 problem details whose `details` name the part down (`{"database":{"status":"down"},' +
      '"redis":{"status":"up"}}`), and 503 `{"api":{"status":"stopping"}}` once the api is told to stop. No token.',
  })
  async ready() {
    if (this.shutdown.stopping) {
      throw new HttpException(
        {
          type: 'about:blank',
          title: 'Service Unavailable',
          status: 503,
          detail: 'The api is stopping.',
          details: { api: { status: 'stopping' } },
        },
        503,
      );
    }
    const [database, redis] = await Promise.all([this.databaseUp(), this.redis.ping()]);
    const details: Record<string, Check> = { database: { status: database ? 'up' : 'down' }, redis: { status: redis ? 'up' : 'down' } };
    if (database) return { status: 'ok', details };
    throw new HttpException(
      { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'A dependency is down.', details },
      503,
    );
  }

  private async databaseUp(): Promise<boolean> {
    try {
      await withTimeout(this.database.ping(), 1000);
      return true;
    } catch {
      return false;
    }
  }
}
