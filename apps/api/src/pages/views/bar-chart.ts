import { html, SafeHtml } from './html';

export interface Bar {
  readonly label: string;
  /** Height; null draws no bar (nobody reported), 0 a flat one. */
  readonly value: number | null;
  /** The value as the table shows it. */
  readonly text: string;
}

const WIDTH = 640;
const HEIGHT = 220;
const TOP = 24;
const BOTTOM = 36;

/**
 * A bar chart drawn by the server as SVG: no script, sharp at any size, and the same numbers as its
 * table (the caller puts the table beside it). Described to screen readers by `title`.
 */
export function barChart(title: string, bars: readonly Bar[]): SafeHtml {
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const slot = WIDTH / Math.max(1, bars.length);
  const barWidth = Math.min(56, slot * 0.6);
  const plot = HEIGHT - TOP - BOTTOM;
  const shapes = bars.map((b, i) => {
    const x = i * slot + (slot - barWidth) / 2;
    const h = b.value === null ? 0 : Math.max(1, (b.value / max) * plot);
    const y = TOP + plot - h;
    return html`<g>
      ${
        b.value === null
          ? ''
          : html`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}"
        width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" rx="3"></rect>`
      }
      <text class="value" x="${(x + barWidth / 2).toFixed(1)}" y="${(y - 6).toFixed(1)}" text-anchor="middle">${b.text}</text>
      <text class="label" x="${(x + barWidth / 2).toFixed(1)}" y="${HEIGHT - 12}" text-anchor="middle">${b.label}</text>
    </g>`;
  });
  return html`<svg class="bar-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${title}" preserveAspectRatio="xMidYMid meet">
    <line class="axis" x1="0" x2="${WIDTH}" y1="${TOP + plot + 0.5}" y2="${TOP + plot + 0.5}"></line>${shapes}</svg>`;
}
