import fc from 'fast-check';
import { SeededRandom } from '@app/common';
import { reportBody, reportWithFields, WRONG_TYPES } from './support/fixtures';
import { validateOnBothPaths } from './support/validation-paths';

/*
 * The report's compiled validator against class-transformer and class-validator, the way every report
 * was checked before it: the same answer to every body (the same status, problem details, codes, field
 * paths and messages, or the same value for the handler), over the bodies the request-validation and
 * input-limits suites send and a property-based sample. Replay with TEST_SEED=<seed>; VALIDATION_SAMPLE
 * sets the sample's size.
 */
const seed = SeededRandom.fromEnv().seed;
const SAMPLE = Number(process.env.VALIDATION_SAMPLE ?? 3000);
const TAX = '5300000031';
const valid = reportBody(TAX, '2025-Q2');
const withFields = (changes: Record<string, unknown>) => reportWithFields(valid, changes);

// What the request-validation and input-limits suites post to /v1/reports, and variations of them.
const SUITE_BODIES: unknown[] = [
  valid,
  {},
  [],
  [{ taxCode: TAX }],
  TAX,
  42,
  null,
  true,
  withFields(WRONG_TYPES),
  withFields({ 'production.grossOutput': 1500000000.5 }),
  withFields({ 'wages.wageFund': '2100000000.00' }),
  withFields({ 'production.exportValueUsd': '1e6' }),
  withFields({ 'production.grossOutput': 2 ** 53 + 2 }),
  // eslint-disable-next-line no-loss-of-precision -- a JSON number past 2^53 is the input under test
  withFields({ 'production.revenue': 12345678901234567890 }),
  withFields({ 'production.grossOutput': '12345678901234567890' }),
  withFields({ 'wages.wageFund': '9'.repeat(40) }),
  withFields({
    'production.grossOutput': '9007199254740993',
    'production.revenue': '9999999999999999',
    'production.exportValueUsd': '999999999999',
  }),
  withFields({ 'production.grossOutput': -1 }),
  withFields({ 'wages.wageFund': '-2100000000', investment: { realizedCapital: -5 } }),
  withFields({ 'employment.workers': -3 }),
  withFields({ 'production.grossOutput': 1.5, 'production.revenue': -1, period: '2025-Q7' }),
  { ...withFields({ 'production.grossOutputUsd': 5, 'employment.contractors': 3 }), comment: 'xin chào' },
  withFields({ 'production.revenue': undefined, 'employment.workers': undefined, wages: undefined, period: undefined }),
  reportBody(TAX, '2025-Q1'),
  ...['53000000', '5300000031-1', '530000003A', ' 5300000031', '5300000031-001'].map((taxCode) => withFields({ taxCode })),
  ...['2025-Q5', '2025Q3', '2025', '2025-q3', '', '1999-Q4', '2100-Q1'].map((period) => withFields({ period })),
  withFields({ taxCode: '123', period: '2025-13' }),
  { ...valid, note: 'x'.repeat(60 * 1024) },
  reportBody(TAX, '2024-Q4', { grossOutput: '5000000000', revenue: '1100000000', wageFund: '2100000000' }),
  ...['2025-07-05T09:00:00+07:00', '2025-07-05', '1999-12-31T23:59:59+07:00', '2100-01-01T00:00:00Z', '2025-07-05T09:00+07:00'].map(
    (receivedAt) => ({ ...valid, receivedAt }),
  ),
  { ...valid, receivedAt: 20250705 },
  withFields({ taxCode: '5300000071\u0000' }),
  withFields({ 'employment.workers': 10_000_001, 'employment.femaleWorkers': 10_000_000, 'production.importValueUsd': 1e12 }),
  withFields({ investment: null, receivedAt: null, 'production.stateBudgetPaid': null, 'production.revenue': null }),
  { ...valid, toString: 1, constructor: 'x', prototype: {}, valueOf: null, hasOwnProperty: [] },
  withFields({ 'wages.constructor': 1, 'production.toString': 2, 'employment.prototype': 3 }),
];

// Values a field may be sent: of its kind, of other kinds, at and beyond its limits.
const scalar = fc.oneof(
  fc.constantFrom(null, true, false, 0, -0, 1, -1, 1.5, 2 ** 53, 2 ** 53 + 2, 1e12, 1e16, -1e16, 2 ** 60),
  fc.constantFrom('', ' ', '0', '-0', '-5', '1.0', '1e3', '00012', '9'.repeat(17), '9999999999999999', '999999999999', '10000000'),
  fc.constantFrom(TAX, '5300000031-001', '2025-Q3', '2000-Q1', '2099-Q4', '2025-Q0', '2025-10-05T09:30:00+07:00', '2025-10-05'),
  fc.integer({ min: -10, max: 20_000_000 }),
  fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }),
);
const value = fc.oneof(
  { weight: 6, arbitrary: scalar },
  fc.constant([]),
  fc.array(scalar, { maxLength: 2 }),
  fc.constant({}),
  fc.dictionary(fc.string({ maxLength: 3 }), scalar, { maxKeys: 2 }),
);
// Unknown keys, keys that hold no data (dropped before the rules), and fields of the other sections.
const strayKey = fc.constantFrom('comment', 'x', 'toString', 'constructor', 'prototype', 'valueOf', 'grossOutput', 'workers', 'taxCode');

const SECTIONS: Record<string, readonly string[]> = {
  production: ['grossOutput', 'grossOutputConstant2010', 'revenue', 'exportValueUsd', 'importValueUsd', 'stateBudgetPaid'],
  investment: ['realizedCapital'],
  employment: ['workers', 'femaleWorkers', 'foreignWorkers', 'localWorkers', 'averageWorkers'],
  wages: ['wageFund'],
};

/** Mostly `usual`, now and then anything: most bodies break one rule or none, some break many. */
const mostly = (usual: fc.Arbitrary<unknown>) => fc.oneof({ weight: 25, arbitrary: usual }, value);

/** An object with `fields`, each now and then left out, and now and then stray keys before or after them. */
function objectOf(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(fields).map(([key, arbitrary]) => fc.option(arbitrary, { nil: undefined, freq: 25 }).map((v) => [key, v]));
  const stray = fc.oneof({ weight: 10, arbitrary: fc.constant({}) }, fc.dictionary(strayKey, value, { minKeys: 1, maxKeys: 2 }));
  return fc.tuple(fc.tuple(...entries), stray, fc.boolean()).map(([pairs, extra, strayFirst]) => {
    const own = Object.fromEntries((pairs as Array<[string, unknown]>).filter(([, v]) => v !== undefined));
    return strayFirst ? { ...extra, ...own } : { ...own, ...extra };
  });
}

const count = fc.integer({ min: 0, max: 5_000_000 });
const money = fc.oneof(count, fc.bigInt({ min: 0n, max: 10n ** 16n - 1n }).map(String));
const FIGURES: Record<string, fc.Arbitrary<unknown>> = {
  production: money,
  investment: money,
  employment: count,
  wages: money,
};
// A section is an object most often, else anything but an array (see the test of arrays below).
const section = (name: string, keys: readonly string[]) =>
  fc.oneof({ weight: 25, arbitrary: objectOf(Object.fromEntries(keys.map((k) => [k, mostly(FIGURES[name])]))) }, scalar);
const body = objectOf({
  taxCode: mostly(fc.constantFrom(TAX, '5300000031-001')),
  period: mostly(fc.constantFrom('2025-Q2', '2024-Q4')),
  ...Object.fromEntries(Object.entries(SECTIONS).map(([name, keys]) => [name, section(name, keys)])),
  receivedAt: mostly(fc.constant('2025-07-05T09:00:00+07:00')),
});

describe(`report validation: the compiled validator answers as class-validator did (seed ${seed}, ${SAMPLE} bodies)`, () => {
  it('gives the same answer to every body the validation suites send', async () => {
    const answers = await validateOnBothPaths(SUITE_BODIES);
    answers.forEach((a, i) =>
      expect({ body: SUITE_BODIES[i], answer: a.compiled }).toEqual({ body: SUITE_BODIES[i], answer: a.reflective }),
    );
    // Both kinds of answer are there: stored reports and refusals of each status.
    expect(new Set(answers.map((a) => a.compiled.status ?? 202))).toEqual(new Set([202, 400, 422]));
  });

  it('gives the same answer to a property-based sample of bodies', async () => {
    const bodies = fc.sample(body, { seed, numRuns: SAMPLE });
    const answers = await validateOnBothPaths(bodies);
    const differing = answers.map((a, i) => ({ body: bodies[i], ...a })).filter((a) => !equal(a.compiled, a.reflective));
    expect(differing.slice(0, 3)).toEqual([]);
    const statuses = answers.map((a) => a.compiled.status ?? 202);
    // The sample reaches every outcome, not only the first refusal.
    for (const status of [202, 400, 422]) expect(statuses.filter((s) => s === status).length).toBeGreaterThan(SAMPLE / 50);
  }, 60_000);

  it('refuses an array where a section belongs (400 NOT_AN_OBJECT), where class-validator checked its items', async () => {
    const bodies = [withFields({ production: [] }), withFields({ investment: [{ realizedCapital: 5 }] }), withFields({ wages: [null, 1] })];
    const answers = await validateOnBothPaths(bodies);
    expect(answers.map((a) => a.compiled.problem)).toEqual(
      ['production', 'investment', 'wages'].map((field) =>
        expect.objectContaining({ status: 400, errors: [{ field, code: 'NOT_AN_OBJECT', message: `${field} must be a JSON object` }] }),
      ),
    );
    // Before, an empty list passed with the section's figures lost.
    expect(answers[0].reflective.value).toMatchObject({ production: [] });
  });
});

function equal(a: unknown, b: unknown): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}
