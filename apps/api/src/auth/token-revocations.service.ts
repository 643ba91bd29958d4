import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Settings } from '@app/config';
import { ApiTokensRepository, databaseTimeouts, RevocationListener } from '@app/database';
import { TokenStore } from './token-store.service';

/**
 * Tells every api process about revoked tokens at once (PostgreSQL LISTEN/NOTIFY), so a token cache
 * never keeps a revoked token alive. While the listener is down the cache is bypassed entirely,
 * since notifications sent meanwhile are lost.
 */
@Injectable()
export class TokenRevocations implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TokenRevocations.name);
  private listener: RevocationListener | null = null;
  private closing = false;

  constructor(
    private readonly settings: Settings,
    private readonly tokens: TokenStore,
    private readonly repository: ApiTokensRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listen().catch((error: Error) => this.retry(error));
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await this.listener?.close();
  }

  private async listen(): Promise<void> {
    this.listener = await this.repository.listenForRevocations(
      this.settings.DATABASE_URL,
      databaseTimeouts(this.settings),
      (tokenId) => this.tokens.forget(tokenId),
      (error) => this.retry(error),
    );
    this.tokens.setCaching(true);
  }

  private retry(error: Error): void {
    this.tokens.setCaching(false);
    void this.listener?.close();
    this.listener = null;
    if (this.closing) return;
    this.logger.warn(`token revocation listener down (${error.message}); tokens are checked in the database until it is back`);
    setTimeout(() => void this.listen().catch((e: Error) => this.retry(e)), 2000).unref();
  }
}
