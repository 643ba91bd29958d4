import fc from 'fast-check';
import { SeededRandom } from '@app/common';
import { createEnterprise, createZone, reportBody, submitAndDecide } from './support/fixtures';
import { FuzzRequest, OpenApiDocument, operationsOf, requestsFor } from './support/openapi-fuzz';
import { Reply } from './support/http-client';
import { startTestSystem, TestSystem } from './support/test-system';

/*
 * Property-based fuzzing of every operation of the OpenAPI document the api serves: path and query
 * parameters and bodies generated from the schemas, most with something hostile in them (wrong types,
 * huge numbers and strings, NUL and lone surrogates, deep nesting, unknown fields, nulls), sent with an
 * admin and an enterprise token. Whatever arrives, the answer is never a 5xx and every 4xx is problem
 * details. Replay with TEST_SEED=<seed>; FUZZ_RUNS sets the requests per operation.
 */
const seed = SeededRandom.fromEnv().seed;
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
// The schema examples name these, so generated requests also reach past the registry look-ups.
const EXAMPLE_ZONES = ['BDH', 'TL'];
const EXAMPLE_TAX_CODE = '5300123456';

describe(`request fuzzing from the OpenAPI document (seed ${seed}, ${RUNS} requests per operation)`, () => {
  let sys: TestSystem;
  let doc: OpenApiDocument;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    sys = await startTestSystem('fuzzing');
    tokens.admin = await sys.token({ role: 'admin', name: 'admin' });
    tokens.enterprise = await sys.token({ role: 'enterprise', name: 'DN', taxCode: EXAMPLE_TAX_CODE });
    for (const zone of EXAMPLE_ZONES) await createZone(sys.http, tokens.admin, zone);
    await createEnterprise(sys.http, tokens.admin, EXAMPLE_TAX_CODE, 'TL');
    await submitAndDecide(sys.http, tokens.admin, reportBody(EXAMPLE_TAX_CODE, '2025-Q2'));
    doc = (await sys.http.get('/docs-json')).body;
  }, 60_000);
  afterAll(() => sys?.close(), 30_000);

  const send = (r: FuzzRequest): Promise<Reply> => {
    const headers: Record<string, string> = {};
    let raw: string | FormData | undefined;
    if (typeof r.body === 'string') {
      raw = r.body;
      headers['content-type'] = 'application/json';
    } else if (r.body) {
      raw = new FormData();
      raw.append('file', new Blob([Buffer.from(r.body.content)]), r.body.fileName);
    }
    return sys.http.request(r.method, r.url, { token: tokens[r.role], raw, headers });
  };

  /** Never a 5xx; a 4xx is problem details with its type, title, status and detail. */
  function answerIsSound(r: FuzzRequest, reply: Reply): void {
    const sent = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    const shown = `${r.role} ${r.method} ${r.url} ${sent?.slice(0, 300)}`;
    if (reply.status >= 500) throw new Error(`${reply.status} for ${shown}: ${JSON.stringify(reply.body).slice(0, 300)}`);
    if (reply.status < 400) return;
    const body = reply.body as Record<string, unknown>;
    const problem =
      /^application\/problem\+json/.test(reply.headers.get('content-type') ?? '') &&
      typeof body.type === 'string' &&
      typeof body.title === 'string' &&
      body.status === reply.status &&
      typeof body.detail === 'string';
    if (!problem)
      throw new Error(
        `${reply.status} without problem details for ${shown}: ${reply.headers.get('content-type')} ${JSON.stringify(body).slice(0, 300)}`,
      );
  }

  it('documents every operation with the schemas the fuzzer generates from', () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(40);
    const report = doc.components.schemas.SubmitReportDto;
    expect(report.required).toEqual(expect.arrayContaining(['taxCode', 'period', 'production', 'employment', 'wages']));
    expect(report.properties!.period).toMatchObject({ pattern: expect.any(String) });
    expect(doc.components.schemas.ProductionDto.properties!.grossOutput).toMatchObject({ maxLength: 16, pattern: expect.any(String) });
  });

  // The document is read once the api runs, so the operations are walked inside one test; a failure names its operation.
  it('answers every operation without a 5xx, with problem details for every 4xx', async () => {
    const started = Date.now();
    let requests = 0;
    for (const op of operationsOf(doc)) {
      await fc
        .assert(
          fc.asyncProperty(requestsFor(op, doc, ['admin', 'admin', 'enterprise']), async (request: FuzzRequest) => {
            requests++;
            answerIsSound(request, await send(request));
          }),
          { seed, numRuns: RUNS, endOnFailure: true },
        )
        .catch((error: Error & { cause?: Error }) => {
          throw new Error(`${op.method} ${op.path}: ${error.cause?.message ?? ''}\n${error.message.split('\n').slice(0, 2).join('\n')}`);
        });
    }
    expect((await sys.http.get('/health/live')).status).toBe(200);
    console.log(`request fuzzing: ${requests} requests in ${Date.now() - started} ms (seed ${seed})`);
  }, 180_000);
});
