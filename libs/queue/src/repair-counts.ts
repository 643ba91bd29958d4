/**
 * What the worker repaired, counted in one Redis hash per installation (under its queue prefix) so
 * that the api's /metrics can show it: failed jobs retried because their work was undone, jobs added
 * again because Redis had lost them, job schedulers re-created. A Redis restart without persistence
 * resets the counts, which Prometheus reads as a counter reset.
 */
export const repairCountsKey = (prefix: string) => `${prefix}:repairs`;

export type RepairKind = 'retried' | 'requeued' | 'scheduler';

/** A field of the hash: the kind of repair and its queue (or scheduler id). */
export const repairField = (kind: RepairKind, subject: string) => `${kind}:${subject}`;
