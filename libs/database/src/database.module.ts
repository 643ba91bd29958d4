import { Module, Provider } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Settings } from '@app/config';
import { dataSourceOptions, DatabaseTimeouts } from './data-source-options';
import { ApiTokensRepository } from './repositories/api-tokens.repository';
import { DatabaseProbe } from './repositories/database-probe.repository';
import { EnterpriseReportsRepository } from './repositories/enterprise-reports.repository';
import { EnterprisesRepository } from './repositories/enterprises.repository';
import { MinimumWagesRepository } from './repositories/minimum-wages.repository';
import { PeriodLocksRepository } from './repositories/period-locks.repository';
import { ProjectsRepository } from './repositories/projects.repository';
import { PublicationReadsRepository } from './repositories/publication-reads.repository';
import { SubscriptionsRepository } from './repositories/subscriptions.repository';
import { ZoneTargetsRepository } from './repositories/zone-targets.repository';
import { WebSessionsRepository } from './repositories/web-sessions.repository';
import { ZonesRepository } from './repositories/zones.repository';
import { Transactions } from './sql/transactions.service';

const REPOSITORIES = [
  ApiTokensRepository, DatabaseProbe, EnterprisesRepository, MinimumWagesRepository, PeriodLocksRepository, ProjectsRepository, SubscriptionsRepository,
  ZoneTargetsRepository, ZonesRepository, WebSessionsRepository, EnterpriseReportsRepository,
  PublicationReadsRepository,
];

// Transactions and the repositories are plain classes (no Nest import: jest cannot load Nest's ES
// modules, and the CLI builds them without Nest); the module makes them injectable.
const PROVIDERS: Provider[] = [
  { provide: Transactions, useFactory: (dataSource: DataSource) => new Transactions(dataSource), inject: [getDataSourceToken()] },
  ...REPOSITORIES.map((repository): Provider => ({ provide: repository, useFactory: (t: Transactions) => new repository(t), inject: [Transactions] })),
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
