import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { Settings, SettingsModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { AuditController } from './audit/audit.controller';
import { AuditReader } from './audit/audit-reader.service';
import { AuthGuard } from './auth/auth.guard';
import { TokenRevocations } from './auth/token-revocations.service';
import { TokenStore } from './auth/token-store.service';
import { ProblemFilter } from './common/problem.filter';
import { FollowUpsController } from './follow-ups/follow-ups.controller';
import { FollowUpReader } from './follow-ups/follow-ups.service';
import { ReportReviewer } from './follow-ups/report-reviewer.service';
import { ReportReturner } from './follow-ups/report-returner.service';
import { HealthController } from './health/health.controller';
import { GracefulShutdown } from './lifecycle/graceful-shutdown.service';
import { RedisProbe } from './health/redis-probe.service';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { PeriodLocks } from './periods/period-locks.service';
import { QueueMetrics } from './metrics/queue-metrics.service';
import { PeriodsController } from './periods/periods.controller';
import { PlanController } from './plan/plan.controller';
import { PlanTargets } from './plan/plan.service';
import { EnterprisesController } from './registry/enterprises.controller';
import { ProjectsController } from './registry/projects.controller';
import { RegistryLookups } from './registry/registry-lookups.service';
import { TargetsController } from './registry/targets.controller';
import { ZonesController } from './registry/zones.controller';
import { ReportReader } from './reports/report-reader.service';
import { ReportsController } from './reports/reports.controller';
import { ReportTemplateController } from './reports/report-template.controller';
import { ReportUploadController } from './reports/report-upload.controller';
import { SummariesController } from './summaries/summaries.controller';
import { SummariesWorkbookController } from './summaries/summaries-workbook.controller';
import { SummaryWorkbooks } from './summaries/summary-workbooks.service';
import { UpwardReportsController } from './upward/upward-reports.controller';
import { UpwardReports } from './upward/upward-reports.service';
import { FilingStatusReader, PlanReader, SummaryReader, UpwardReportReader } from '@app/reporting';
import { PublicSummariesController } from './public/public-summaries.controller';
import { PublicSummaries } from './public/public-summaries.service';
import { PublicationsController } from './publications/publications.controller';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { TokensController } from './tokens/tokens.controller';
import { TokensService } from './tokens/tokens.service';
import { SubscriptionsService } from './subscriptions/subscriptions.service';
import { EnterprisesService } from './registry/enterprises.service';
import { ProjectsService } from './registry/projects.service';
import { TargetsService } from './registry/targets.service';
import { ZonesService } from './registry/zones.service';
import { PagesModule } from './pages/pages.module';
import { FilingModule } from './reports/filing.module';

@Module({})
export class ApiModule {
  static register(settings: Settings): DynamicModule {
    return {
      module: ApiModule,
      imports: [SettingsModule.forRoot(settings), DatabaseModule, FilingModule, PagesModule],
      controllers: [
        HealthController,
        MetricsController,
        TokensController,
        ZonesController,
        EnterprisesController,
        ProjectsController,
        TargetsController,
        PlanController,
        ReportTemplateController,
        ReportUploadController,
        ReportsController,
        PeriodsController,
        SummariesController,
        SummariesWorkbookController,
        UpwardReportsController,
        FollowUpsController,
        AuditController,
        SubscriptionsController,
        PublicationsController,
        PublicSummariesController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        GracefulShutdown,
        TokenStore,
        TokenRevocations,
        RedisProbe,
        MetricsService,
        RegistryLookups,
        ReportReader,
        SummaryReader,
        PlanReader,
        PlanTargets,
        FilingStatusReader,
        FollowUpReader,
        ReportReviewer,
        ReportReturner,
        AuditReader,
        SummaryWorkbooks,
        UpwardReportReader,
        UpwardReports,
        PeriodLocks,
        QueueMetrics,
        ZonesService,
        EnterprisesService,
        ProjectsService,
        TargetsService,
        TokensService,
        SubscriptionsService,
        PublicSummaries,
      ],
    };
  }
}
