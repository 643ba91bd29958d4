import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Settings } from '@app/config';
import { dataSourceOptions, DatabaseTimeouts } from './data-source-options';
import { ENTITIES } from './entities';
import { Transactions } from './sql/transactions.service';

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
    TypeOrmModule.forFeature(ENTITIES),
  ],
  providers: [Transactions],
  exports: [TypeOrmModule, Transactions],
})
export class DatabaseModule {}
