// Bundles the pages' script and stylesheet (apps/api/src/pages/client) into dist/pages-assets, each
// named by a hash of its content, and writes manifest.json with those names for the api to link.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const client = join(root, 'apps/api/src/pages/client');
const out = join(root, 'dist/pages-assets');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await build({
  entryPoints: [join(client, 'pages.ts'), join(client, 'pages.css')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['chrome110', 'firefox115', 'safari16'],
  outdir: out,
  entryNames: '[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});
const names = Object.keys(result.metafile.outputs).map((file) => basename(file));
const pick = (ext) => names.find((name) => name.endsWith(ext));
writeFileSync(join(out, 'manifest.json'), JSON.stringify({ css: pick('.css'), js: pick('.js') }));
if (readdirSync(out).length !== 3) throw new Error(`unexpected assets: ${readdirSync(out).join(', ')}`);
