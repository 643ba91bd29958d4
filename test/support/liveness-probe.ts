import { spawn } from 'node:child_process';

// Polls the URL every 100 ms and, when its stdin closes, prints the latencies (ms) as JSON and exits.
const LIVENESS = `
const http = require('node:http');
const ms = [];
let running = true;
process.stdin.on('end', () => { running = false; });
process.stdin.resume();
(async () => {
  while (running) {
    const started = Date.now();
    const status = await new Promise((resolve) =>
      http.get(process.argv[1], (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); })
        .on('error', () => resolve(0)));
    ms.push(status === 200 ? Date.now() - started : -1);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.stdout.write(JSON.stringify(ms));
})();
`;

// Asks the URL every 25 ms on a new connection each time and, when its stdin closes, prints what it heard, in
// order and without repeats: a status, or ECONNREFUSED (a reset in the instant the listener closes is the kernel's
// refusal of a connection it had queued: no server can answer it).
const READINESS = `
const http = require('node:http');
const seen = [];
let running = true;
process.stdin.on('end', () => { running = false; });
process.stdin.resume();
(async () => {
  while (running) {
    const heard = await new Promise((resolve) =>
      http.get(process.argv[1], { agent: false }, (res) => { res.resume(); res.on('end', () => resolve(String(res.statusCode))); })
        .on('error', (e) => resolve(e.code === 'ECONNRESET' ? 'ECONNREFUSED' : e.code)));
    if (seen[seen.length - 1] !== heard) seen.push(heard);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  process.stdout.write(JSON.stringify(seen));
})();
`;

/**
 * A probe from a process of its own, as a load balancer's: the suite's own process is busy sending the load, and
 * its timers would count its delays as the api's. `stop()` resolves with what the probe printed.
 */
function startProbe<T>(script: string, url: string): { stop(): Promise<T> } {
  const child = spawn(process.execPath, ['-e', script, url], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async stop() {
      child.stdin.end();
      await exited;
      return JSON.parse(out) as T;
    },
  };
}

/** How long the api takes to answer a URL: every latency in ms (-1 for an answer other than 200). */
export function startLivenessProbe(url: string): { stop(): Promise<number[]> } {
  return startProbe<number[]>(LIVENESS, url);
}

/** What readiness says on new connections, in order without repeats: '200', '503', 'ECONNREFUSED'. */
export function startReadinessProbe(url: string): { stop(): Promise<string[]> } {
  return startProbe<string[]>(READINESS, url);
}
