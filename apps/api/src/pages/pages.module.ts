import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DatabaseModule } from '@app/database';
import { FilingModule } from '../reports/filing.module';
import { EnterpriseFilings } from './filing/enterprise-filings.service';
import { MyQuartersPage } from './filing/my-quarters.page';
import { ReportFormController } from './filing/report-form.controller';
import { UploadPagesController } from './filing/upload-pages.controller';
import { FollowUpReader } from '../follow-ups/follow-ups.service';
import { ReportReviewer } from '../follow-ups/report-reviewer.service';
import { ReportReturner } from '../follow-ups/report-returner.service';
import { SummaryWorkbooks } from '../summaries/summary-workbooks.service';
import { UpwardReports } from '../upward/upward-reports.service';
import { FilingStatusReader, PlanReader, SummaryReader, UpwardReportReader } from '@app/reporting';
import { PlanPagesController } from './plan-pages.controller';
import { AssetsController } from './assets.controller';
import { BoardListsController } from './board-lists.controller';
import { EventsController } from './live/events.controller';
import { LiveFeed } from './live/live-feed.service';
import { OverviewController } from './overview.controller';
import { PageErrorsFilter } from './page-errors.filter';
import { PageRenderer } from './page-renderer.service';
import { acceptPageForms } from './session/form-bodies';
import { refuseCrossOriginWrites } from './session/same-origin';
import { WebSessions } from './session/web-sessions.service';
import { PublicationsPagesController } from './publications-pages.controller';
import { PublicPagesController } from './public-pages.controller';
import { PublicSummaries } from '../public/public-summaries.service';
import { RegistryPagesController } from './registry-pages.controller';
import { SignInController } from './sign-in.controller';
import { UnsubscribeController } from './unsubscribe.controller';
import { SubscribersController } from './subscribers.controller';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
import { RegistryLookups } from '../registry/registry-lookups.service';

/**
 * The board's and the enterprises' pages in the browser, served by the api process: server-rendered
 * HTML, sessions started with an access token, and a small bundled script for what moves live (figures,
 * verdicts), money typed in forms and uploads. The /v1 API is not changed.
 */
@Module({
  imports: [DatabaseModule, FilingModule],
  controllers: [
    SignInController,
    OverviewController,
    RegistryPagesController,
    BoardListsController,
    PublicationsPagesController,
    PlanPagesController,
    ReportFormController,
    UploadPagesController,
    PublicPagesController,
    UnsubscribeController,
    SubscribersController,
    EventsController,
    AssetsController,
  ],
  providers: [
    WebSessions,
    PageRenderer,
    PageErrorsFilter,
    LiveFeed,
    SubscriptionsService,
    RegistryLookups,
    EnterpriseFilings,
    MyQuartersPage,
    SummaryReader,
    PlanReader,
    FilingStatusReader,
    FollowUpReader,
    ReportReviewer,
    ReportReturner,
    SummaryWorkbooks,
    UpwardReportReader,
    UpwardReports,
    PublicSummaries,
  ],
})
export class PagesModule {
  /** What the pages need of the HTTP server before it starts: form bodies, and the origin check of unsafe requests. */
  static prepare(app: NestFastifyApplication): void {
    const fastify = app.getHttpAdapter().getInstance();
    acceptPageForms(fastify);
    refuseCrossOriginWrites(fastify);
  }
}
