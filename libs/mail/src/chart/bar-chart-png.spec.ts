import { inflateSync } from 'node:zlib';
import { barChartPng } from './bar-chart-png';

/** The pixels of a PNG as this encoder writes it (RGB, unfiltered scanlines), for looking into. */
function decode(png: Buffer): { width: number; height: number; at: (x: number, y: number) => number[] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idatAt = png.indexOf('IDAT');
  const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4)));
  expect(raw.length).toBe((width * 3 + 1) * height);
  return { width, height, at: (x, y) => [...raw.subarray(y * (width * 3 + 1) + 1 + x * 3, y * (width * 3 + 1) + 4 + x * 3)] };
}

describe('bar chart PNG', () => {
  it('draws each bar in proportion from the baseline, and no bar for a withheld value', () => {
    const image = decode(
      barChartPng([
        { label: 'DPM', value: 29.5, text: '29,5' },
        { label: 'BDH', value: null, text: 'x' },
        { label: 'TLG', value: 14.75, text: '14,8' },
      ]),
    );
    expect([image.width, image.height]).toEqual([640, 300]);
    const slot = (640 - 40) / 3;
    const column = (i: number) => Math.round(20 + slot * i + slot / 2);
    const filled = (i: number) =>
      Array.from({ length: 300 }, (_, y) => image.at(column(i), y)).filter((p) => p.join() === '11,93,122').length;
    expect(filled(1)).toBe(0);
    // The full bar is about twice the half one (rounded to whole pixels).
    expect(Math.abs(filled(0) - 2 * filled(2))).toBeLessThanOrEqual(2);
    expect(filled(0)).toBeGreaterThan(150);
  });
});
