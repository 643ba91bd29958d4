import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** `npm start`: the built api and worker side by side; a signal stops both, one exiting stops the other. */
export async function startBoth(): Promise<void> {
  const dist = join(__dirname, '..', '..', '..');
  const children = ['api', 'worker'].map((app) => spawn(process.execPath, [join(dist, app, 'src', 'main.js')], { stdio: 'inherit' }));
  const stopAll = (signal: NodeJS.Signals) => children.forEach((c) => c.exitCode === null && c.kill(signal));
  process.on('SIGINT', () => stopAll('SIGINT'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  const codes = await Promise.all(
    children.map(
      (c) =>
        new Promise<number>((resolve) =>
          c.on('exit', (code) => {
            stopAll('SIGTERM');
            resolve(code ?? 0);
          }),
        ),
    ),
  );
  process.exitCode = Math.max(...codes);
}
