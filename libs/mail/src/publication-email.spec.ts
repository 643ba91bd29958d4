import { HeadlineZone, publicationEmail } from './publication-email';

const zone = (overrides: Partial<HeadlineZone>): HeadlineZone => ({
  zoneCode: 'ZA',
  zoneName: 'KCN A',
  reportsReceived: 4,
  reportsExpected: 4,
  grossOutput: '360000000000',
  growthYoYCurrentPct: null,
  workers: 300,
  averageMonthlyWage: '9000000',
  withheld: [],
  heldBack: [],
  ...overrides,
});
const mail = (zones: HeadlineZone[]) =>
  publicationEmail({
    to: 'a@example.vn',
    language: 'vi',
    audience: 'public',
    number: 7,
    latestQuarter: '2025-Q2',
    yearToDate: '2025-Q1..2025-Q2',
    zones,
    total: null,
    revisedZones: [],
    workbook: Buffer.from(''),
    workbookName: 'x.xlsx',
  });

describe('publication email, public figures', () => {
  it('marks an earlier figure shown again with *, and a withheld one with x, each with its note', () => {
    const { text } = mail([
      zone({ heldBack: [{ field: 'grossOutput', reason: 'revision held back' }] }),
      zone({
        zoneCode: 'ZC',
        zoneName: 'KCN C',
        workers: null,
        withheld: ['workers'],
        heldBack: [{ field: 'workers', reason: 'confidential' }],
      }),
    ]);
    expect(text).toContain('KCN A (ZA) | 4/4 | 360 * | — | 300 |');
    expect(text).toContain('KCN C (ZC) | 4/4 | 360 | — | x |');
    expect(text).toContain('* : số liệu đã công bố lần trước; số liệu điều chỉnh chưa công bố để bảo mật thông tin của doanh nghiệp.');
    expect(text).toContain('x : số liệu không công bố để bảo mật thông tin của doanh nghiệp.');
  });

  it('adds no note when nothing is held back', () => {
    expect(mail([zone({})]).text).not.toMatch(/^[*x] :/m);
  });
});
