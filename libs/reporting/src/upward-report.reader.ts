import { Injectable } from '@nestjs/common';
import { ProjectsRepository, ZoneLandRepository, ZonesRepository } from '@app/database';
import { buildUpwardReport, PeriodSpec, periodEnd, quarterLastDay, UpwardReport } from '@app/domain';
import { SummaryReader } from './summary.reader';

/**
 * The board's report to the ministry over the zones among `zoneCodes` (null: every zone): the summary split
 * by ownership as `GET /v1/summaries?by=ownership` reads it, and the registry the plan reads, on the period's last day.
 */
@Injectable()
export class UpwardReportReader {
  constructor(
    private readonly summaries: SummaryReader,
    private readonly zones: ZonesRepository,
    private readonly land: ZoneLandRepository,
    private readonly projects: ProjectsRepository,
  ) {}

  async read(period: PeriodSpec, zoneCodes: readonly string[] | null): Promise<UpwardReport> {
    const [summary, zones] = await Promise.all([this.summaries.summarize(period, zoneCodes, true), this.zones.planFacts(zoneCodes)]);
    const codes = zones.map((z) => z.code);
    const [land, projects] = await Promise.all([this.land.history(codes), this.projects.onDay(quarterLastDay(periodEnd(period)), codes)]);
    return buildUpwardReport({ period, summary, zones, land, projects });
  }
}
