import { issueToken } from '@app/access';
import { Settings } from '@app/config';
import { ApiTokensRepository, databaseTimeouts, Role, withTransactions } from '@app/database';

/** Prints the new token alone on the last line of stdout. */
export async function tokenCreate(settings: Settings, flags: Record<string, string>, log: (line: string) => void): Promise<void> {
  const role = flags.role as Role;
  if (!['admin', 'board', 'enterprise'].includes(role)) throw new Error('--role must be admin, board or enterprise');
  if (!flags.name) throw new Error('--name is required');
  const zones = flags.zones;
  if (role === 'board' && !zones) throw new Error('a board token needs --zones BDH,DPM or --zones all');
  const issued = await withTransactions(settings.DATABASE_URL, databaseTimeouts(settings), (transactions) =>
    issueToken(new ApiTokensRepository(transactions), {
      role,
      name: flags.name,
      zoneCodes:
        role === 'board' && zones && zones !== 'all'
          ? zones
              .split(',')
              .map((z) => z.trim())
              .filter(Boolean)
          : null,
      taxCode: flags['tax-code'] ?? null,
    }),
  );
  log(`token id ${issued.id} (${role}); it is shown once:`);
  process.stdout.write(`${issued.token}\n`);
}
