import { Injectable } from '@nestjs/common';
import { canAccessEnterprise, Principal } from '@app/access';
import { recordAudit, ReportSubmissionsRepository, Transactions } from '@app/database';
import { toLocalIso } from '@app/domain';
import { byPrincipal } from '../audit/audit';
import { Problem } from '../common/problem';
import { isUuid } from '../common/uuid';
import { ReviewView } from '../reports/report-view';
import { ReviewReportDto } from './dto/review-report.dto';

// A superseded revision may still be reviewed: a follow-up begun before an amendment can be closed.
const REVIEWABLE = ['accepted', 'superseded'];

/**
 * Marks a report reviewed by the caller; a later review replaces the earlier one, the audit log keeps
 * both. The message to the enterprise is kept apart from the comment, and a review without one keeps
 * the message the enterprise was last sent.
 */
@Injectable()
export class ReportReviewer {
  constructor(
    private readonly db: Transactions,
    private readonly submissions: ReportSubmissionsRepository,
  ) {}

  async review(id: string, { comment, messageToEnterprise }: ReviewReportDto, p: Principal): Promise<ReviewView> {
    return this.db.run(async (tx) => {
      const report = isUuid(id) ? await this.submissions.findLocked(id, tx) : null;
      if (!report || !canAccessEnterprise(p, report.taxCode, report.zoneCode)) throw Problem.notFound(`No report ${id} in your scope.`);
      if (!REVIEWABLE.includes(report.status)) {
        throw Problem.field(
          409,
          'id',
          'NOT_REVIEWABLE',
          `report ${id} is ${report.status}: only accepted or superseded reports can be reviewed`,
        );
      }
      const reviewed = await this.submissions.review(id, p.tokenId, comment, messageToEnterprise ?? null, tx);
      const details = messageToEnterprise === undefined ? { comment } : { comment, messageToEnterprise };
      await recordAudit(tx, byPrincipal(p, { action: 'report.review', entity: 'report', entityId: id, details }));
      return {
        reviewedAt: toLocalIso(reviewed.reviewedAt),
        reviewedBy: p.name,
        comment,
        messageToEnterprise: reviewed.reviewMessage,
        messageSentAt: reviewed.reviewMessageAt ? toLocalIso(reviewed.reviewMessageAt) : null,
      };
    });
  }
}
