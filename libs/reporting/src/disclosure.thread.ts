import { parentPort } from 'node:worker_threads';
import { AuditedMeasure, discloseMeasure, loadLpSolver, PublicationDisclosureInput } from '@app/domain';

export interface MeasureTask {
  readonly measure: AuditedMeasure;
  readonly input: PublicationDisclosureInput;
}

// A thread of discloseOnThreads: decides one measure at a time and answers with its decisions, or the error.
parentPort!.on('message', ({ measure, input }: MeasureTask) => {
  loadLpSolver()
    .then((solver) => parentPort!.postMessage({ decisions: [...discloseMeasure(solver, measure, input)] }))
    .catch((error: Error) => parentPort!.postMessage({ error: error.stack ?? String(error) }));
});
