import type { PublicationRecord } from '@app/database';
import { FilingItem, publicationPlan, toLocalIso } from '@app/domain';
import { FilingStatusJson } from '@app/excel';
import { summaryWorkbookBytes } from './workbook-bytes';

/** What a reader's workbook is written from: a stored publication. */
export type PublishedWorkbooks = Pick<
  PublicationRecord,
  'id' | 'asOf' | 'latestQuarter' | 'figures' | 'publicFigures' | 'workbook' | 'publicWorkbook'
>;

export interface WorkbookReader {
  /** Null: every zone. */
  zoneCodes: readonly string[] | null;
  audience: 'board' | 'public';
  language: 'vi' | 'en';
}

/**
 * A publication's workbook for one reader: a subscriber's email, or a board downloading it. The
 * publication stores two, both Vietnamese and for every zone: the board's and the public one. A reader
 * of some zones only, or in English, gets one written from the figures stored with the publication,
 * cut to its zones and without totals (as `GET /v1/publications/{id}` gives such a reader), so nobody
 * is given another zone's figures or revision notes.
 */
export async function publicationWorkbook(p: PublishedWorkbooks, reader: WorkbookReader): Promise<{ content: Buffer; filename: string }> {
  const isPublic = reader.audience === 'public';
  const suffix = `${isPublic ? '-cong-bo' : ''}${reader.language === 'en' ? '-en' : ''}`;
  const filename = `so-lieu-kcn-so-${p.id}-${p.latestQuarter.toLowerCase()}${suffix}.xlsx`;
  if (reader.zoneCodes === null && reader.language === 'vi') return { content: isPublic ? p.publicWorkbook : p.workbook, filename };

  const figures = isPublic ? p.publicFigures : p.figures;
  const inScope = (zoneCode: string) => reader.zoneCodes === null || reader.zoneCodes.includes(zoneCode);
  const { totals, ...latest } = figures.latestQuarter;
  const summary = { ...latest, zones: latest.zones.filter((z) => inScope(z.zoneCode)), ...(reader.zoneCodes === null ? { totals } : {}) };
  const content = await summaryWorkbookBytes({
    summary: { ...summary, asOf: toLocalIso(publicationPlan(p.asOf).publishedAt) },
    filingStatus:
      isPublic || !figures.filing.items
        ? undefined
        : filingStatus(
            figures.filing.period,
            figures.filing.items.filter((i) => inScope(i.zoneCode)),
          ),
    language: reader.language,
  });
  return { content, filename };
}

function filingStatus(period: string, items: FilingItem[]): FilingStatusJson {
  const count = (status: FilingItem['status']) => items.filter((i) => i.status === status).length;
  return { period, items, counts: { expected: items.length, onTime: count('on_time'), late: count('late'), missing: count('missing') } };
}
