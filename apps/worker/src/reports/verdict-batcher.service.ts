import { Injectable } from '@nestjs/common';
import { MicroBatcher } from '@app/common';
import { Decision, ReportVerdicts } from './report-verdicts.service';

/**
 * The report jobs running at the same moment share one verdict transaction; each job completes only
 * after its own verdict is committed, and a failed batch is retried one by one.
 */
@Injectable()
export class VerdictBatcher {
  private readonly batcher = new MicroBatcher<string, Decision>(
    async (ids) => {
      const decisions = await this.verdicts.decide(ids);
      // Two jobs for one submission in the same batch: the first decides, the twin did nothing.
      return ids.map((id, i) => (ids.indexOf(id) === i ? (decisions.get(id) ?? 'already-processed') : 'already-processed'));
    },
    200,
    2,
  );

  constructor(private readonly verdicts: ReportVerdicts) {}

  decide(submissionId: string): Promise<Decision> {
    return this.batcher.submit(submissionId);
  }
}
