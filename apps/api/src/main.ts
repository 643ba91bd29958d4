import 'reflect-metadata';
import { loadSettings } from '@app/config';
import { createApiApp } from './api-app';

async function main(): Promise<void> {
  const settings = loadSettings();
  const app = await createApiApp(settings);
  await app.listen({ port: settings.PORT, host: settings.HOST });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
