import { execFile } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { Settings } from '@app/config';

const run = promisify(execFile);

/**
 * Writes the database, everything that matters (Redis holds only jobs, which the worker rebuilds), to one
 * file in pg_dump's custom format: one consistent snapshot, so the sums match the revisions in it. Prints
 * the file's path on stdout.
 */
export async function backup(settings: Settings, flags: Record<string, string>, log: (line: string) => void): Promise<void> {
  const file = flags.file ?? `var/backups/kcn-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`;
  await mkdir(dirname(file), { recursive: true });
  await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${settings.DATABASE_URL}`]);
  log(`backed up to ${file} (${(await stat(file)).size} bytes)`);
  process.stdout.write(`${file}\n`);
}
