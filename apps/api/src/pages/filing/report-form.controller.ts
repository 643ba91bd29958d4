import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { EnterpriseReportsRepository } from '@app/database';
import { figureRuleIssues, hasErrors, localDate, reportFiguresFrom } from '@app/domain';
import { Public } from '../../auth/access.decorators';
import { Problem } from '../../common/problem';
import { ReportIntake } from '../../reports/report-intake.service';
import { validateReportBody } from '../../reports/report-row-validation';
import { normalizeReport } from '../../reports/submission';
import type { PageContext } from '../page-context';
import { PageErrorsFilter } from '../page-errors.filter';
import { PageNotFound, PageRenderer } from '../page-renderer.service';
import { messagePage } from '../views/message.view';
import { filedPage, reportFormPage, verdictPanel } from '../views/report-form.view';
import { fill } from '../views/filing-messages';
import { formatDay, formatPeriod } from '../views/formats';
import { EnterpriseFiling, EnterpriseFilings, FilingState, filingState } from './enterprise-filings.service';
import { FormErrors, NO_ERRORS, reportBody, ruleErrors, typedValues, validationErrors, valuesOf } from './report-form';

type Form = Readonly<Record<string, string | undefined>>;
type EnterpriseContext = PageContext & { taxCode: string };

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** The online form: file or amend one quarter, then follow the report to its verdict. */
@ApiExcludeController()
@Public()
@UseFilters(PageErrorsFilter)
@Controller('reports')
export class ReportFormController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly filings: EnterpriseFilings,
    private readonly intake: ReportIntake,
    private readonly reports: EnterpriseReportsRepository,
  ) {}

  @Get('new')
  async form(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.enterpriseContext(request, reply);
    const filing = await this.read(ctx);
    const state = filingState(filing, (request.query as Form).period);
    if (state.kind !== 'open') return this.refuse(reply, ctx, state);
    const current = state.quarter.current;
    this.renderer.send(
      reply,
      ctx,
      reportFormPage(ctx, {
        period: state.period,
        values: current ? valuesOf(current.figures) : {},
        current: current?.status === 'accepted' ? current.figures : null,
        returned: current?.returned ?? null,
        errors: NO_ERRORS,
        idempotencyKey: randomUUID(),
      }),
    );
  }

  /**
   * Checked as POST /v1/reports checks a body, then by the figure rules the worker would reject on, so
   * the filer fixes them here with everything typed still there; stored through the same intake.
   */
  @Post('new')
  async submit(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.enterpriseContext(request, reply);
    const form = (request.body ?? {}) as Form;
    const filing = await this.read(ctx);
    const state = filingState(filing, form.period);
    if (state.kind !== 'open') return this.refuse(reply, ctx, state);
    const values = typedValues(form);
    const key = form.idempotencyKey && IDEMPOTENCY_KEY.test(form.idempotencyKey) ? form.idempotencyKey : randomUUID();
    const accepted = state.quarter.current?.status === 'accepted' ? state.quarter.current : null;
    const again = (errors: FormErrors, status: number) =>
      this.renderer.send(
        reply,
        ctx,
        reportFormPage(ctx, {
          period: state.period,
          values,
          current: accepted?.figures ?? null,
          returned: accepted?.returned ?? null,
          errors,
          idempotencyKey: key,
        }),
        status,
      );

    const checked = await validateReportBody(reportBody(ctx.taxCode, state.period, values));
    if ('errors' in checked) return again(validationErrors(checked.errors, ctx.t), 422);
    const report = normalizeReport(checked.report);
    const issues = figureRuleIssues(reportFiguresFrom((f) => report.figures[f.key])).filter((i) => i.severity === 'error');
    if (hasErrors(issues)) return again(ruleErrors(issues, ctx.lang), 422);
    try {
      const { receipt } = await this.intake.submit(report, ctx.principal!, {
        source: 'api',
        idempotencyKey: key,
        zoneCode: filing.enterprise.zoneCode,
      });
      const submission = { id: receipt.id, status: 'received' as const, issues: [] };
      const amended = accepted ? { before: accepted.figures, after: report.figures } : null;
      this.renderer.send(
        reply,
        ctx,
        filedPage(ctx, { period: state.period, submission, amended }, verdictPanel(ctx, state.period, submission)),
      );
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      const reason = error.getStatus() === 503 ? ctx.t.busy : fill(ctx.t.formRefused, { reason: error.message });
      again({ byField: new Map(), general: [reason] }, error.getStatus());
    }
  }

  /** The verdict part of the page after submitting, fetched again as the verdict comes. */
  @Get(':id/status')
  async status(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.enterpriseContext(request, reply);
    // Only the enterprise's own submissions are looked in: another's id is as unknown as a wrong one.
    const submission = (await this.reports.history(ctx.taxCode)).find((s) => s.id === id);
    if (!submission) throw new PageNotFound();
    this.renderer.send(reply, ctx, verdictPanel(ctx, submission.period, submission).text);
  }

  private async read(ctx: EnterpriseContext): Promise<EnterpriseFiling> {
    const filing = await this.filings.read(ctx.taxCode);
    if (!filing) throw new PageNotFound();
    return filing;
  }

  private refuse(reply: FastifyReply, ctx: EnterpriseContext, state: Exclude<FilingState, { kind: 'open' }>): void {
    const { t, lang } = ctx;
    if (state.kind === 'invalid') return this.renderer.send(reply, ctx, messagePage(ctx, t.invalidPeriod, t.periodHelp), 422);
    const period = formatPeriod(state.period, lang);
    const text =
      state.kind === 'locked'
        ? fill(t.lockedQuarter, { zone: state.zoneName })
        : state.kind === 'not-ended'
          ? fill(t.notOpenYet, { period, day: formatDay(localDate(state.opensAt), lang) })
          : fill(t.notExpected, { period });
    this.renderer.send(reply, ctx, messagePage(ctx, fill(t.fileTitle, { period }), text), 409);
  }
}
