import { Injectable } from '@nestjs/common';
import { PublicationHeader, PublicationsRepository } from '@app/database';
import { SummaryJson, toLocalIso } from '@app/domain';
import { Problem } from '../common/problem';

/** A period's public figures as `GET /v1/public/summaries` serves them: the summary and the publication it is from. */
export type PublicSummaryView = SummaryJson & { publication: { id: number; publishedAt: string }; asOf: string };

/** The published figures anyone may read, after disclosure control: one reader for the API and the public page. */
@Injectable()
export class PublicSummaries {
  constructor(private readonly publications: PublicationsRepository) {}

  /**
   * The figures of the latest publication whose quarter or year to date is exactly `quarters`; null when none is.
   * With `split`, every zone and total with its FDI and domestic blocks (422 when that publication published none).
   */
  async covering(quarters: readonly string[], split = false): Promise<PublicSummaryView | null> {
    const published = await this.publications.latestPublicSummary(quarters);
    if (!published) return null;
    const { summary, publicationId } = published;
    if (split && summary.totals.all.blocks === undefined) {
      throw Problem.field(
        422,
        'by',
        'NOT_PUBLISHED',
        `publication ${publicationId}, the latest of this period, was made before blocks (FDI and domestic) ` +
          'were published and carries none',
      );
    }
    const publishedAt = toLocalIso(published.publishedAt);
    return { ...(split ? summary : withoutBlocks(summary)), publication: { id: publicationId, publishedAt }, asOf: publishedAt };
  }

  /** The latest publication, whose quarter the public page shows when no period is asked for. */
  async latest(): Promise<PublicationHeader | null> {
    return (await this.publications.page(null, 1))[0] ?? null;
  }
}

function withoutBlocks(summary: SummaryJson): SummaryJson {
  const drop = <T extends { blocks?: unknown }>({ blocks, ...figures }: T) => figures;
  return {
    ...summary,
    zones: summary.zones.map(drop),
    totals: {
      industrial_park: drop(summary.totals.industrial_park),
      industrial_cluster: drop(summary.totals.industrial_cluster),
      all: drop(summary.totals.all),
    },
  };
}
