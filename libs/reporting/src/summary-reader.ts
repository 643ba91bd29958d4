import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AGGREGATE_SELECT, toAggregateRow } from '@app/database';
import {
  buildSummary, formatQuarter, PeriodSpec, periodEnd, quarterLastDay, quartersNeeded, Summary, ZoneInfo, ZoneKind,
} from '@app/domain';

const countsByZone = (rows: Array<{ zone_code: string; n: number }>) => new Map(rows.map((r) => [r.zone_code, Number(r.n)]));

/** Reads stored zone-quarter sums and the registry as it was, and lets the domain derive the figures. */
@Injectable()
export class SummaryReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async summarize(period: PeriodSpec, zoneCodes: readonly string[] | null): Promise<Summary> {
    const zones: ZoneInfo[] = await this.db.query(
      'SELECT code, name, kind FROM zones WHERE ($1::text[] IS NULL OR code = ANY($1)) ORDER BY kind, code',
      [zoneCodes],
    );
    const codes = zones.map((z) => z.code);
    const end = periodEnd(period);
    const endDay = quarterLastDay(end);
    const [rows, expected, projects, targets, kindOutputs] = await Promise.all([
      this.db.query(`SELECT ${AGGREGATE_SELECT} FROM zone_quarter_aggregates WHERE period = ANY($1) AND zone_code = ANY($2)`, [quartersNeeded(period), codes]),
      // Enterprise-quarters in which the enterprise operated, from the registry folded into spans.
      this.db.query(
        `SELECT s.zone_code, sum(s.enterprises)::int AS n
         FROM enterprise_quarter_spans s JOIN unnest($1::text[]) AS q(period) ON s.first_quarter <= q.period AND s.last_quarter >= q.period
         WHERE s.zone_code = ANY($2) GROUP BY s.zone_code`,
        [period.quarters.map(formatQuarter), codes],
      ),
      // Operating at the end of the period: started by then, not ended by then, not stopped without a date.
      this.db.query(
        `SELECT zone_code, count(*)::int AS n FROM projects
         WHERE zone_code = ANY($2) AND operating_from <= $1::date AND (ended_at IS NULL OR ended_at > $1::date)
           AND NOT (ended_at IS NULL AND status IN ('suspended', 'terminated'))
         GROUP BY zone_code`,
        [endDay, codes],
      ),
      this.db.query('SELECT zone_code, gross_output_constant_2010::text AS target FROM zone_targets WHERE year = $1 AND zone_code = ANY($2)', [end.year, codes]),
      // A share is within the whole zone kind: when only some zones are asked for (one zone, a board's
      // scope), their own total would make a lone park 100%, so the kind's output is read over all zones.
      zoneCodes === null ? Promise.resolve(null) : this.db.query(
        `SELECT z.kind, sum(a.gross_output)::text AS output FROM zone_quarter_aggregates a JOIN zones z ON z.code = a.zone_code
         WHERE a.period = ANY($1) AND a.reports > 0 GROUP BY z.kind`,
        [period.quarters.map(formatQuarter)],
      ),
    ]);
    return buildSummary({
      period,
      zones,
      rows: rows.map(toAggregateRow),
      expected: countsByZone(expected),
      operatingProjects: countsByZone(projects),
      targets: new Map(targets.map((t: { zone_code: string; target: string }) => [t.zone_code, BigInt(t.target)])),
      kindGrossOutput: kindOutputs === null ? undefined : new Map(kindOutputs.map((k: { kind: ZoneKind; output: string }) => [k.kind, BigInt(k.output)])),
    });
  }
}

