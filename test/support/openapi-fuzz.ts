import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  oneOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
  example?: unknown;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly pathParams: readonly Parameter[];
  readonly queryParams: readonly Parameter[];
  readonly body: { readonly media: 'json' | 'multipart'; readonly schema: Schema } | null;
}

/** One request to send: the URL already encoded, the body as sent on the wire. */
export interface FuzzRequest {
  readonly method: string;
  readonly url: string;
  readonly body?: string | { fileName: string; content: string };
  readonly role: string;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const parameters = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const json = content['application/json'];
      const multipart = content['multipart/form-data'];
      return {
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        body: json
          ? { media: 'json' as const, schema: json.schema }
          : multipart
            ? { media: 'multipart' as const, schema: multipart.schema }
            : null,
      };
    }),
  );
}

// Characters PostgreSQL, XML or UTF-8 refuse, and characters that only look harmless.
const NASTY_CHARS = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\ud800',
  '\udfff',
  '\uffff',
  '\ufeff',
  '\u202e',
  '\r\n',
  '"',
  "'",
  '\\',
  '<',
  '%',
  '/',
  '..',
  '😀',
  'ờ',
  '\u0301',
];
const nastyChar = fc.constantFrom(...NASTY_CHARS);
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Strings a careless server chokes on: control characters, lone surrogates, huge lengths, numbers and dates out of range. */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.oneof(nastyChar, codeUnit, fc.constantFrom('a', '1', '-', 'Q')), maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1.5',
    '1e999',
    'NaN',
    'Infinity',
    'null',
    'true',
    '[]',
    '{}',
    '0000-Q1',
    '9999-Q4',
    '2025-Q0',
    '0000-01-01',
    '9999-12-31',
    '2025-02-30',
    '0000-01-01T00:00Z',
    '275760-09-13T00:00:00Z',
    '9'.repeat(40),
    '-9223372036854775809',
    '00000000-0000-0000-0000-000000000000',
    `'; DROP TABLE zones; --`,
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '\\u0000',
    '_x000D_',
    'all',
    'ALL',
  ),
  fc.integer({ min: 1000, max: 70_000 }).map((n) => 'x'.repeat(n)),
);

/** JSON text put in place as it is: values nested deeper than JSON.stringify itself can go. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A JSON value nested up to 5,000 levels deep. */
const deeplyNested = fc
  .tuple(fc.integer({ min: 30, max: 5000 }), fc.boolean())
  .map(
    ([depth, arrays]) => new RawJson(arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  );

/** The JSON text of a generated value, raw parts included. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof RawJson ? `\u0000raw${raws.push(v.text) - 1}\u0000` : v));
  return text === undefined ? 'null' : text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_, i: string) => raws[Number(i)]);
}

/** Values of every wrong type and size. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, -0.5, 2 ** 53 + 2, 1e308, -1e308, Number.MAX_SAFE_INTEGER) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: deeplyNested },
);

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Values the schema describes, often the documented example, so requests also reach past validation. */
export function schemaValue(schema: Schema, doc: OpenApiDocument): fc.Arbitrary<unknown> {
  if (schema.$ref) return schemaValue(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')], doc);
  const value = plainSchemaValue(schema, doc);
  return schema.nullable ? fc.option(value, { nil: null, freq: 4 }) : value;
}

function plainSchemaValue(schema: Schema, doc: OpenApiDocument): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.oneOf) return fc.oneof(...schema.oneOf.map((s) => schemaValue(s, doc)));
  const example = schema.example !== undefined && schema.example !== null ? [fc.constant(schema.example)] : [];
  switch (schema.type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const record = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, schemaValue(s, doc)]));
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    case 'array':
      return fc.array(schema.items ? schemaValue(schema.items, doc) : fc.string(), { minLength: 1, maxLength: 3 });
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? 1e12;
      const whole = fc.integer({ min: Math.ceil(min), max: Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER) });
      return fc.oneof(...example, whole, ...(schema.type === 'number' ? [fc.double({ min, max, noNaN: true })] : []));
    }
    case 'boolean':
      return fc.boolean();
    default: {
      if (schema.format === 'date')
        return fc.oneof(...example, fc.date({ min: new Date('1890-01-01'), max: new Date('2110-12-31'), noInvalidDate: true }).map(day));
      if (schema.format === 'date-time') {
        return fc.oneof(
          ...example,
          fc.date({ min: new Date('1990-01-01'), max: new Date('2110-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
        );
      }
      if (schema.format === 'email') return fc.oneof(...example, fc.emailAddress());
      if (schema.format === 'binary') return fc.string({ maxLength: 200 });
      if (schema.pattern) return fc.oneof(...example, fc.stringMatching(new RegExp(schema.pattern)));
      return fc.oneof(
        ...example,
        fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 600), unit: 'grapheme' }),
      );
    }
  }
}

/** Every place in a JSON value, as paths of keys. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || value instanceof RawJson) return [prefix];
  const children = Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => pathsOf(v, [...prefix, k]));
  return [prefix, ...children];
}

function setAt(value: unknown, path: string[], replacement: unknown, mode: 'replace' | 'extra' | 'delete'): unknown {
  if (path.length === 0) return mode === 'replace' ? replacement : value;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as never) : { ...(value as Record<string, unknown>) };
  const [head, ...rest] = path;
  if (rest.length > 0) copy[head] = setAt(copy[head], rest, replacement, mode);
  else if (mode === 'delete') delete copy[head];
  else if (mode === 'extra') copy[`${head}Extra`] = replacement;
  else copy[head] = replacement;
  return copy;
}

/** A value of the schema with one place made hostile: replaced, deleted, or given a sibling that does not exist. */
function mutated(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(base, fc.nat(), hostileValue, fc.constantFrom<'replace' | 'extra' | 'delete'>('replace', 'replace', 'extra', 'delete'))
    .map(([value, index, replacement, mode]) => {
      const paths = pathsOf(value);
      return setAt(value, paths[index % paths.length], replacement, mode);
    });
}

// Bodies no JSON.stringify produces: numbers beyond a double, prototype keys, truncated text.
const RAW_BODIES = [
  '{"taxCode": 1e400}',
  '123456789012345678901234567890',
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"x": 1}}}',
  '{"a":',
  '',
  '\u0000',
  '{"name": "\\ud800"}',
  '{"name": "\\u0000"}',
  '[',
  '{"a": 1, "a": 2}',
  '\ufeff{}',
];

/**
 * Percent-encodes every UTF-16 code unit that is not unreserved; a lone surrogate becomes invalid UTF-8 on the wire, as an
 * attacker can send it.
 */
function encode(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (/^[A-Za-z0-9._~-]$/.test(ch)) out += ch;
    else if (code >= 0xd800 && code <= 0xdfff)
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
    else out += [...Buffer.from(ch)].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
  return out;
}

const RAW_QUERY_PIECES = ['%', '%zz', '%ED%A0%80', '%FF%FE', '%00', '&&&', '=', 'a[b]=c', '__proto__=1', 'constructor[prototype]=1'];

/** The value one time in `oneIn`, else null. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
}

/** A query or path value: from the schema, or hostile; kept short enough for any HTTP server's header limit. */
function parameterValue(p: Parameter, doc: OpenApiDocument): fc.Arbitrary<string> {
  const valid = schemaValue(p.schema ?? { type: 'string' }, doc).map((v) => (typeof v === 'string' ? v : toJsonText(v)));
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: hostileString.map((s) => s.slice(0, 150)) });
}

/** Requests for one operation: parameters and bodies from the schema, most of them with something hostile in them. */
export function requestsFor(op: Operation, doc: OpenApiDocument, roles: readonly string[]): fc.Arbitrary<FuzzRequest> {
  const pathValues = fc.tuple(...op.pathParams.map((p) => parameterValue(p, doc)));
  const query = fc
    .tuple(
      fc.tuple(...op.queryParams.map((p) => sometimes(parameterValue(p, doc), 3))),
      sometimes(
        fc.tuple(
          fc.constantFrom(...op.queryParams.map((p) => p.name), 'unknownParameter'),
          parameterValue({ name: 'x', in: 'query' }, doc),
        ),
        4,
      ),
      sometimes(fc.constantFrom(...RAW_QUERY_PIECES), 8),
    )
    .map(([values, extra, raw]) => {
      const pieces = op.queryParams.flatMap((p, i) => (values[i] === null ? [] : [`${encode(p.name)}=${encode(values[i])}`]));
      if (extra) pieces.push(`${encode(extra[0])}=${encode(extra[1])}`); // a second value of a parameter arrives as an array
      if (raw) pieces.push(raw);
      return pieces.length > 0 ? `?${pieces.join('&')}` : '';
    });
  const body: fc.Arbitrary<FuzzRequest['body']> =
    op.method === 'GET'
      ? fc.constant(undefined)
      : op.body === null
        ? sometimes(fc.jsonValue({ maxDepth: 2 }).map(toJsonText), 5).map((v) => v ?? undefined)
        : op.body.media === 'multipart'
          ? fc.record({
              fileName: fc.oneof(
                fc.constant('bao-cao.csv'),
                hostileString.map((s) => s.slice(0, 300)),
              ),
              content: fc.oneof(
                fc
                  .array(
                    fc.array(
                      fc.oneof(
                        hostileString.map((s) => s.slice(0, 50)),
                        fc.constantFrom('taxCode', 'period', 'production.grossOutput', '5300123456', '2025-Q2', '1'),
                      ),
                      { maxLength: 8 },
                    ),
                    { maxLength: 5 },
                  )
                  .map((rows) =>
                    [
                      'taxCode,period,production.grossOutput,production.revenue,employment.workers,wages.wageFund',
                      ...rows.map((r) => r.join(',')),
                    ].join('\n'),
                  ),
                fc.string({ unit: 'binary', maxLength: 300 }),
              ),
            })
          : fc.oneof(
              { weight: 5, arbitrary: schemaValue(op.body.schema, doc).map(toJsonText) },
              { weight: 4, arbitrary: mutated(schemaValue(op.body.schema, doc)).map(toJsonText) },
              { weight: 1, arbitrary: hostileValue.map(toJsonText) },
              { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
            );
  return fc.record({ pathValues, query, body, role: fc.constantFrom(...roles) }).map(({ pathValues: values, query: q, body: b, role }) => {
    let i = 0;
    const path = op.path.replace(/\{[^}]+\}/g, () => encode(values[i++]) || '%20');
    return { method: op.method, url: `${path}${q}`, body: b, role };
  });
}
