import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { pageLimit } from '../common/pagination';
import { AuditReader } from './audit-reader.service';
import { AuditQuery } from './dto/audit-query.dto';

@ApiTags('review')
@ApiBearerAuth()
@Controller('v1/audit')
@Roles('admin')
export class AuditController {
  constructor(private readonly audit: AuditReader) {}

  /** `?entity=report&id=…` shows the whole life of one report: received, decided, superseded, reviewed. */
  @Get()
  @ApiOperation({
    summary: 'Audit log',
    description:
      'Admin. Who did what and when, newest first: tokens, registry changes, targets, locks, reviews, ' +
      'subscriptions, publications, emails sent, and each report received, decided and superseded. `entity` and ' +
      '`id` narrow it (`entity=report&id=…` is the life of one report and its revisions); paginated.',
  })
  @ApiOkResponse({ description: '{items: [{at, actor: {id, name}, action, entity, entityId, details}], nextCursor}, newest first' })
  list(@Query() q: AuditQuery) {
    return this.audit.list({ entity: q.entity, id: q.id }, { limit: pageLimit(q), cursor: q.cursor });
  }
}
