import { Injectable } from '@nestjs/common';
import {
  EnterprisesRepository,
  ProjectsRepository,
  ZoneQuarterSumsRepository,
  ZonesRepository,
  ZoneTargetsRepository,
} from '@app/database';
import {
  buildSummary,
  formatQuarter,
  grossOutputByQuarter,
  PeriodSpec,
  periodEnd,
  quarterLastDay,
  quartersNeeded,
  QuarterOutput,
  Summary,
} from '@app/domain';

/** Reads stored zone-quarter sums and the registry as it was, and lets the domain derive the figures. */
@Injectable()
export class SummaryReader {
  constructor(
    private readonly zones: ZonesRepository,
    private readonly sums: ZoneQuarterSumsRepository,
    private readonly enterprises: EnterprisesRepository,
    private readonly projects: ProjectsRepository,
    private readonly targets: ZoneTargetsRepository,
  ) {}

  /** With `split`, every zone and total also carries its FDI and domestic blocks (`?by=ownership`). */
  async summarize(period: PeriodSpec, zoneCodes: readonly string[] | null, split = false): Promise<Summary> {
    return (await this.summarizeWithOutput(period, zoneCodes, [], split)).summary;
  }

  /**
   * The summary of `period` and the gross output of its zones in each of `outputQuarters` (the overview's
   * chart), from one read of the sums rather than a summary per quarter.
   */
  async summarizeWithOutput(
    period: PeriodSpec,
    zoneCodes: readonly string[] | null,
    outputQuarters: readonly string[],
    split = false,
  ): Promise<{ summary: Summary; outputByQuarter: QuarterOutput[] }> {
    const zones = await this.zones.listByKind(zoneCodes);
    const codes = zones.map((z) => z.code);
    const end = periodEnd(period);
    const quarters = period.quarters.map(formatQuarter);
    const day = quarterLastDay(end);
    const [rows, expected, operatingProjects, targets, kindGrossOutput, blocks] = await Promise.all([
      this.sums.inPeriods([...new Set([...quartersNeeded(period), ...outputQuarters])], codes),
      this.enterprises.expectedReportsByZone(quarters, codes),
      // Operating at the end of the period.
      this.projects.operatingByZone(day, codes),
      this.targets.forYear(end.year, codes),
      // A share is within the whole zone kind: when only some zones are asked for (one zone, a board's
      // scope), their own total would make a lone park 100%, so the kind's output is read over all zones.
      zoneCodes === null ? Promise.resolve(undefined) : this.sums.grossOutputByKind(quarters),
      // Only a split summary reads the registry per block; the plain one stays as cheap as before.
      split ? this.blockCounts(quarters, day, codes) : Promise.resolve(undefined),
    ]);
    return {
      summary: buildSummary({ period, zones, rows, expected, operatingProjects, targets, kindGrossOutput, blocks }),
      outputByQuarter: grossOutputByQuarter(rows, outputQuarters),
    };
  }

  private async blockCounts(quarters: readonly string[], day: string, codes: readonly string[]) {
    const [expected, operatingProjects] = await Promise.all([
      this.enterprises.expectedReportsByZoneAndBlock(quarters, codes),
      this.projects.operatingByZoneAndBlock(day, codes),
    ]);
    return { expected, operatingProjects };
  }
}
