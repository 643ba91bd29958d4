import { scaledNumber } from '@app/domain';

/** A plain text table for the terminal: first column left-aligned, the others right-aligned. */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const scaled = (value: string | null, shift: number, decimals: number) =>
  value === null
    ? '–'
    : scaledNumber(value, shift, decimals).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** 166,000,000,000 đồng → "166" (billions); null → "–". */
export function billions(value: string | null, decimals = 0): string {
  return scaled(value, 9, decimals);
}

export function millions(value: string | null, decimals = 1): string {
  return scaled(value, 6, decimals);
}

export function percent(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

export function count(value: number | null): string {
  return value === null ? '–' : value.toLocaleString('en-US');
}
