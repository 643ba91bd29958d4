import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canAccessEnterprise, Principal } from '@app/access';
import { recordAudit } from '@app/database';
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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async review(id: string, { comment, messageToEnterprise }: ReviewReportDto, p: Principal): Promise<ReviewView> {
    return this.db.transaction(async (tx) => {
      const rows: Array<{ tax_code: string; zone_code: string | null; status: string }> = isUuid(id)
        ? await tx.query('SELECT tax_code, zone_code, status FROM report_submissions WHERE id = $1 FOR UPDATE', [id])
        : [];
      const report = rows[0];
      if (!report || !canAccessEnterprise(p, report.tax_code, report.zone_code)) throw Problem.notFound(`No report ${id} in your scope.`);
      if (!REVIEWABLE.includes(report.status)) {
        throw Problem.field(409, 'id', 'NOT_REVIEWABLE', `report ${id} is ${report.status}: only accepted or superseded reports can be reviewed`);
      }
      const [[reviewed]]: [Array<{ reviewed_at: Date; review_message: string | null; review_message_at: Date | null }>, number] = await tx.query(
        `UPDATE report_submissions SET reviewed_at = now(), reviewed_by = $2, review_comment = $3,
           review_message = COALESCE($4, review_message), review_message_at = CASE WHEN $4::text IS NULL THEN review_message_at ELSE now() END
         WHERE id = $1 RETURNING reviewed_at, review_message, review_message_at`,
        [id, p.tokenId, comment, messageToEnterprise ?? null],
      );
      const details = messageToEnterprise === undefined ? { comment } : { comment, messageToEnterprise };
      await recordAudit(tx, byPrincipal(p, { action: 'report.review', entity: 'report', entityId: id, details }));
      return {
        reviewedAt: toLocalIso(reviewed.reviewed_at), reviewedBy: p.name, comment, messageToEnterprise: reviewed.review_message,
        messageSentAt: reviewed.review_message_at ? toLocalIso(reviewed.review_message_at) : null,
      };
    });
  }
}
