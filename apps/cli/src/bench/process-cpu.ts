import { readFileSync } from 'node:fs';

/** Clock ticks a second in /proc/<pid>/stat (USER_HZ: 100 on Linux whatever the kernel's own rate). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user and system) the processes have used so far, from /proc (Linux); a process gone counts 0. */
export function cpuSeconds(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // The command may hold spaces and parentheses: the fields are counted after its closing one.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Exited: its time is no longer there to read.
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/** The CPU microseconds the processes spent per request while `load` ran, with its result. */
export async function cpuPerRequest<T extends { ok: number; failed: number }>(
  pids: () => readonly number[],
  load: () => Promise<T>,
): Promise<T & { cpuMicros: number }> {
  const before = cpuSeconds(pids());
  const result = await load();
  const spent = cpuSeconds(pids()) - before;
  return { ...result, cpuMicros: Math.round((spent * 1e6) / Math.max(1, result.ok + result.failed)) };
}
