import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the build writes the bundled script and stylesheet (scripts/build-assets.mjs): dist/pages-assets. */
export const ASSETS_DIR = join(__dirname, '..', '..', '..', '..', 'pages-assets');

export interface AssetManifest {
  /** The fingerprinted file names of the stylesheet and the script, served under /assets/. */
  readonly css: string;
  readonly js: string;
}

/** Read once at start: the names change only with a new build. */
export function readAssetManifest(dir = ASSETS_DIR): AssetManifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as AssetManifest;
}
