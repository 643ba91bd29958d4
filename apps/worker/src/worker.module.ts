import { DynamicModule, Module } from '@nestjs/common';
import { Settings, SettingsModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { FilingStatusReader, PublicationBuilder, SummaryReader } from '@app/reporting';
import { EmailSender } from './mail/email-sender.service';
import { ReminderScan } from './reminders/reminder-scan.service';
import { JobSchedules } from './schedules/job-schedules.service';
import { ScheduledJobsProcessor } from './schedules/scheduled-jobs.processor';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { QueueProducers } from './queues/queue-producers.service';
import { RepairCounts } from './repair/repair-counts.service';
import { StrandedJobs } from './repair/stranded-jobs.service';
import { MinimumWages } from './reference/minimum-wages.service';
import { ReportVerdicts } from './reports/report-verdicts.service';
import { VerdictBatcher } from './reports/verdict-batcher.service';
import { ReportsProcessor } from './reports/reports.processor';
import { HealthServer } from './health/health-server.service';
import { WorkerMetrics } from './health/worker-metrics.service';
import { WorkerReadiness } from './health/worker-readiness.service';

@Module({})
export class WorkerModule {
  static register(settings: Settings): DynamicModule {
    return {
      module: WorkerModule,
      imports: [SettingsModule.forRoot(settings), DatabaseModule],
      providers: [
        WorkerMetrics,
        QueueProducers,
        RepairCounts,
        OutboxRelay,
        MinimumWages,
        ReportVerdicts,
        VerdictBatcher,
        ReportsProcessor,
        SummaryReader,
        FilingStatusReader,
        PublicationBuilder,
        ReminderScan,
        EmailSender,
        JobSchedules,
        ScheduledJobsProcessor,
        StrandedJobs,
        WorkerReadiness,
        HealthServer,
      ],
    };
  }
}
