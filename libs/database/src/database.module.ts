import { Module, Provider } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Settings } from '@app/config';
import { dataSourceOptions, DatabaseTimeouts } from './data-source-options';
import { ApiTokensRepository } from './repositories/api-tokens.repository';
import { AuditEventsRepository } from './repositories/audit-events.repository';
import { ContributionSetsRepository } from './repositories/contribution-sets.repository';
import { DatabaseProbe } from './repositories/database-probe.repository';
import { EmailOutboxRepository } from './repositories/email-outbox.repository';
import { EnterpriseReportsRepository } from './repositories/enterprise-reports.repository';
import { EnterprisesRepository } from './repositories/enterprises.repository';
import { FilingsRepository } from './repositories/filings.repository';
import { MinimumWagesRepository } from './repositories/minimum-wages.repository';
import { OutboxRepository } from './repositories/outbox.repository';
import { PublicationRequestsRepository } from './repositories/publication-requests.repository';
import { PublicationsRepository } from './repositories/publications.repository';
import { PeriodLocksRepository } from './repositories/period-locks.repository';
import { ProjectsRepository } from './repositories/projects.repository';
import { ReportSubmissionsRepository } from './repositories/report-submissions.repository';
import { SignInLinksRepository } from './repositories/sign-in-links.repository';
import { PublicCellsRepository } from './repositories/public-cells.repository';
import { PublicContributionsRepository } from './repositories/public-contributions.repository';
import { SubscriptionsRepository } from './repositories/subscriptions.repository';
import { UploadBatchesRepository } from './repositories/upload-batches.repository';
import { ZoneQuarterSumsRepository } from './repositories/zone-quarter-sums.repository';
import { ZoneTargetsRepository } from './repositories/zone-targets.repository';
import { WebSessionsRepository } from './repositories/web-sessions.repository';
import { ZonesRepository } from './repositories/zones.repository';
import { ZoneLandRepository } from './repositories/zone-land.repository';
import { PlanTargetsRepository } from './repositories/plan-targets.repository';
import { Transactions } from './sql/transactions.service';

const REPOSITORIES = [
  ApiTokensRepository,
  AuditEventsRepository,
  ContributionSetsRepository,
  DatabaseProbe,
  EmailOutboxRepository,
  EnterpriseReportsRepository,
  EnterprisesRepository,
  FilingsRepository,
  MinimumWagesRepository,
  OutboxRepository,
  PeriodLocksRepository,
  PlanTargetsRepository,
  ProjectsRepository,
  PublicCellsRepository,
  PublicContributionsRepository,
  PublicationRequestsRepository,
  PublicationsRepository,
  ReportSubmissionsRepository,
  SignInLinksRepository,
  SubscriptionsRepository,
  UploadBatchesRepository,
  WebSessionsRepository,
  ZoneQuarterSumsRepository,
  ZoneLandRepository,
  ZoneTargetsRepository,
  ZonesRepository,
];

// Transactions and the repositories are plain classes (no Nest import: jest cannot load Nest's ES
// modules, and the CLI builds them without Nest); the module makes them injectable.
const PROVIDERS: Provider[] = [
  { provide: Transactions, useFactory: (dataSource: DataSource) => new Transactions(dataSource), inject: [getDataSourceToken()] },
  ...REPOSITORIES.map((repository): Provider => ({
    provide: repository,
    useFactory: (t: Transactions) => new repository(t),
    inject: [Transactions],
  })),
];

/** The timeouts the settings give every connection of the api and the worker. */
export function databaseTimeouts(settings: Settings): DatabaseTimeouts {
  return {
    connectMs: settings.DB_CONNECT_TIMEOUT_MS,
    statementMs: settings.DB_STATEMENT_TIMEOUT_MS,
    lockMs: settings.DB_LOCK_TIMEOUT_MS,
    idleInTransactionMs: settings.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [Settings],
      useFactory: (settings: Settings) => dataSourceOptions(settings.DATABASE_URL, settings.DB_POOL_SIZE, databaseTimeouts(settings)),
    }),
  ],
  providers: PROVIDERS,
  exports: [TypeOrmModule, Transactions, ...REPOSITORIES],
})
export class DatabaseModule {}
