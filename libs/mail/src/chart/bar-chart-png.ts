import { encodePng } from './png-encoder';
import { drawText, textWidth } from './pixel-font';

/** One bar: its label below, its value's text above; a null value (withheld, not reported) draws no bar. */
export interface ChartBar {
  readonly label: string;
  readonly value: number | null;
  readonly text: string;
}

const WIDTH = 640;
const HEIGHT = 300;
const SCALE = 2;
const BASELINE = HEIGHT - 34;
const TOP = 34;
const BAR = [11, 93, 122] as const;
const INK = [28, 36, 48] as const;
const RULE = [190, 198, 208] as const;

/**
 * A bar chart as a PNG for email clients (which show no SVG): bars from a common baseline, each value
 * above its bar and each label below, drawn pixel by pixel on the server from the figures the email's
 * table shows. Its alt text, written by the email, says the same figures in words.
 */
export function barChartPng(bars: readonly ChartBar[]): Buffer {
  const rgb = new Uint8Array(WIDTH * HEIGHT * 3).fill(255);
  const paint = (colour: readonly number[]) => (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= WIDTH || y >= HEIGHT) return;
    rgb.set(colour, (y * WIDTH + x) * 3);
  };
  const rect = (x0: number, y0: number, x1: number, y1: number, colour: readonly number[]) => {
    for (let y = Math.round(y0); y < Math.round(y1); y++) for (let x = Math.round(x0); x < Math.round(x1); x++) paint(colour)(x, y);
  };
  const max = Math.max(0, ...bars.map((b) => b.value ?? 0));
  const slot = (WIDTH - 40) / Math.max(1, bars.length);
  const width = Math.min(64, slot * 0.6);
  rect(16, BASELINE, WIDTH - 16, BASELINE + 1, RULE);
  bars.forEach((b, i) => {
    const centre = 20 + slot * i + slot / 2;
    const height = b.value === null || max === 0 ? 0 : Math.max(1, (b.value / max) * (BASELINE - TOP - 16));
    rect(centre - width / 2, BASELINE - height, centre + width / 2, BASELINE, BAR);
    drawText(b.text, Math.round(centre - textWidth(b.text, SCALE) / 2), Math.round(BASELINE - height - 14), SCALE, paint(INK));
    drawText(b.label, Math.round(centre - textWidth(b.label, SCALE) / 2), BASELINE + 10, SCALE, paint(INK));
  });
  return encodePng(WIDTH, HEIGHT, rgb);
}
