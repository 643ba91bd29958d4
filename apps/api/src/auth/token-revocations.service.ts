import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { Settings } from '@app/config';
import { databaseTimeouts, pgConnectionOptions } from '@app/database';
import { TokenStore } from './token-store.service';

export const TOKEN_REVOKED_CHANNEL = 'token_revoked';

/**
 * Tells every api process about revoked tokens at once (PostgreSQL LISTEN/NOTIFY), so a token cache
 * never keeps a revoked token alive. While the listener is down the cache is bypassed entirely,
 * since notifications sent meanwhile are lost.
 */
@Injectable()
export class TokenRevocations implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TokenRevocations.name);
  private client: Client | null = null;
  private closing = false;

  constructor(
    private readonly settings: Settings,
    private readonly tokens: TokenStore,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listen().catch((error: Error) => this.retry(error));
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.settings.DATABASE_URL, ...pgConnectionOptions(databaseTimeouts(this.settings)) });
    client.on('notification', (n) => n.payload && this.tokens.forget(n.payload));
    client.on('error', (error) => this.retry(error));
    await client.connect();
    await client.query(`LISTEN ${TOKEN_REVOKED_CHANNEL}`);
    this.client = client;
    this.tokens.setCaching(true);
  }

  private retry(error: Error): void {
    this.tokens.setCaching(false);
    this.client?.end().catch(() => undefined);
    this.client = null;
    if (this.closing) return;
    this.logger.warn(`token revocation listener down (${error.message}); tokens are checked in the database until it is back`);
    setTimeout(() => void this.listen().catch((e: Error) => this.retry(e)), 2000).unref();
  }
}
