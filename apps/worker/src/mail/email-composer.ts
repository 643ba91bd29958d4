import { dueInstant, localDate, parseQuarter, PublishedFigures } from '@app/domain';
import { EmailMessage, HeadlineZone, publicationEmail, reminderEmail } from '@app/mail';

export interface EmailRow {
  id: string;
  kind: 'publication' | 'reminder' | 'overdue';
  recipient: string;
  language: 'vi' | 'en';
  payload: { publicationId?: number; subscriptionId?: string; taxCode?: string; period?: string };
}

export interface PublicationRow {
  id: number;
  latest_quarter: string;
  year_to_date: string;
  figures: PublishedFigures;
  public_figures: PublishedFigures;
  revised: Array<{ zoneCode: string }>;
  workbook: Buffer;
  public_workbook: Buffer;
}

export interface SubscriptionRow {
  zone_codes: string[] | null;
  audience: 'board' | 'public';
}

/** The monthly email of one subscriber: its zones, its audience's figures and workbook, its language. */
export function composePublicationEmail(email: EmailRow, publication: PublicationRow, subscription: SubscriptionRow): EmailMessage {
  const isPublic = subscription.audience === 'public';
  const figures = isPublic ? publication.public_figures : publication.figures;
  const inScope = (zoneCode: string) => subscription.zone_codes === null || subscription.zone_codes.includes(zoneCode);
  const zones: HeadlineZone[] = figures.latestQuarter.zones.filter((z) => inScope(z.zoneCode) && z.reportsExpected > 0);
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
    revisedZones: publication.revised.map((r) => r.zoneCode).filter(inScope),
    workbook: isPublic ? publication.public_workbook : publication.workbook,
    workbookName: `so-lieu-kcn-so-${publication.id}-${publication.latest_quarter}.xlsx`,
  });
}

export function composeReminderEmail(email: EmailRow, enterpriseName: string): EmailMessage {
  const quarter = parseQuarter(email.payload.period!)!;
  return reminderEmail({
    to: email.recipient, kind: email.kind as 'reminder' | 'overdue', enterpriseName, taxCode: email.payload.taxCode!,
    quarter: email.payload.period!, dueDay: localDate(dueInstant(quarter)),
  });
}
