import { Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';
import { peakResidentMb, residentMb } from '../apps/cli/src/bench/process-memory';
import { startExtraApi } from './support/extra-process';
import { startLivenessProbe } from './support/liveness-probe';
import { createEnterprise, createZone } from './support/fixtures';
import { startTestSystem, TestSystem } from './support/test-system';

/*
 * Ten maximal report files uploaded at once (the largest .xlsx and CSV the default settings allow:
 * UPLOAD_LIMIT_BYTES, UPLOAD_MAX_ROWS) to a fresh api process: its memory stays under 400 MB and it
 * keeps answering /health/live quickly. Each upload is stored whole (202, 5,000 rows) or refused with
 * 503 and Retry-After when too many are read at once.
 */
const ZONE = 'UPM';
const ENTERPRISES = Array.from({ length: 20 }, (_, i) => `53009000${String(i + 1).padStart(2, '0')}`);
const MAX_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 5000;
const PATHS = ['taxCode', 'period', 'production.grossOutput', 'production.revenue', 'employment.workers', 'wages.wageFund', 'ghiChu'];
const LABELS = ['Mã số thuế', 'Kỳ báo cáo', 'Giá trị sản xuất', 'Doanh thu', 'Lao động', 'Quỹ lương', 'Ghi chú'];

function figures(row: number): Array<string | number> {
  return [
    ENTERPRISES[row % ENTERPRISES.length],
    ['2025-Q1', '2025-Q2', '2025-Q3'][row % 3],
    1_000_000_000 + row,
    1_100_000_000 + row,
    100 + (row % 50),
    2_100_000_000,
  ];
}

/** A CSV of MAX_ROWS reports just under MAX_BYTES: each row carries a long Vietnamese note (an ignored column). */
function maximalCsv(): Buffer {
  const head = `${LABELS.join(',')}\r\n${PATHS.join(',')}\r\n`;
  const rowOf = (row: number, note: string) => `${figures(row).join(',')},"${note}"\r\n`;
  const fixed =
    Buffer.byteLength(head) + Array.from({ length: MAX_ROWS }, (_, i) => Buffer.byteLength(rowOf(i, ''))).reduce((a, b) => a + b, 0);
  const phrase = 'Ghi chú: sản lượng quý tăng do mở rộng nhà xưởng, thêm ca đêm; ';
  const perRow = Math.floor((MAX_BYTES - 4096 - fixed) / MAX_ROWS);
  let note = phrase.repeat(Math.ceil(perRow / Buffer.byteLength(phrase)) + 1);
  while (Buffer.byteLength(note) > perRow) note = note.slice(0, -1);
  return Buffer.from(head + Array.from({ length: MAX_ROWS }, (_, i) => rowOf(i, note)).join(''));
}

/** A workbook of MAX_ROWS reports just under MAX_BYTES once zipped: notes of random text do not compress. */
async function maximalXlsx(): Promise<Buffer> {
  const build = async (noteBytes: number) => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Reports');
    sheet.addRow(LABELS);
    sheet.addRow(PATHS);
    for (let i = 0; i < MAX_ROWS; i++) sheet.addRow([...figures(i), randomBytes(noteBytes).toString('base64')]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };
  const probe = await build(1000);
  const noteBytes = Math.floor((1000 * (MAX_BYTES - 64 * 1024)) / probe.length);
  const file = await build(noteBytes);
  if (file.length > MAX_BYTES || file.length < MAX_BYTES * 0.95) throw new Error(`workbook of ${file.length} bytes`);
  return file;
}

describe('memory of the api through ten concurrent maximal uploads', () => {
  let sys: TestSystem;
  let admin: string;

  beforeAll(async () => {
    sys = await startTestSystem('upload-memory');
    // No verdicts are needed here: the worker would only compete for the two cores.
    await sys.stopWorker();
    admin = await sys.token({ role: 'admin', name: 'admin' });
    await createZone(sys.http, admin, ZONE);
    for (const taxCode of ENTERPRISES) await createEnterprise(sys.http, admin, taxCode, ZONE);
  }, 60_000);

  afterAll(() => sys?.close(), 60_000);

  it('stays under 400 MB and answers /health/live within a second while ten maximal files are uploaded at once', async () => {
    const [csv, xlsx] = [maximalCsv(), await maximalXlsx()];
    expect([csv.length, xlsx.length].every((n) => n <= MAX_BYTES && n > MAX_BYTES * 0.95)).toBe(true);
    const { api, http } = await startExtraApi(sys);
    const idle = residentMb(api.pid)!;

    const probe = startLivenessProbe(`${http.baseUrl}/health/live`);
    const uploads = await Promise.all(
      Array.from({ length: 10 }, (_, i) => {
        const form = new FormData();
        form.append('file', new Blob([i % 2 === 0 ? csv : xlsx]), i % 2 === 0 ? `bao-cao-${i}.csv` : `bao-cao-${i}.xlsx`);
        return http.request('POST', '/v1/reports/upload', { token: admin, raw: form });
      }),
    );
    const liveMs = await probe.stop();
    expect(liveMs.filter((ms) => ms < 0)).toEqual([]);
    const peak = peakResidentMb(api.pid)!;
    await api.stop();

    const answers = uploads.map((u) => u.status).join(' ');
    console.log(`upload memory: idle ${idle} MB, peak ${peak} MB; /health/live slowest ${Math.max(...liveMs)} ms; answers ${answers}`);
    const stored = uploads.filter((u) => u.status === 202);
    for (const u of uploads.filter((r) => r.status !== 202)) {
      expect({ status: u.status, retryAfter: u.headers.get('retry-after') }).toEqual({
        status: 503,
        retryAfter: expect.stringMatching(/^\d+$/),
      });
    }
    expect(stored.length).toBeGreaterThanOrEqual(2);
    for (const u of stored) {
      expect(u.body.rows).toHaveLength(MAX_ROWS);
      expect(u.body.rows.every((r: { status: string }) => r.status === 'received')).toBe(true);
      const [{ n }] = await sys.query<{ n: number }>('SELECT count(*)::int AS n FROM report_submissions WHERE batch_id = $1', [
        u.body.batchId,
      ]);
      expect(n).toBe(MAX_ROWS);
    }
    expect(peak).toBeLessThan(400);
    expect(Math.max(...liveMs)).toBeLessThan(1000);
  }, 300_000);
});
