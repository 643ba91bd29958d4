import { spawn } from 'node:child_process';

// Polls the URL every 100 ms and, when its stdin closes, prints the latencies (ms) as JSON and exits.
const PROBE = `
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

/**
 * How long the api takes to answer a URL, probed from a process of its own as a load balancer would: the
 * suite's own process is busy sending the load, and its timers would count its delays as the api's.
 * `stop()` resolves with every latency in ms (-1 for an answer other than 200).
 */
export function startLivenessProbe(url: string): { stop(): Promise<number[]> } {
  const child = spawn(process.execPath, ['-e', PROBE, url], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async stop() {
      child.stdin.end();
      await exited;
      return JSON.parse(out) as number[];
    },
  };
}
