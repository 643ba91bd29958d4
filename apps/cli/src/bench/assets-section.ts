import { gzipSync } from 'node:zlib';
import type { AddLine } from './bench-lines';
import type { BenchStack } from './bench-stack';
import { pageSession } from './page-session';

const CHARTED = ['/?period=2025', '/zones/Z1'];
const UNCHARTED = ['/filing', '/follow-ups', '/publications', '/enterprises/5300000001'];
const KB = 1024;

interface PageWeight {
  readonly path: string;
  /** Every script of the page, linked and inline, gzipped. */
  readonly scriptBytes: number;
  /** Scripts and stylesheets the page links from another origin. */
  readonly foreign: readonly string[];
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1];
const gzipped = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/** What a browser fetches to run a page: its scripts, inline and linked, and where its scripts and stylesheets come from. */
async function weigh(baseUrl: string, path: string, cookie: string): Promise<PageWeight> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  const page = await response.text();
  let scriptBytes = 0;
  const foreign: string[] = [];
  for (const [, tag, inline] of page.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)) {
    const src = attribute(tag, 'src');
    if (src === undefined) {
      scriptBytes += gzipped(inline);
      continue;
    }
    const url = new URL(src, `${baseUrl}${path}`);
    if (url.origin !== baseUrl) foreign.push(url.href);
    else scriptBytes += gzipped(Buffer.from(await (await fetch(url)).arrayBuffer()));
  }
  for (const [tag] of page.matchAll(/<link\b[^>]*>/gi)) {
    const href = attribute(tag, 'href');
    if (
      href !== undefined &&
      /stylesheet|preload|modulepreload/i.test(attribute(tag, 'rel') ?? '') &&
      new URL(href, baseUrl).origin !== baseUrl
    )
      foreign.push(href);
  }
  return { path, scriptBytes, foreign };
}

/** JavaScript each page sends (gzipped), with and without charts, and anything render-blocking from another origin. */
export async function assetsSection(stack: BenchStack, log: (line: string) => void, add: AddLine): Promise<void> {
  await stack.startApi();
  await stack.registry();
  const cookie = await pageSession(stack.http.baseUrl, await stack.boardToken());
  log('Page weight: the scripts of each page, gzipped (level 9)');
  const weights = async (paths: string[]) => Promise.all(paths.map((path) => weigh(stack.http.baseUrl, path, cookie)));
  const [charted, uncharted] = [await weights(CHARTED), await weights(UNCHARTED)];
  const heaviest = (pages: PageWeight[]) => pages.reduce((a, b) => (b.scriptBytes > a.scriptBytes ? b : a));
  const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
  const plain = heaviest(uncharted);
  add(
    `JavaScript sent to a page without charts (heaviest of ${UNCHARTED.join(', ')})`,
    `${kb(plain.scriptBytes)} gzipped (${plain.path})`,
    'target ≤ 50 KB',
    plain.scriptBytes <= 50 * KB,
  );
  const chart = heaviest(charted);
  add(
    `JavaScript sent to a page with charts (heaviest of ${CHARTED.join(', ')})`,
    `${kb(chart.scriptBytes)} gzipped (${chart.path})`,
    'target ≤ 250 KB',
    chart.scriptBytes <= 250 * KB,
  );
  const foreign = [...charted, ...uncharted].flatMap((w) => w.foreign);
  add(
    'scripts and stylesheets from another origin, on those pages',
    foreign.length === 0 ? 'none' : foreign.join(', '),
    'target none',
    foreign.length === 0,
  );
}
