import { HttpClient } from './http-client';

export interface ReportFigures {
  grossOutput?: number | string;
  grossOutputConstant2010?: number | string;
  revenue?: number | string;
  exportValueUsd?: number | string;
  importValueUsd?: number | string;
  stateBudgetPaid?: number | string;
  realizedCapital?: number | string;
  workers?: number;
  femaleWorkers?: number;
  foreignWorkers?: number;
  localWorkers?: number;
  averageWorkers?: number;
  wageFund?: number | string;
}

/** The first two rows of an upload with the required figures: labels, then field paths. */
export const CSV_HEAD =
  'Mã số thuế,Kỳ,GTSX,Doanh thu,Lao động,Quỹ lương\n' +
  'taxCode,period,production.grossOutput,production.revenue,employment.workers,wages.wageFund\n';

/** A report body in the API's JSON shape; figures left undefined are not sent. */
export function reportBody(taxCode: string, period: string, f: ReportFigures = {}) {
  const pick = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return {
    taxCode,
    period,
    production: pick({
      grossOutput: f.grossOutput ?? 1_000_000_000,
      grossOutputConstant2010: f.grossOutputConstant2010,
      revenue: f.revenue ?? 1_100_000_000,
      exportValueUsd: f.exportValueUsd,
      importValueUsd: f.importValueUsd,
      stateBudgetPaid: f.stateBudgetPaid,
    }),
    ...(f.realizedCapital !== undefined ? { investment: { realizedCapital: f.realizedCapital } } : {}),
    employment: pick({
      workers: f.workers ?? 100,
      femaleWorkers: f.femaleWorkers,
      foreignWorkers: f.foreignWorkers,
      localWorkers: f.localWorkers,
      averageWorkers: f.averageWorkers,
    }),
    wages: { wageFund: f.wageFund ?? 2_100_000_000 },
  };
}

/** Changes to a report (for reportWithFields) that give every kind of field a value of a wrong JSON type. */
export const WRONG_TYPES = {
  taxCode: 5300000031,
  'production.grossOutput': 'bốn mươi tỷ',
  'production.revenue': true,
  'employment.workers': '175',
  'employment.femaleWorkers': 60.5,
  'wages.wageFund': { amount: 1 },
  investment: 'none',
};

/** A copy of `body` with some fields replaced: `{ 'production.grossOutput': 1.5 }`; undefined deletes. */
export function reportWithFields(body: object, changes: Record<string, unknown>): Record<string, any> {
  const copy = JSON.parse(JSON.stringify(body));
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    const parent = keys.slice(0, -1).reduce((o, k) => o[k], copy);
    if (value === undefined) delete parent[keys[keys.length - 1]];
    else parent[keys[keys.length - 1]] = value;
  }
  return copy;
}

export async function createZone(http: HttpClient, token: string, code: string, extra: Record<string, unknown> = {}) {
  const r = await http.post(
    '/v1/zones',
    {
      code,
      name: `Khu công nghiệp ${code}`,
      kind: 'industrial_park',
      locality: 'Lào Cai',
      wageRegion: 2,
      status: 'operating',
      ...extra,
    },
    token,
  );
  if (r.status !== 201) throw new Error(`zone ${code}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function createEnterprise(
  http: HttpClient,
  token: string,
  taxCode: string,
  zoneCode: string,
  extra: Record<string, unknown> = {},
) {
  const r = await http.post(
    '/v1/enterprises',
    {
      taxCode,
      name: `Công ty ${taxCode}`,
      zoneCode,
      ownership: 'domestic',
      operatingFrom: '2020-01-01',
      ...extra,
    },
    token,
  );
  if (r.status !== 201) throw new Error(`enterprise ${taxCode}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A project as a test registers it: what it leaves out is sent as not recorded. */
export interface ProjectRecord {
  code: string;
  taxCode: string;
  zoneCode: string;
  status: 'operating' | 'under_construction' | 'suspended' | 'terminated';
  operatingFrom?: string;
  endedAt?: string;
  registeredOn?: string;
  capital?: number;
  usd?: number;
  leasedHa?: number;
  leasedFrom?: string;
}

export async function createProject(http: HttpClient, token: string, p: ProjectRecord) {
  const r = await http.post(
    '/v1/projects',
    {
      code: p.code,
      name: `Dự án ${p.code}`,
      taxCode: p.taxCode,
      zoneCode: p.zoneCode,
      status: p.status,
      operatingFrom: p.operatingFrom ?? null,
      endedAt: p.endedAt ?? null,
      registeredOn: p.registeredOn ?? null,
      registeredCapital: p.capital ?? null,
      registeredCapitalUsd: p.usd ?? null,
      leasedHa: p.leasedHa ?? null,
      leasedFrom: p.leasedFrom ?? null,
    },
    token,
  );
  if (r.status !== 201) throw new Error(`project ${p.code}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Submits and returns the receipt, failing loudly on anything but 202. */
export async function submit(http: HttpClient, token: string, body: unknown, headers?: Record<string, string>) {
  const r = await http.post('/v1/reports', body, token, headers);
  if (r.status !== 202) throw new Error(`submit: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string; status: string; receivedAt: string };
}

/** Polls a report until the worker has decided on it. */
export async function verdict(http: HttpClient, token: string, id: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await http.get(`/v1/reports/${id}`, token);
    if (r.status !== 200) throw new Error(`report ${id}: ${r.status} ${JSON.stringify(r.body)}`);
    if (r.body.status !== 'received') return r.body;
    if (Date.now() > deadline) throw new Error(`report ${id} still received after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function submitAndDecide(http: HttpClient, token: string, body: unknown) {
  return verdict(http, token, (await submit(http, token, body)).id);
}
