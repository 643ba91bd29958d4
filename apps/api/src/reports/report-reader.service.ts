import { Injectable } from '@nestjs/common';
import { canAccessEnterprise, Principal, seesAllZones } from '@app/access';
import { ReportSubmissionsRepository } from '@app/database';
import { decodeCursor, Page, pageLimit, toPage } from '../common/pagination';
import { Problem } from '../common/problem';
import { isUuid } from '../common/uuid';
import { ListReportsQuery } from './dto/list-reports.query';
import { reportView } from './report-view';

/** Reads submissions within the caller's scope; out of scope looks the same as missing. */
@Injectable()
export class ReportReader {
  constructor(private readonly submissions: ReportSubmissionsRepository) {}

  async get(id: string, p: Principal): Promise<ReturnType<typeof reportView>> {
    const row = isUuid(id) ? await this.submissions.find(id) : null;
    if (!row || !canAccessEnterprise(p, row.tax_code, row.zone_code)) throw Problem.notFound(`No report ${id} in your scope.`);
    return reportView(row, p);
  }

  async list(q: ListReportsQuery, p: Principal): Promise<Page<ReturnType<typeof reportView>>> {
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor, ['instant', 'uuid']) as [string, string] | null;
    const rows = await this.submissions.page({
      ownTaxCode: p.role === 'enterprise' ? p.taxCode! : undefined,
      among: p.role === 'enterprise' || seesAllZones(p) ? null : (p.zoneCodes ?? []),
      taxCode: q.taxCode,
      zone: q.zone,
      period: q.period,
      status: q.status,
      after: after ?? undefined,
      limit: limit + 1,
    });
    return toPage(
      rows,
      limit,
      (r) => reportView(r, p),
      (r) => [r.cursor_at, r.id],
    );
  }
}
