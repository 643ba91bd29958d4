import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSystem, TestSystem } from './support/test-system';

/*
 * The OpenAPI document the api serves at /docs-json is the reference of the HTTP API: linted with
 * Spectral's `spectral:oas` ruleset (the repository's .spectral.yaml), it must give no error and no
 * warning, and every operation must say what it does and carry a tag the document describes.
 */
interface SpectralResult {
  code: string;
  message: string;
  path: string[];
  /** 0 error, 1 warning, 2 information, 3 hint */
  severity: number;
}

interface OperationObject {
  summary?: string;
  description?: string;
  tags?: string[];
}
interface Document {
  servers?: Array<{ url: string }>;
  tags?: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, OperationObject>>;
}

const ROOT = join(__dirname, '..');
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

/** Spectral's findings on a document, by its command line as a developer would run it. */
function lint(file: string): Promise<SpectralResult[]> {
  const bin = join(ROOT, 'node_modules', '.bin', 'spectral');
  const args = ['lint', file, '--ruleset', join(ROOT, '.spectral.yaml'), '--format', 'json', '--quiet', '--fail-severity', 'hint'];
  return new Promise((resolve, reject) => {
    // Exit code 1 only says that something was found: the findings are on stdout either way.
    execFile(bin, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        resolve(stdout.trim() === '' ? [] : (JSON.parse(stdout) as SpectralResult[]));
      } catch {
        reject(new Error(`spectral failed (${error?.message}): ${stderr || stdout}`));
      }
    });
  });
}

const shown = (r: SpectralResult) => `${r.code} at ${r.path.join('.')}: ${r.message}`;

describe('the OpenAPI document', () => {
  let sys: TestSystem;
  let doc: Document;
  let findings: SpectralResult[];
  let dir: string;

  beforeAll(async () => {
    sys = await startTestSystem('openapi_document');
    const reply = await sys.http.get('/docs-json');
    expect(reply.status).toBe(200);
    doc = reply.body as Document;
    dir = await mkdtemp(join(tmpdir(), 'kcn-openapi-'));
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(doc, null, 2));
    findings = await lint(file);
  }, 120_000);
  afterAll(async () => {
    await sys?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 30_000);

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
    );

  it('passes spectral:oas with no error and no warning', () => {
    const serious = findings.filter((r) => r.severity <= 1).map(shown);
    expect(serious).toEqual([]);
  });

  it('gives every operation a description and a tag, and describes every tag once, globally', () => {
    const described = new Map((doc.tags ?? []).map((t) => [t.name, t.description ?? '']));
    expect(described.size).toBe((doc.tags ?? []).length);
    const faults = operations().flatMap(({ name, op }) => [
      ...(op.description?.trim() ? [] : [`${name}: no description`]),
      ...(op.summary?.trim() ? [] : [`${name}: no summary`]),
      ...((op.tags ?? []).length > 0 ? [] : [`${name}: no tag`]),
      ...(op.tags ?? []).filter((t) => !described.get(t)?.trim()).map((t) => `${name}: tag "${t}" not described in the document's tags`),
    ]);
    expect(faults).toEqual([]);
    expect(operations().length).toBeGreaterThan(40);
  });

  it('names the servers it is served from', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    for (const server of doc.servers ?? []) expect(server.url).toEqual(expect.any(String));
  });
});
