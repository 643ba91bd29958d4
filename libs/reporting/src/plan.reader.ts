import { Injectable } from '@nestjs/common';
import { PlanTargetsRepository, ProjectsRepository, ZoneLandRepository, ZoneQuarterSumsRepository, ZonesRepository } from '@app/database';
import { planOccupancy, planProgress, planQuarters, TargetProgress, ZoneOccupancy } from '@app/domain';

export interface PlanAsOf {
  readonly asOf: string;
  readonly targets: TargetProgress[];
  readonly occupancy: ZoneOccupancy[];
}

/** Reads the plan's targets, the registry of the zones asked for and their sums; the domain computes the plan as of a day. */
@Injectable()
export class PlanReader {
  constructor(
    private readonly targets: PlanTargetsRepository,
    private readonly zones: ZonesRepository,
    private readonly land: ZoneLandRepository,
    private readonly projects: ProjectsRepository,
    private readonly sums: ZoneQuarterSumsRepository,
  ) {}

  /** The plan as of `asOf` over the zones among `zoneCodes` (null: every zone). */
  async planAsOf(asOf: string, zoneCodes: readonly string[] | null): Promise<PlanAsOf> {
    const [targets, zones] = await Promise.all([this.targets.list(), this.zones.planFacts(zoneCodes)]);
    const codes = zones.map((z) => z.code);
    const [land, projects, rows] = await Promise.all([
      this.land.history(codes),
      this.projects.inZones(codes),
      this.sums.inPeriods(
        planQuarters(
          targets.map((t) => t.key),
          asOf,
        ),
        codes,
      ),
    ]);
    const facts = { zones, land, projects, rows };
    return { asOf, targets: planProgress(targets, facts, asOf), occupancy: planOccupancy(facts, asOf) };
  }
}
