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

  async summarize(period: PeriodSpec, zoneCodes: readonly string[] | null): Promise<Summary> {
    return (await this.summarizeWithOutput(period, zoneCodes, [])).summary;
  }

  /**
   * The summary of `period` and the gross output of its zones in each of `outputQuarters` (the overview's
   * chart), from one read of the sums rather than a summary per quarter.
   */
  async summarizeWithOutput(
    period: PeriodSpec,
    zoneCodes: readonly string[] | null,
    outputQuarters: readonly string[],
  ): Promise<{ summary: Summary; outputByQuarter: QuarterOutput[] }> {
    const zones = await this.zones.listByKind(zoneCodes);
    const codes = zones.map((z) => z.code);
    const end = periodEnd(period);
    const quarters = period.quarters.map(formatQuarter);
    const [rows, expected, operatingProjects, targets, kindGrossOutput] = await Promise.all([
      this.sums.inPeriods([...new Set([...quartersNeeded(period), ...outputQuarters])], codes),
      this.enterprises.expectedReportsByZone(quarters, codes),
      // Operating at the end of the period.
      this.projects.operatingByZone(quarterLastDay(end), codes),
      this.targets.forYear(end.year, codes),
      // A share is within the whole zone kind: when only some zones are asked for (one zone, a board's
      // scope), their own total would make a lone park 100%, so the kind's output is read over all zones.
      zoneCodes === null ? Promise.resolve(undefined) : this.sums.grossOutputByKind(quarters),
    ]);
    return {
      summary: buildSummary({ period, zones, rows, expected, operatingProjects, targets, kindGrossOutput }),
      outputByQuarter: grossOutputByQuarter(rows, outputQuarters),
    };
  }
}
