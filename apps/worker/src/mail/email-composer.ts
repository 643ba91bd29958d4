import type { OutboxEmail, PublicationRecord, Subscription } from '@app/database';
import { dueInstant, localDate, parseQuarter, pressParagraphs, publicationChanges, PublishedFigures } from '@app/domain';
import { EmailMessage, HeadlineZone, publicationEmail, reminderEmail, returnEmail } from '@app/mail';
import { publicationWorkbook } from '@app/reporting';

/** Whom a publication email is for: their zones (null: all) and audience. */
export type Recipient = Pick<Subscription, 'zoneCodes' | 'audience'>;

/** The monthly email of one subscriber: its zones, its audience's figures and workbook, its language. */
export async function composePublicationEmail(
  email: OutboxEmail,
  publication: PublicationRecord,
  subscription: Recipient,
  previous: { readonly id: number; readonly publicFigures: PublishedFigures } | null,
  site: { readonly unsubscribeUrl: string; readonly pageUrl: string },
  byQuarter: ReadonlyArray<{ readonly quarter: string; readonly board: string | null; readonly public: string | null }>,
): Promise<EmailMessage> {
  const isPublic = subscription.audience === 'public';
  const figures = isPublic ? publication.publicFigures : publication.figures;
  const inScope = (zoneCode: string) => subscription.zoneCodes === null || subscription.zoneCodes.includes(zoneCode);
  const zones: HeadlineZone[] = figures.latestQuarter.zones.filter((z) => inScope(z.zoneCode) && z.reportsExpected > 0);
  const workbook = await publicationWorkbook(publication, {
    zoneCodes: subscription.zoneCodes,
    audience: subscription.audience,
    language: email.language,
  });
  return publicationEmail({
    to: email.recipient,
    language: email.language,
    audience: subscription.audience,
    number: publication.id,
    latestQuarter: publication.latestQuarter,
    yearToDate: publication.yearToDate,
    zones,
    // The province total only to those who follow every zone; others get their zones alone.
    total: subscription.zoneCodes === null ? { ...figures.latestQuarter.totals.all, zoneCode: 'all', zoneName: '' } : null,
    // A zone revised in both the quarter and the year to date is named once.
    revisedZones: [...new Set(publication.revised.map((r) => r.zoneCode))].filter(inScope),
    changes: previous
      ? publicationChanges(
          { number: previous.id, summary: previous.publicFigures.latestQuarter },
          publication.publicFigures.latestQuarter,
          inScope,
        )
      : null,
    ...site,
    // The province's figures over time, to those who get its total.
    byQuarter:
      subscription.zoneCodes === null ? byQuarter.map((q) => ({ quarter: q.quarter, grossOutput: isPublic ? q.public : q.board })) : [],
    pressDraft: isPublic
      ? []
      : pressParagraphs(publication.publicFigures.latestQuarter, { allZones: subscription.zoneCodes === null, inScope }),
    workbook: workbook.content,
    workbookName: workbook.filename,
  });
}

export function composeReminderEmail(email: OutboxEmail, enterpriseName: string, siteUrl: string): EmailMessage {
  const quarter = parseQuarter(email.payload.period!)!;
  return reminderEmail({
    to: email.recipient,
    kind: email.kind as 'reminder' | 'overdue',
    enterpriseName,
    taxCode: email.payload.taxCode!,
    quarter: email.payload.period!,
    dueDay: localDate(dueInstant(quarter)),
    siteUrl,
  });
}

export function composeReturnEmail(email: OutboxEmail, enterpriseName: string, message: string, siteUrl: string): EmailMessage {
  return returnEmail({
    to: email.recipient,
    enterpriseName,
    taxCode: email.payload.taxCode!,
    quarter: email.payload.period!,
    message,
    siteUrl,
  });
}
