import 'reflect-metadata';
import { loadSettings } from '@app/config';
import { createWorkerApp } from './worker-app';

createWorkerApp(loadSettings()).catch((error) => {
  console.error(error);
  process.exit(1);
});
