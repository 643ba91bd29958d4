import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { canAccessZone, Principal } from '@app/access';
import { Settings } from '@app/config';
import { databaseTimeouts, FiguresChange, NotificationListener, VerdictsChange, WebSessionsRepository } from '@app/database';

/** What a board's page hears: the quarters whose figures moved in zones it may see, or '*' (anything may have). */
export interface FiguresEvent {
  readonly periods: readonly string[] | '*';
}

/** What an enterprise's page hears: its submissions that were just decided, or '*' (any may have been). */
export interface VerdictsEvent {
  readonly ids: readonly string[] | '*';
}

export type LiveEvent =
  { readonly kind: 'figures'; readonly event: FiguresEvent } | { readonly kind: 'verdicts'; readonly event: VerdictsEvent };

export interface LiveSubscriber {
  readonly principal: Principal;
  send(event: LiveEvent): void;
  /** Ends the stream: the process is stopping, and the browser reconnects elsewhere or later. */
  end(): void;
}

// Pages are told at most this often: the first change after a quiet spell at once, those that follow
// within the window gathered and told at its end, so a burst of verdicts costs each page one fetch.
const COALESCE_MS = 250;

/**
 * Hears every committed change of zone-quarter sums and every verdict (PostgreSQL LISTEN, one
 * connection per api process, so every process serves its own pages): a board's page is told the
 * quarters of the zones in its scope, an enterprise's page its own decided submissions. While the
 * listener is down pages are told '*' once it is back.
 */
@Injectable()
export class LiveFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveFeed.name);
  private readonly subscribers = new Set<LiveSubscriber>();
  private listener: NotificationListener | null = null;
  private pending: Array<{ zone: string; period: string }> | '*' | null = null;
  private lastDelivery = 0;
  private closing = false;
  private stopping = false;

  constructor(
    private readonly settings: Settings,
    private readonly repository: WebSessionsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    // Open streams would hold a graceful stop until its deadline: they end as soon as it begins.
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => this.endStreams());
    await this.listen().catch((error: Error) => this.retry(error));
  }

  /** False once the process is stopping: new streams are then refused. */
  get open(): boolean {
    return !this.stopping;
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await this.listener?.close();
  }

  subscribe(subscriber: LiveSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  private endStreams(): void {
    this.stopping = true;
    for (const subscriber of this.subscribers) subscriber.end();
    this.subscribers.clear();
  }

  private async listen(): Promise<void> {
    this.listener = await this.repository.listenForChanges(
      this.settings.DATABASE_URL,
      databaseTimeouts(this.settings),
      { figures: (change) => this.gather(change), verdicts: (change) => this.tellVerdicts(change) },
      (error) => this.retry(error),
    );
  }

  private retry(error: Error): void {
    void this.listener?.close();
    this.listener = null;
    if (this.closing) return;
    this.logger.warn(`figures listener down (${error.message}); open pages refresh once it is back`);
    setTimeout(
      () =>
        void this.listen()
          .then(() => {
            this.gather('*');
            this.tellVerdicts('*');
          })
          .catch((e: Error) => this.retry(e)),
      2000,
    ).unref();
  }

  private gather(change: FiguresChange): void {
    const first = this.pending === null;
    this.pending = change === '*' || this.pending === '*' ? '*' : [...(this.pending ?? []), ...change];
    if (first) setTimeout(() => this.deliver(), Math.max(0, this.lastDelivery + COALESCE_MS - Date.now())).unref();
  }

  private deliver(): void {
    const changes = this.pending;
    this.pending = null;
    if (changes === null) return;
    this.lastDelivery = Date.now();
    for (const subscriber of this.subscribers) {
      if (subscriber.principal.role === 'enterprise') continue;
      if (changes === '*') {
        subscriber.send({ kind: 'figures', event: { periods: '*' } });
        continue;
      }
      const periods = [...new Set(changes.filter((c) => canAccessZone(subscriber.principal, c.zone)).map((c) => c.period))].sort();
      if (periods.length > 0) subscriber.send({ kind: 'figures', event: { periods } });
    }
  }

  /** Verdicts are few per enterprise and awaited by the filer: told at once, each page only its own. */
  private tellVerdicts(change: VerdictsChange): void {
    for (const subscriber of this.subscribers) {
      const { taxCode } = subscriber.principal;
      if (subscriber.principal.role !== 'enterprise' || taxCode === null) continue;
      const ids = change === '*' ? '*' : change.filter((c) => c.taxCode === taxCode).map((c) => c.id);
      if (ids.length > 0) subscriber.send({ kind: 'verdicts', event: { ids } });
    }
  }
}
