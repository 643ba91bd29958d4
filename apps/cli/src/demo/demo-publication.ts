import { readdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pressParagraphs, SummaryJson } from '@app/domain';
import { HttpClient } from '../processes/http-client';
import { emailSnapshots } from './email-snapshots';

const SUBSCRIBERS = [
  { email: 'ubnd-tinh@laocai.example', zoneCodes: 'all', language: 'vi', audience: 'board' },
  { email: 'bql-duyenhai@laocai.example', zoneCodes: ['BDH', 'DPM'], language: 'vi', audience: 'board' },
  { email: 'newsroom@press.example', zoneCodes: 'all', language: 'en', audience: 'public' },
];

interface DemoPublication {
  number: number;
  latestQuarter: string;
  yearToDate: string;
  filingQuarter: string;
}

/**
 * The publication of 1 April 2025 (whose year to date is the whole of 2024) with the press paragraph
 * drafted for Bắc Duyên Hải from its public figures, then the monthly publication of 1 November 2025
 * (2025-Q3, its year to date, and the filing status of 2025-Q3) and the emails it sends; returns lines to print.
 */
export async function publishDemoMonth(http: HttpClient, admin: string, mailDir: string): Promise<string[]> {
  const dir = resolve(mailDir);
  await rm(dir, { recursive: true, force: true });
  // April's publication, before anyone subscribes, puts the whole of 2024 in public (its year to date).
  const april = await http.post<{ id: string }>('/v1/publications', { asOf: '2025-04-01' }, admin);
  if (april.status !== 202) throw new Error(`publication: ${april.status} ${JSON.stringify(april.body)}`);
  const first = await builtPublication(http, april.headers.get('location')!, admin);
  const year2024 = (await http.get<SummaryJson>('/v1/public/summaries?period=2024')).body;
  const [drafted] = pressParagraphs(year2024, { allZones: false, inScope: (zone) => zone === 'BDH' });
  for (const s of SUBSCRIBERS) {
    const r = await http.post('/v1/subscriptions', s, admin);
    if (r.status !== 201) throw new Error(`subscription ${s.email}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const requested = await http.post<{ id: string }>('/v1/publications', { asOf: '2025-11-01' }, admin);
  if (requested.status !== 202) throw new Error(`publication: ${requested.status} ${JSON.stringify(requested.body)}`);
  const p = await builtPublication(http, requested.headers.get('location')!, admin);
  const deadline = Date.now() + 30_000;
  let files: string[] = [];
  while (files.length < SUBSCRIBERS.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.eml'));
  }
  const publicQ3 = (await http.get<{ zones: Array<{ zoneCode: string; withheld: string[] }> }>('/v1/public/summaries?period=2025-Q3')).body;
  const withheld = publicQ3.zones.filter((z) => z.withheld.includes('grossOutput')).map((z) => z.zoneCode);
  return [
    `   publication no. ${first.number} (1 April 2025): ${first.latestQuarter}, year to date ${first.yearToDate};`,
    '   drafted for the press from its public figures:',
    `     ${drafted ?? '(Bắc Duyên Hải 2024 is withheld)'}`,
    `   publication no. ${p.number}: ${p.latestQuarter}, year to date ${p.yearToDate}, filing status of ${p.filingQuarter}`,
    `   public figures (GET /v1/public/summaries?period=2025-Q3) withhold ${withheld.join(', ') || 'nothing'} to protect each enterprise`,
    `   ${files.length} emails (no SMTP_URL set, so written as .eml files) in ${dir}:`,
    ...files.sort().map((f) => `     ${f}`),
    ...(await emailSnapshots(dir, files)),
  ];
}

/** The publication a request's Location leads to once the worker has built it (fetch follows the 303). */
async function builtPublication(http: HttpClient, location: string, admin: string): Promise<DemoPublication> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await http.get<DemoPublication | { status: 'pending' }>(location, admin);
    if (r.status === 200 && !('status' in r.body)) return r.body;
    if (Date.now() > deadline) throw new Error(`publication not built within a minute: ${r.status} ${JSON.stringify(r.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
