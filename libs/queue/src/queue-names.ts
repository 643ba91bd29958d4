/** Every queue of the system and the jobs each carries; a job name without a handler fails loudly. */
export enum QueueName {
  Reports = 'reports',
  Publications = 'publications',
  Reminders = 'reminders',
  Mail = 'mail',
}

export enum JobName {
  ProcessReport = 'process-report',
  ProcessReports = 'process-reports',
  PublishMonthly = 'publish-monthly',
  PublishRequested = 'publish-requested',
  ScanReminders = 'scan-reminders',
  SendEmail = 'send-email',
}

/** One submission: what a repair (or an operator) queues for a report left undecided. */
export interface ProcessReportJob {
  readonly submissionId: string;
}

/** The submissions one intake statement stored (at most REPORTS_PER_JOB), as the api queues them. */
export interface ProcessReportsJob {
  readonly submissionIds: readonly string[];
}

/** Submissions in one intake job: a 5,000-row upload is ten jobs, each well within a job's lock. */
export const REPORTS_PER_JOB = 500;

/** A publication an admin asked for: its stored request. */
export interface PublishRequestedJob {
  readonly requestId: string;
}

/**
 * A reminder scan as of `at` (an ISO instant), queued by an operator (`cli reminders:scan --at`) to run
 * a scan that was missed; scheduled scans carry nothing and run as of the instant they were due.
 */
export interface ScanRemindersJob {
  readonly at?: string;
}

export interface SendEmailJob {
  readonly emailId: string;
}
