import { cpus, loadavg } from 'node:os';
import { Settings } from '@app/config';
import { formatTable } from '../demo/terminal-table';
import { assetsSection } from './assets-section';
import type { AddLine, Line } from './bench-lines';
import { BenchStack } from './bench-stack';
import { auditBench, AuditScale } from './disclosure-audit';
import { liveSection } from './live-section';
import { overviewSection } from './overview-section';
import { serviceSection } from './service-section';
import { summariesSection } from './summaries-section';

/** The parts `--only` names, in the order a full run takes them. */
const SECTIONS = ['service', 'summaries', 'overview', 'live', 'assets', 'audit'] as const;
type Section = (typeof SECTIONS)[number];

// A nation's publications are bounded (--national-publications): each takes long enough that 24 would make the
// bench the longest thing a developer runs; the first ones already hold both periods of a year and revisions.
const AUDIT_SCALES = (nationalPublications: number): Array<{ name: string; scale: AuditScale }> => [
  { name: 'province: 50 zones, 5,000 enterprises, 8 quarters', scale: { zones: 50, enterprises: 5_000, publications: 24 } },
  {
    name: 'nation: 400 zones, 20,000 enterprises, 8 quarters',
    scale: { zones: 400, enterprises: 20_000, publications: nationalPublications },
  },
];

/** The disclosure audit of each monthly publication against all earlier ones, in this process. */
async function auditSection(flags: Record<string, string>, log: (line: string) => void, add: AddLine): Promise<void> {
  for (const { name, scale } of AUDIT_SCALES(Number(flags['national-publications'] ?? 6))) {
    log(`Disclosure audit, ${name}, ${scale.publications} publications`);
    const cost = await auditBench(scale, log);
    add(
      `disclosure audit per publication, ${name}`,
      `mean ${cost.meanMs} ms, max ${cost.maxMs} ms over ${cost.publications}; peak ${cost.peakRssMb} MB resident; ` +
        `${cost.withheldPct} % of cells withheld, ${cost.heldBack} revisions held back`,
      'target < 60 s per publication',
      cost.maxMs < 60_000,
    );
  }
}

/** `--only overview,live`: those sections; without it, every one. */
function chosenSections(only: string | undefined): Section[] {
  if (only === undefined) return [...SECTIONS];
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`--only takes ${SECTIONS.join(', ')} (comma-separated), not ${unknown.join(', ')}`);
  return SECTIONS.filter((section) => names.includes(section));
}

/**
 * Measures what the installation promises next to baselines measured in the same run: intake rate and
 * p99 with the worker stopped and running, end-to-end rate, a 5,000-row upload, memory (service); year
 * summaries with 10 thousand and 1 million reports (summaries); the
 * board's overview over 1 million reports (overview); how soon an accepted report reaches an open page
 * (live); the scripts pages send (assets); the cost of the disclosure audit (audit, in this process).
 */
export async function bench(settings: Settings, flags: Record<string, string>, log: (line: string) => void): Promise<void> {
  const sections = chosenSections(flags.only);
  const seconds = Number(flags.seconds ?? 10);
  const lines: Line[] = [];
  const add: AddLine = (metric, measured, compared, ok) => {
    lines.push({ metric, measured, compared, ok });
    log(`  ${metric}: ${measured} (${compared})`);
  };
  // Figures taken on a machine others are using wander: its load says how much.
  log(
    `Machine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the start`,
  );
  if (sections.some((section) => section !== 'audit')) {
    const stack = await BenchStack.create(settings, flags['api-processes'] === undefined ? null : Number(flags['api-processes']));
    try {
      if (sections.includes('service')) await serviceSection(stack, seconds, log, add);
      if (sections.includes('summaries')) await summariesSection(stack, seconds, log, add);
      if (sections.includes('overview')) await overviewSection(stack, seconds, log, add);
      if (sections.includes('live')) await liveSection(stack, seconds, log, add);
      if (sections.includes('assets')) await assetsSection(stack, log, add);
    } finally {
      await stack.close();
    }
  }
  if (sections.includes('audit')) await auditSection(flags, log, add);
  log('');
  const verdict = (l: Line) => (l.ok === null ? '' : l.ok ? 'ok' : 'MISSED');
  log(
    formatTable(
      ['measure', 'measured', 'compared with', 'verdict'],
      lines.map((l) => [l.metric, l.measured, l.compared, verdict(l)]),
    ),
  );
}
