import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiOkResponse({ description: '{items: [{at, actor: {id, name}, action, entity, entityId, details}], nextCursor}, newest first' })
  list(@Query() q: AuditQuery) {
    return this.audit.list({ entity: q.entity, id: q.id }, { limit: pageLimit(q), cursor: q.cursor });
  }
}
