import { Injectable } from '@nestjs/common';
import { MicroBatcher } from '@app/common';
import { Settings } from '@app/config';
import { ReportSubmissionsRepository, SqlSession, SubmissionInsert, Transactions } from '@app/database';
import { unavailableProblem } from '../common/unavailable-problem';

/**
 * Stores submissions, grouping those that arrive together into one statement: under load a commit
 * (a disk flush) serves hundreds of reports instead of one. Each caller still hears back only after
 * its row is committed; null means an earlier submission holds its Idempotency-Key.
 */
@Injectable()
export class SubmissionWriter {
  private readonly batcher: MicroBatcher<SubmissionInsert, Date | null>;

  constructor(
    private readonly db: Transactions,
    private readonly submissions: ReportSubmissionsRepository,
    settings: Settings,
  ) {
    // Bounded, so that a database that hangs makes callers wait no longer than for a connection, and
    // a flood meanwhile is refused (503) instead of piling up; a batch the database failed as a whole
    // is not retried row by row, which would only multiply the wait.
    this.batcher = new MicroBatcher(
      async (rows) => {
        const stored = await this.submissions.insertWithJobs(rows);
        return rows.map((r) => stored.get(r.id) ?? null);
      },
      500,
      4,
      {
        maxQueued: settings.INTAKE_QUEUE_LIMIT,
        maxWaitMs: settings.DB_CONNECT_TIMEOUT_MS,
        isolate: (error) => unavailableProblem(error) === null,
      },
    );
  }

  /** Reports waiting to be taken into a batch. */
  get queued(): number {
    return this.batcher.queued;
  }

  store(row: SubmissionInsert): Promise<Date | null> {
    return this.batcher.submit(row);
  }

  /**
   * Stores many rows in one transaction, all or none (uploads), with what `alongside` writes in the same
   * transaction (the upload's batch record), so that neither is ever seen without the other.
   */
  storeAll(rows: readonly SubmissionInsert[], alongside: (tx: SqlSession) => Promise<unknown>): Promise<Map<string, Date>> {
    return this.db.run(async (tx) => {
      await alongside(tx);
      return this.submissions.insertWithJobs(rows, tx);
    });
  }
}
