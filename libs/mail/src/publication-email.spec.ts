import { HeadlineZone, PublicationMail, publicationEmail } from './publication-email';

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
/** A public email of issue 7 in Vietnamese about 2025-Q2, unless `overrides` say otherwise. */
const email = (overrides: Partial<PublicationMail>) =>
  publicationEmail({
    to: 'a@example.vn',
    language: 'vi',
    audience: 'public',
    number: 7,
    latestQuarter: '2025-Q2',
    yearToDate: '2025-Q1..2025-Q2',
    zones: [],
    total: null,
    revisedZones: [],
    changes: null,
    unsubscribeUrl: 'https://kcn.example/unsubscribe/t',
    pageUrl: 'https://kcn.example/public?period=2025-Q2',
    pressDraft: [],
    workbook: Buffer.from(''),
    workbookName: 'x.xlsx',
    ...overrides,
  });
const mail = (zones: HeadlineZone[]) => email({ zones });

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

describe('publication email, headline sentences', () => {
  const total = (overrides: Partial<HeadlineZone>): HeadlineZone =>
    zone({ zoneCode: 'all', zoneName: '', reportsReceived: 45, reportsExpected: 50, grossOutput: '1234500000000', ...overrides });
  const withTotal = (t: HeadlineZone, language: 'vi' | 'en') =>
    email({ language, audience: 'board', latestQuarter: '2025-Q3', yearToDate: '2025-Q1..2025-Q3', total: t });

  it('says the period as people write it, output with its growth, workers, the average wage and completeness, before the table', () => {
    const vi = withTotal(total({ growthYoYCurrentPct: 12.345 }), 'vi');
    expect(vi.subject).toBe('Báo cáo số liệu các khu công nghiệp tỉnh Lào Cai, số 7 — Quý III/2025');
    expect(vi.text.split('\n').slice(0, 3)).toEqual([
      'Quý III/2025, giá trị sản xuất công nghiệp các khu, cụm công nghiệp đạt 1.234,5 tỷ đồng, tăng 12,35% so với cùng kỳ năm trước.',
      'Số lao động là 300 người, thu nhập bình quân 9,0 triệu đồng/người/tháng.',
      '45/50 doanh nghiệp đã nộp báo cáo (90,00%).',
    ]);
    expect(vi.text).toContain('gửi số liệu Quý III/2025 và lũy kế 9 tháng năm 2025.');
    const en = withTotal(total({ growthYoYCurrentPct: -3.5 }), 'en');
    expect(en.text.split('\n')[0]).toBe(
      'In Q3 2025, gross industrial output of the industrial zones reached 1,234.5 billion đồng, down 3.50% on a year earlier.',
    );
    expect(en.text).toContain('(first nine months of 2025)');
  });

  it('leaves out the clause of a withheld figure, so that no sentence tells more than the table', () => {
    const { text } = withTotal(
      total({ grossOutput: null, workers: null, withheld: ['grossOutput', 'workers', 'growthYoYCurrentPct'] }),
      'vi',
    );
    expect(text.split('\n')[0]).toBe('45/50 doanh nghiệp đã nộp báo cáo (90,00%).');
  });
});

describe('publication email, what changed', () => {
  it('lists revised zones, reports newly counted and figures newly withheld or released since the previous issue, before the table', () => {
    const { text, html } = email({
      language: 'en',
      latestQuarter: '2025-Q3',
      yearToDate: '2025-Q1..2025-Q3',
      zones: [zone({})],
      revisedZones: ['ZA'],
      changes: { previousNumber: 7, reportsAdded: 2, newlyWithheld: ['KCN C'], released: ['KCN B'] },
    });
    const section = text.slice(text.indexOf('Changes since issue 7:'), text.indexOf('The Lào Cai Economic Zone'));
    expect(section.trim().split('\n')).toEqual([
      'Changes since issue 7:',
      '- Revised: ZA.',
      '- 2 reports filed since the previous publication are now counted.',
      '- Figures now withheld for confidentiality: KCN C.',
      '- Figures shown again: KCN B.',
    ]);
    expect(html.indexOf('Changes since issue 7')).toBeLessThan(html.indexOf('<table'));
  });
});
