import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// The repository root, whether running from sources or from dist/.
const ROOT = findRoot(__dirname);

function findRoot(dir: string): string {
  return existsSync(join(dir, 'package.json')) ? dir : findRoot(join(dir, '..'));
}

/** A built app (api, worker or cli) running as its own process, as in production. */
export class AppProcess {
  private readonly lines: string[] = [];
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    const collect = (chunk: Buffer) => this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  static start(app: 'api' | 'worker', env: Record<string, string>): AppProcess {
    return AppProcess.spawn(app, join(ROOT, 'dist', 'apps', app, 'src', 'main.js'), [], env);
  }

  /** A built script of the CLI app, e.g. 'bench/bare-fastify.server.js'. */
  static startScript(script: string, args: string[], env: Record<string, string> = {}): AppProcess {
    return AppProcess.spawn(script, join(ROOT, 'dist', 'apps', 'cli', 'src', script), args, env);
  }

  private static spawn(name: string, file: string, args: string[], env: Record<string, string>): AppProcess {
    const child = spawn(process.execPath, [file, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new AppProcess(name, child);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get output(): string {
    return this.lines.join('\n');
  }

  /** The exit code once exited (null while running, or when ended by a signal). */
  get exitCode(): number | null {
    return this.child.exitCode;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves once `ready()` holds; fails with the process output if it exits or times out first. */
  async waitUntil(ready: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.name} exited early:\n${this.output}`);
      if (
        await Promise.resolve()
          .then(ready)
          .catch(() => false)
      )
        return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.output}`);
  }

  /** Sends a signal and leaves the process to it. */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Resolves with the exit code (null when ended by a signal) once the process ends, or 'running' after `timeoutMs`. */
  async exit(timeoutMs: number): Promise<number | null | 'running'> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'running'>((resolve) => {
      timer = setTimeout(() => resolve('running'), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Graceful stop (SIGTERM), then SIGKILL if it hangs. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.running) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
