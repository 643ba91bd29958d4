import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canAccessEnterprise, Principal, seesAllZones } from '@app/access';
import { decodeCursor, Page, pageLimit, toPage } from '../common/pagination';
import { Problem } from '../common/problem';
import { isUuid } from '../common/uuid';
import { ListReportsQuery } from './dto/list-reports.query';
import { reportView, reviewerNameSql, SubmissionRow } from './report-view';

/** Reads submissions within the caller's scope; out of scope looks the same as missing. */
@Injectable()
export class ReportReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(id: string, p: Principal): Promise<ReturnType<typeof reportView>> {
    const rows: SubmissionRow[] = isUuid(id) ? await this.db.query(`SELECT *, ${reviewerNameSql('report_submissions')} FROM report_submissions WHERE id = $1`, [id]) : [];
    const row = rows[0];
    if (!row || !canAccessEnterprise(p, row.tax_code, row.zone_code)) throw Problem.notFound(`No report ${id} in your scope.`);
    return reportView(row, p);
  }

  async list(q: ListReportsQuery, p: Principal): Promise<Page<ReturnType<typeof reportView>>> {
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor, ['instant', 'uuid']);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (p.role === 'enterprise') add('tax_code = ?', p.taxCode);
    else if (!seesAllZones(p)) add('zone_code = ANY(?)', p.zoneCodes ?? []);
    if (q.taxCode) add('tax_code = ?', q.taxCode);
    if (q.zone) add('zone_code = ?', q.zone);
    if (q.period) add('period = ?', q.period);
    if (q.status) add('status = ?', q.status);
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(received_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows: Array<SubmissionRow & { cursor_at: string }> = await this.db.query(
      `SELECT *, ${reviewerNameSql('report_submissions')}, received_at::text AS cursor_at FROM report_submissions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY received_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, limit, (r) => reportView(r, p), (r) => [r.cursor_at, r.id]);
  }
}
