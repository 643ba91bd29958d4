/** Every queue of the system; a job name without a handler fails worker start-up. */
export enum QueueName {
  Reports = 'reports',
}

export enum JobName {
  ProcessReport = 'process-report',
}

export interface ProcessReportJob {
  readonly submissionId: string;
}
