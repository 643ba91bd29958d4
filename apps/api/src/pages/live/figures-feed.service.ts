import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { canAccessZone, Principal } from '@app/access';
import { Settings } from '@app/config';
import { databaseTimeouts, FiguresChange, NotificationListener, WebSessionsRepository } from '@app/database';

/** What a page hears: the quarters whose figures moved in zones it may see, or '*' (anything may have). */
export interface FiguresEvent {
  readonly periods: readonly string[] | '*';
}

export interface FiguresSubscriber {
  readonly principal: Principal;
  send(event: FiguresEvent): void;
  /** Ends the stream: the process is stopping, and the browser reconnects elsewhere or later. */
  end(): void;
}

// Pages are told at most this often: the first change after a quiet spell at once, those that follow
// within the window gathered and told at its end, so a burst of verdicts costs each page one fetch.
const COALESCE_MS = 250;

/**
 * Hears every committed change of zone-quarter sums (PostgreSQL LISTEN, one connection per api
 * process, so every process serves its own pages) and tells each subscribed page about the quarters
 * of the zones in its scope. While the listener is down pages are told '*' once it is back.
 */
@Injectable()
export class FiguresFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(FiguresFeed.name);
  private readonly subscribers = new Set<FiguresSubscriber>();
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

  subscribe(subscriber: FiguresSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  private endStreams(): void {
    this.stopping = true;
    for (const subscriber of this.subscribers) subscriber.end();
    this.subscribers.clear();
  }

  private async listen(): Promise<void> {
    this.listener = await this.repository.listenForFigures(
      this.settings.DATABASE_URL,
      databaseTimeouts(this.settings),
      (change) => this.gather(change),
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
          .then(() => this.gather('*'))
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
      if (changes === '*') {
        subscriber.send({ periods: '*' });
        continue;
      }
      const periods = [...new Set(changes.filter((c) => canAccessZone(subscriber.principal, c.zone)).map((c) => c.period))].sort();
      if (periods.length > 0) subscriber.send({ periods });
    }
  }
}
