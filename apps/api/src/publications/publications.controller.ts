import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Principal, readableZones } from '@app/access';
import { localDate } from '@app/domain';
import { XLSX_MEDIA_TYPE } from '@app/excel';
import { PublicationBuilder, publicationWorkbook, PublishedWorkbooks } from '@app/reporting';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { decodeCursor, PageQuery, pageLimit, toPage } from '../common/pagination';
import { Problem } from '../common/problem';
import { PUBLICATION_COLUMNS, PublicationRow, publicationView, summaryInScope } from './publication-view';
import { PublishDto } from './publish.dto';

/**
 * Monthly publications: immutable numbered snapshots. Publishing on request runs the same builder as
 * the worker's monthly job (it reads and stores in one transaction), so an admin gets the result back.
 */
@ApiTags('publications')
@ApiBearerAuth()
@Controller('v1/publications')
@Roles('admin', 'board')
export class PublicationsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly builder: PublicationBuilder,
  ) {}

  /** 201 with a new publication; 200 with the month's existing one unless `force`. */
  @Post()
  @ApiOperation({
    summary: 'Publish now',
    description:
      'Admin. Publishes what the monthly schedule would publish on `asOf` (default today): the latest quarter ' +
      'past due, its year to date and the filing status of the quarter being filed, with workbooks and one ' +
      "email per subscriber. 201 with the new publication; 200 with the month's existing one, unless `force`.",
  })
  @Roles('admin')
  async publish(@Body() body: PublishDto, @CurrentPrincipal() p: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    const asOf = body.asOf ?? localDate(new Date());
    if (asOf > localDate(new Date())) throw Problem.field(422, 'asOf', 'IN_FUTURE', 'asOf lies in the future');
    const { id, created } = await this.builder.publish({ asOf, by: `${p.role}:${p.name}`, force: body.force ?? false });
    reply.status(created ? 201 : 200);
    return this.get(String(id), p);
  }

  /** Newest first, paginated like every list (`?limit=&cursor=`); a zone board sees the revision notes of its zones only. */
  @Get()
  @ApiOperation({
    summary: 'List publications',
    description:
      'Admin, or a board. Newest first, paginated with `limit` and `cursor`; a zone board sees the revision ' +
      'notes of its zones only.',
  })
  async list(@Query() q: PageQuery, @CurrentPrincipal() p: Principal) {
    const limit = pageLimit(q);
    const before = decodeCursor(q.cursor, ['id'])?.[0] ?? null;
    const rows: PublicationRow[] = await this.db.query(
      `SELECT ${PUBLICATION_COLUMNS} FROM publications WHERE ($1::int IS NULL OR id < $1) ORDER BY id DESC LIMIT $2`,
      [before, limit + 1],
    );
    const zones = readableZones(p);
    return toPage(rows, limit, (r) => publicationView(r, zones), (r) => [r.id]);
  }

  /** With the figures exactly as published, cut to the caller's zones (a zone board gets no totals, which hold other zones). */
  @Get(':id')
  @ApiOperation({
    summary: 'Read a publication',
    description:
      "The figures exactly as published, the board's and the public version, cut to the caller's zones (a zone " +
      'board gets no totals).',
  })
  async get(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    const row = await this.find(id, `${PUBLICATION_COLUMNS}, figures, public_figures`);
    const zones = readableZones(p);
    const cut = (f: NonNullable<PublicationRow['figures']>) => ({
      latestQuarter: summaryInScope(f.latestQuarter, zones),
      yearToDate: summaryInScope(f.yearToDate, zones),
      filing: zones === null ? f.filing : {
        period: f.filing.period,
        byZone: Object.fromEntries(Object.entries(f.filing.byZone).filter(([z]) => zones.includes(z))),
        ...(f.filing.items ? { items: f.filing.items.filter((i) => zones.includes(i.zoneCode)) } : {}),
      },
    });
    return { ...publicationView(row, zones), figures: cut(row.figures!), publicFigures: cut(row.public_figures!) };
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
  async workbook(@Param('id') id: string, @Query('audience') audience: string | undefined, @CurrentPrincipal() p: Principal, @Res() reply: FastifyReply) {
    if (audience !== undefined && audience !== 'board' && audience !== 'public') {
      throw Problem.field(422, 'audience', 'NOT_ALLOWED', 'audience must be board or public');
    }
    const row = await this.find<PublishedWorkbooks>(id, 'id, as_of, latest_quarter, figures, public_figures, workbook, public_workbook');
    const { content, filename } = await publicationWorkbook(row, { zoneCodes: readableZones(p), audience: audience === 'public' ? 'public' : 'board', language: 'vi' });
    void reply.header('content-type', XLSX_MEDIA_TYPE).header('content-disposition', `attachment; filename="${filename}"`).send(content);
  }

  private async find<Row = PublicationRow>(id: string, columns: string): Promise<Row> {
    const rows: Row[] = /^\d{1,9}$/.test(id) ? await this.db.query(`SELECT ${columns} FROM publications WHERE id = $1`, [Number(id)]) : [];
    if (!rows[0]) throw Problem.notFound(`No publication ${id}.`);
    return rows[0];
  }
}
