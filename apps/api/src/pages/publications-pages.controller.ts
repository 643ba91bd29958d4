import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Principal, readableZones, seesAllZones } from '@app/access';
import { PublicationRequestsRepository, PublicationsRepository } from '@app/database';
import { localDate, publicationPlan } from '@app/domain';
import { XLSX_MEDIA_TYPE } from '@app/excel';
import { publicationWorkbook } from '@app/reporting';
import { Public } from '../auth/access.decorators';
import { summaryInScope } from '../publications/publication-view';
import { PageErrorsFilter } from './page-errors.filter';
import { PageNotFound, PageRenderer } from './page-renderer.service';
import { publicationPage, publicationsPage } from './views/publications.view';

const LISTED = 60;
/** How long `Publish now` waits for the worker before showing the list instead. */
const PUBLISH_WAIT_MS = 30_000;

/** Who may publish from the pages: whoever publishes for the whole province (an admin, or a board of every zone). */
function canPublish(p: Principal): boolean {
  return seesAllZones(p);
}

function publicationId(id: string): number {
  if (!/^\d{1,9}$/.test(id)) throw new PageNotFound();
  return Number(id);
}

/** The monthly publications: the list, each one's figures and workbook, and `Publish now`. */
@ApiExcludeController()
@Public()
@UseFilters(PageErrorsFilter)
@Controller('publications')
export class PublicationsPagesController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly publications: PublicationsRepository,
    private readonly requests: PublicationRequestsRepository,
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.boardContext(request, reply);
    const published = (request.query as Record<string, string | undefined>).published === '1';
    this.renderer.send(
      reply,
      ctx,
      publicationsPage(ctx, await this.publications.page(null, LISTED), canPublish(ctx.principal!), published),
    );
  }

  /** The month's publication as the schedule would make it today; the month's existing one if it has one. */
  @Post()
  async publish(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.boardContext(request, reply);
    const p = ctx.principal!;
    if (!canPublish(p)) throw new PageNotFound();
    const asOf = localDate(new Date());
    const id = (await this.publications.regularOf(publicationPlan(asOf).month)) ?? (await this.built(asOf, `${p.role}:${p.name}`));
    void reply.redirect(id === null ? '/publications' : `/publications/${id}?published=1`, 303);
  }

  /** Asks the worker for the month's publication, as the API does, and waits a while for it to be built. */
  private async built(asOf: string, by: string): Promise<number | null> {
    const request = await this.requests.create({ asOf, force: false, requestedBy: by });
    const deadline = Date.now() + PUBLISH_WAIT_MS;
    while (Date.now() < deadline) {
      const answered = (await this.requests.find(request.id))?.publicationId ?? null;
      if (answered !== null) return answered;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return null;
  }

  @Get(':id')
  async detail(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.boardContext(request, reply);
    const publication = await this.publications.find(publicationId(id));
    if (!publication) throw new PageNotFound();
    const zones = readableZones(ctx.principal!);
    const { latestQuarter, yearToDate } = publication.figures;
    this.renderer.send(
      reply,
      ctx,
      publicationPage(ctx, publication, summaryInScope(latestQuarter, zones), summaryInScope(yearToDate, zones)),
    );
  }

  /** The board's workbook, cut to the reader's zones (and in the page's language) as the API gives it. */
  @Get(':id/workbook.xlsx')
  async workbook(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.boardContext(request, reply);
    const row = await this.publications.find(publicationId(id));
    if (!row) throw new PageNotFound();
    const { content, filename } = await publicationWorkbook(row, {
      zoneCodes: readableZones(ctx.principal!),
      audience: 'board',
      language: ctx.lang,
    });
    void reply.header('content-type', XLSX_MEDIA_TYPE).header('content-disposition', `attachment; filename="${filename}"`).send(content);
  }
}
