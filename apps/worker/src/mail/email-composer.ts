import { dueInstant, localDate, parseQuarter } from '@app/domain';
import { EmailMessage, HeadlineZone, publicationEmail, reminderEmail } from '@app/mail';
import { publicationWorkbook, PublishedWorkbooks } from '@app/reporting';

export interface EmailRow {
  id: string;
  kind: 'publication' | 'reminder' | 'overdue';
  recipient: string;
  language: 'vi' | 'en';
  payload: { publicationId?: number; subscriptionId?: string; taxCode?: string; period?: string };
}

export interface PublicationRow extends PublishedWorkbooks {
  year_to_date: string;
  revised: Array<{ zoneCode: string }>;
}

export interface SubscriptionRow {
  zone_codes: string[] | null;
  audience: 'board' | 'public';
}

/** The monthly email of one subscriber: its zones, its audience's figures and workbook, its language. */
export async function composePublicationEmail(email: EmailRow, publication: PublicationRow, subscription: SubscriptionRow): Promise<EmailMessage> {
  const isPublic = subscription.audience === 'public';
  const figures = isPublic ? publication.public_figures : publication.figures;
  const inScope = (zoneCode: string) => subscription.zone_codes === null || subscription.zone_codes.includes(zoneCode);
  const zones: HeadlineZone[] = figures.latestQuarter.zones.filter((z) => inScope(z.zoneCode) && z.reportsExpected > 0);
  const workbook = await publicationWorkbook(publication, { zoneCodes: subscription.zone_codes, audience: subscription.audience, language: email.language });
  return publicationEmail({
    to: email.recipient,
    language: email.language,
    audience: subscription.audience,
    number: publication.id,
    latestQuarter: publication.latest_quarter,
    yearToDate: publication.year_to_date,
    zones,
    // The province total only to those who follow every zone; others get their zones alone.
    total: subscription.zone_codes === null ? { ...figures.latestQuarter.totals.all, zoneCode: 'all', zoneName: '' } : null,
    // A zone revised in both the quarter and the year to date is named once.
    revisedZones: [...new Set(publication.revised.map((r) => r.zoneCode))].filter(inScope),
    workbook: workbook.content,
    workbookName: workbook.filename,
  });
}

export function composeReminderEmail(email: EmailRow, enterpriseName: string): EmailMessage {
  const quarter = parseQuarter(email.payload.period!)!;
  return reminderEmail({
    to: email.recipient, kind: email.kind as 'reminder' | 'overdue', enterpriseName, taxCode: email.payload.taxCode!,
    quarter: email.payload.period!, dueDay: localDate(dueInstant(quarter)),
  });
}
