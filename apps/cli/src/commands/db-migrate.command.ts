import { Settings } from '@app/config';
import { ensureDatabase, migrateDatabase } from '@app/database';

/** Creates the database if it is missing, then applies pending migrations. */
export async function dbMigrate(settings: Settings, log: (line: string) => void): Promise<void> {
  const created = await ensureDatabase(settings.DATABASE_URL);
  if (created) log(`created database ${new URL(settings.DATABASE_URL).pathname.slice(1)}`);
  const applied = await migrateDatabase(settings.DATABASE_URL);
  log(applied.length > 0 ? `applied migrations: ${applied.join(', ')}` : 'database is up to date');
}
