import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Principal, readableZones } from '@app/access';
import { PublicationRecord, PublicationRequest, PublicationRequestsRepository, PublicationsRepository } from '@app/database';
import { localDate, publicationPlan, PublishedFigures, toLocalIso } from '@app/domain';
import { XLSX_MEDIA_TYPE } from '@app/excel';
import { publicationWorkbook } from '@app/reporting';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { decodeCursor, PageQuery, pageLimit, toPage } from '../common/pagination';
import { Problem } from '../common/problem';
import { isUuid } from '../common/uuid';
import { publicationView, summaryInScope } from './publication-view';
import { PublishDto } from './publish.dto';

/** What a request for a publication answers while the worker builds it. */
function requestView(r: PublicationRequest) {
  return {
    id: r.id,
    status: 'pending',
    asOf: r.asOf,
    force: r.force,
    requestedBy: r.requestedBy,
    requestedAt: toLocalIso(r.requestedAt),
    links: { self: `/v1/publications/${r.id}` },
  };
}

/**
 * Monthly publications: immutable numbered snapshots. The api stores a request to publish and answers
 * at once; the worker builds the publication under the publishers' lock, as it does the monthly one.
 */
@ApiTags('publications')
@ApiBearerAuth()
@Controller('v1/publications')
@Roles('admin', 'board')
export class PublicationsController {
  constructor(
    private readonly publications: PublicationsRepository,
    private readonly requests: PublicationRequestsRepository,
  ) {}

  /** 202 with the stored request (its Location shows the publication once built); 200 with the month's existing one unless `force`. */
  @Post()
  @ApiOperation({
    summary: 'Publish now',
    description:
      'Admin. Publishes what the monthly schedule would publish on `asOf` (default today): the latest quarter ' +
      'past due, its year to date and the filing status of the quarter being filed, with workbooks and one ' +
      "email per subscriber. 200 with the month's existing publication, unless `force`. Otherwise the request is " +
      'stored and the worker builds the publication: 202 with `{id, status: "pending"}` and a `Location`, which ' +
      "answers 303 to the publication once it is built (the one made, or the month's own if another publisher got there first).",
  })
  @Roles('admin')
  async publish(@Body() body: PublishDto, @CurrentPrincipal() p: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    const asOf = body.asOf ?? localDate(new Date());
    if (asOf > localDate(new Date())) throw Problem.field(422, 'asOf', 'IN_FUTURE', 'asOf lies in the future');
    const force = body.force ?? false;
    const existing = force ? null : await this.publications.regularOf(publicationPlan(asOf).month);
    if (existing !== null) return this.get(String(existing), p, reply.status(200));
    const request = await this.requests.create({ asOf, force, requestedBy: `${p.role}:${p.name}` });
    void reply.status(202).header('location', `/v1/publications/${request.id}`);
    return requestView(request);
  }

  /** Newest first, paginated like every list (`?limit=&cursor=`); a zone board sees the revision notes of its zones only. */
  @Get()
  @ApiOperation({
    summary: 'List publications',
    description:
      'Admin, or a board. Newest first, paginated with `limit` and `cursor`; a zone board sees the revision ' + 'notes of its zones only.',
  })
  async list(@Query() q: PageQuery, @CurrentPrincipal() p: Principal) {
    const limit = pageLimit(q);
    const before = (decodeCursor(q.cursor, ['id'])?.[0] as number | undefined) ?? null;
    const rows = await this.publications.page(before, limit + 1);
    const zones = readableZones(p);
    return toPage(
      rows,
      limit,
      (r) => publicationView(r, zones),
      (r) => [r.id],
    );
  }

  /** With the figures exactly as published, cut to the caller's zones (a zone board gets no totals, which hold other zones). */
  @Get(':id')
  @ApiOperation({
    summary: 'Read a publication',
    description:
      "The figures exactly as published, the board's and the public version, cut to the caller's zones (a zone " +
      'board gets no totals). The id of a request to publish answers `{status: "pending"}` until the worker has ' +
      'built it, then 303 to the publication that answers it.',
  })
  async get(@Param('id') id: string, @CurrentPrincipal() p: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    if (isUuid(id)) {
      const request = await this.requests.find(id);
      if (request === null) throw Problem.notFound(`No publication ${id}.`);
      if (request.publicationId === null) return requestView(request);
      void reply.status(303).header('location', `/v1/publications/${request.publicationId}`);
      return {
        id: request.id,
        status: 'published',
        links: { self: `/v1/publications/${request.id}`, publication: `/v1/publications/${request.publicationId}` },
      };
    }
    const row = await this.find(id);
    const zones = readableZones(p);
    const cut = (f: PublishedFigures) => ({
      latestQuarter: summaryInScope(f.latestQuarter, zones),
      yearToDate: summaryInScope(f.yearToDate, zones),
      filing:
        zones === null
          ? f.filing
          : {
              period: f.filing.period,
              byZone: Object.fromEntries(Object.entries(f.filing.byZone).filter(([z]) => zones.includes(z))),
              ...(f.filing.items ? { items: f.filing.items.filter((i) => zones.includes(i.zoneCode)) } : {}),
            },
    });
    return { ...publicationView(row, zones), figures: cut(row.figures), publicFigures: cut(row.publicFigures) };
  }

  /**
   * The board's workbook (`audience=board`, the default) or the public one. Both hold every zone: a zone
   * board gets one written from the publication's figures, cut to its zones and without totals.
   */
  @Get(':id/workbook.xlsx')
  @ApiOperation({
    summary: "A publication's workbook",
    description:
      "The board's workbook (`audience=board`, the default) or the public one, after disclosure control. A zone " +
      'board gets one written from the figures as published, cut to its zones and without totals.',
  })
  @HttpCode(200)
  @ApiQuery({ name: 'audience', required: false, enum: ['board', 'public'] })
  async workbook(
    @Param('id') id: string,
    @Query('audience') audience: string | undefined,
    @CurrentPrincipal() p: Principal,
    @Res() reply: FastifyReply,
  ) {
    if (audience !== undefined && audience !== 'board' && audience !== 'public') {
      throw Problem.field(422, 'audience', 'NOT_ALLOWED', 'audience must be board or public');
    }
    const row = await this.find(id);
    const { content, filename } = await publicationWorkbook(row, {
      zoneCodes: readableZones(p),
      audience: audience === 'public' ? 'public' : 'board',
      language: 'vi',
    });
    void reply.header('content-type', XLSX_MEDIA_TYPE).header('content-disposition', `attachment; filename="${filename}"`).send(content);
  }

  private async find(id: string): Promise<PublicationRecord> {
    const row = await this.publications.find(id);
    if (row === null) throw Problem.notFound(`No publication ${id}.`);
    return row;
  }
}
