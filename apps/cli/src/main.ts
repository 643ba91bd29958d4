import 'reflect-metadata';
import { loadSettings } from '@app/config';
import { parseFlags } from './cli-args';
import { dbMigrate } from './commands/db-migrate.command';
import { tokenCreate } from './commands/token-create.command';
import { demo } from './demo/demo.command';
import { startBoth } from './commands/start.command';
import { schedulesUpsert } from './commands/schedules-upsert.command';
import { remindersScan } from './commands/reminders-scan.command';
import { backup } from './commands/backup.command';
import { restore } from './commands/restore.command';

const USAGE = `usage: npm run cli -- <command> [flags]
  db:migrate                                   create the database if missing and apply migrations
  token:create --role admin --name NAME        print a new token (last line of stdout)
               --role board --zones BDH,DPM|all
               --role enterprise --tax-code 5300123456
  schedules:upsert                             upsert the monthly publication and daily reminder schedules
  reminders:scan [--at 2026-10-05T08:00+07:00] run the reminder scan now or as of a missed past instant
  backup [--file var/backups/NAME.dump]        write the database to one file (pg_dump, custom format)
  restore --file FILE                          restore a backup into DATABASE_URL (empty or missing), then migrate
  start                                        run the built api and worker together
  bench [--seconds 10]                         throughput, latency and memory against their targets
        [--only service,summaries,overview,live,assets,audit]  only those parts (comma-separated)
        [--api-processes N]                    the api's processes (default: API_PROCESSES's default here)
        [--national-publications 6]            how many of a nation's publications the audit times
  demo [--keep]                                the seeded Lào Cai walkthrough (database kcn_demo)`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const settings = loadSettings();
  const flags = parseFlags(rest);
  // Progress and notes go to stderr so stdout stays machine-readable.
  const log = (line: string) => process.stderr.write(`${line}\n`);
  switch (command) {
    case 'db:migrate':
      return dbMigrate(settings, log);
    case 'token:create':
      return tokenCreate(settings, flags, log);
    case 'schedules:upsert':
      return schedulesUpsert(settings, log);
    case 'reminders:scan':
      return remindersScan(settings, flags, log);
    case 'backup':
      return backup(settings, flags, log);
    case 'restore':
      return restore(settings, flags, log);
    case 'start':
      return startBoth();
    case 'bench': {
      // Loaded on demand: its load generator is a development dependency, absent from production images.
      const { bench } = await import('./bench/bench.command.js');
      return bench(settings, flags, (line) => process.stdout.write(`${line}\n`));
    }
    case 'demo':
      return demo(settings, flags, (line) => process.stdout.write(`${line}\n`));
    default:
      process.stderr.write(`${USAGE}\n`);
      process.exitCode = command ? 2 : 0;
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`error: ${error.message}\n`);
  process.exit(1);
});
