import type { LogLevel } from '@nestjs/common';

/** Nest's logger levels for a LOG_LEVEL setting. */
export function nestLogLevels(level: string): LogLevel[] {
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug'];
  if (level === 'silent') return [];
  const index = { fatal: 0, error: 1, warn: 2, info: 3, debug: 4 }[level] ?? 3;
  return order.slice(0, index + 1);
}
