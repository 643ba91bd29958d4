import { Injectable } from '@nestjs/common';
import { canAccessEnterprise, Principal } from '@app/access';
import { EmailOutboxRepository, EnterprisesRepository, recordAudit, ReportSubmissionsRepository, Transactions } from '@app/database';
import { byPrincipal } from '../audit/audit';
import { Problem } from '../common/problem';
import { isUuid } from '../common/uuid';
import { reportView } from '../reports/report-view';
import { ReturnReportDto } from './dto/return-report.dto';

/**
 * Returns an enterprise's current revision for amendment: recorded on the revision, its email queued
 * and the audit entry written in one transaction, so the enterprise is written to once whatever
 * retries follow. The figures stay counted: the revision stays accepted until an amendment replaces it.
 */
@Injectable()
export class ReportReturner {
  constructor(
    private readonly db: Transactions,
    private readonly submissions: ReportSubmissionsRepository,
    private readonly enterprises: EnterprisesRepository,
    private readonly emails: EmailOutboxRepository,
  ) {}

  async return(id: string, { message }: ReturnReportDto, p: Principal): Promise<ReturnType<typeof reportView>> {
    await this.db.run(async (tx) => {
      const report = isUuid(id) ? await this.submissions.findLocked(id, tx) : null;
      if (!report || !canAccessEnterprise(p, report.taxCode, report.zoneCode)) throw Problem.notFound(`No report ${id} in your scope.`);
      if (report.status !== 'accepted') {
        throw Problem.field(
          409,
          'id',
          'NOT_CURRENT',
          `report ${id} is ${report.status}: only the current accepted revision of a quarter can be returned`,
        );
      }
      if (report.returnedAt !== null) {
        throw Problem.field(
          409,
          'id',
          'ALREADY_RETURNED',
          `report ${id} was returned already and is waiting for the enterprise's amendment`,
        );
      }
      await this.submissions.recordReturn(id, p.tokenId, message, tx);
      const enterprise = await this.enterprises.find(report.taxCode, tx);
      const to = enterprise?.contactEmail ?? null;
      // A revision is returned at most once (it stays returned until replaced): its id keys the email.
      if (to) {
        await this.emails.enqueue(
          [
            {
              dedupeKey: `return:${id}`,
              kind: 'return',
              recipient: to,
              language: 'vi',
              payload: { taxCode: report.taxCode, period: report.period, reportId: id },
            },
          ],
          tx,
        );
      }
      const details = { taxCode: report.taxCode, period: report.period, revision: report.revision, message, emailedTo: to };
      await recordAudit(tx, byPrincipal(p, { action: 'report.return', entity: 'report', entityId: id, details }));
    });
    return reportView((await this.submissions.find(id))!, p);
  }
}
