import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WIDTHS = [360, 900] as const;

/**
 * Each email of `files` (in `dir`) as a person would see it: its HTML, inline chart included, rendered by
 * Chromium at a phone's and a desktop's width, saved beside it as `<name>.<width>.png`. Without Chromium
 * (Debian's package) it says so and the demo goes on.
 */
export async function emailSnapshots(dir: string, files: readonly string[]): Promise<string[]> {
  if (!existsSync(CHROMIUM)) return [`   (no Chromium at ${CHROMIUM}: \`apt-get install chromium\` to render the emails as pictures)`];
  const [{ chromium }, { simpleParser }] = await Promise.all([import('playwright-core'), import('mailparser')]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const saved: string[] = [];
  try {
    for (const file of files) {
      // mailparser puts the inline images' data in place of their cid: references.
      const mail = await simpleParser(await readFile(join(dir, file)));
      for (const width of WIDTHS) {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        await page.setContent(String(mail.html || mail.textAsHtml || ''), { waitUntil: 'load' });
        const png = join(dir, `${file.replace(/\.eml$/, '')}.${width}.png`);
        await writeFile(png, await page.screenshot({ fullPage: true }));
        await page.close();
        saved.push(`     ${png}`);
      }
    }
  } finally {
    await browser.close();
  }
  return ['   the same emails as a person sees them, rendered by Chromium at 360 and 900 px wide:', ...saved];
}
