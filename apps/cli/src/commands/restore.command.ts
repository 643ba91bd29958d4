import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Settings } from '@app/config';
import { ensureDatabase, migrateDatabase } from '@app/database';

const run = promisify(execFile);

/**
 * Restores a backup (`backup --file`) into DATABASE_URL, which must be empty or missing (it is created):
 * in one transaction, so a database that already has tables refuses it and nothing is restored. Then
 * applies the migrations newer than the backup. Start the apps afterwards: the outbox and the repair
 * loop give every undecided report and unsent email its job again.
 */
export async function restore(settings: Settings, flags: Record<string, string>, log: (line: string) => void): Promise<void> {
  if (!flags.file || flags.file === 'true') throw new Error('restore needs --file <backup>');
  const name = new URL(settings.DATABASE_URL).pathname.slice(1);
  if (await ensureDatabase(settings.DATABASE_URL)) log(`created database ${name}`);
  await run('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${settings.DATABASE_URL}`, flags.file]);
  const applied = await migrateDatabase(settings.DATABASE_URL);
  log(`restored ${flags.file} into ${name}${applied.length > 0 ? `; applied migrations: ${applied.join(', ')}` : ''}`);
}
