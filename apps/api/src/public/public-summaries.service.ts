import { Injectable } from '@nestjs/common';
import { PublicationHeader, PublicationsRepository } from '@app/database';
import { SummaryJson, toLocalIso } from '@app/domain';

/** A period's public figures as `GET /v1/public/summaries` serves them: the summary and the publication it is from. */
export type PublicSummaryView = SummaryJson & { publication: { id: number; publishedAt: string }; asOf: string };

/** The published figures anyone may read, after disclosure control: one reader for the API and the public page. */
@Injectable()
export class PublicSummaries {
  constructor(private readonly publications: PublicationsRepository) {}

  /** The figures of the latest publication whose quarter or year to date is exactly `quarters`; null when none is. */
  async covering(quarters: readonly string[]): Promise<PublicSummaryView | null> {
    const published = await this.publications.latestPublicSummary(quarters);
    if (!published) return null;
    const publishedAt = toLocalIso(published.publishedAt);
    return { ...published.summary, publication: { id: published.publicationId, publishedAt }, asOf: publishedAt };
  }

  /** The latest publication, whose quarter the public page shows when no period is asked for. */
  async latest(): Promise<PublicationHeader | null> {
    return (await this.publications.page(null, 1))[0] ?? null;
  }
}
