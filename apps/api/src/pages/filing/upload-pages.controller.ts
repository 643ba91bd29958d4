import { Controller, Get, Param, Post, Req, Res, StreamableFile, UseFilters } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Settings } from '@app/config';
import { Public } from '../../auth/access.decorators';
import { MULTIPART_UPLOAD, uploadedFile } from '../../common/multipart-uploads';
import { Problem } from '../../common/problem';
import { reportTemplateFile } from '../../reports/report-template-file';
import { ReportUploads } from '../../reports/report-upload.service';
import { UploadBatches } from '../../reports/upload-batches.service';
import { PageErrorsFilter } from '../page-errors.filter';
import { PageNotFound, PageRenderer } from '../page-renderer.service';
import { UploadBatchView, uploadPage, uploadResultPage, uploadRows } from '../views/upload.view';
import { EnterpriseFilings, filingState } from './enterprise-filings.service';

type Query = Readonly<Record<string, string | undefined>>;

/** Filing with a file: the template, the upload, and each row's verdict as it comes. */
@ApiExcludeController()
@Public()
@UseFilters(PageErrorsFilter)
@Controller('upload')
export class UploadPagesController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly filings: EnterpriseFilings,
    private readonly uploads: ReportUploads,
    private readonly batches: UploadBatches,
    private readonly settings: Settings,
  ) {}

  @Get()
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.enterpriseContext(request, reply);
    this.renderer.send(reply, ctx, uploadPage(ctx, { period: await this.period(ctx.taxCode, (request.query as Query).period) }));
  }

  @Get('template.xlsx')
  async template(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const ctx = await this.renderer.enterpriseContext(request, reply);
    return reportTemplateFile(ctx.principal!, await this.period(ctx.taxCode, (request.query as Query).period), this.uploads.maxRows);
  }

  /** Every valid row into the same intake as the API's uploads; then to the result page, which follows the verdicts. */
  @Post()
  @RouteConfig(MULTIPART_UPLOAD)
  async upload(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.enterpriseContext(request, reply);
    try {
      const result = await this.uploads.inTurn(async () => {
        const file = await uploadedFile(request, this.settings.UPLOAD_LIMIT_BYTES);
        return this.uploads.upload(file, { atomic: false, dryRun: false }, ctx.principal!);
      });
      void reply.header('cache-control', 'no-store').redirect(`/upload/${result.batchId}`, 303);
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      const period = await this.period(ctx.taxCode, undefined);
      const reason = error.errors?.length ? `${error.message} ${error.errors.map((e) => e.message).join('; ')}` : error.message;
      this.renderer.send(reply, ctx, uploadPage(ctx, { period, error: reason }), error.getStatus());
    }
  }

  @Get(':batchId')
  async result(@Param('batchId') batchId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.enterpriseContext(request, reply);
    const batch = (await this.batches.view(batchId, ctx.principal!).catch((error: unknown) => {
      throw error instanceof Problem ? new PageNotFound() : error;
    })) as UploadBatchView;
    const part = (request.query as Query).part === 'rows';
    this.renderer.send(reply, ctx, part ? uploadRows(ctx, batch).text : uploadResultPage(ctx, batch));
  }

  /** The quarter the template is filled in for: the one asked, else the one the form would offer. */
  private async period(taxCode: string, asked: string | undefined): Promise<string> {
    const filing = await this.filings.read(taxCode);
    const state = filing ? filingState(filing, asked) : null;
    return state && 'period' in state ? state.period : (asked ?? '');
  }
}
