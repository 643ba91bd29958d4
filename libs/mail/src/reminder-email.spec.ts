import { reminderEmail } from './reminder-email';
import { sitePage } from './site-page';

const reminder = (siteUrl: string, kind: 'reminder' | 'overdue' = 'reminder') =>
  reminderEmail({
    to: 'ke-toan@dn.example',
    kind,
    enterpriseName: 'Công ty <A> & B',
    taxCode: '5300100001',
    quarter: '2026-Q3',
    dueDay: '2026-10-10',
    siteUrl,
  });
const links = (text: string) => [...new Set(text.match(/https?:\/\/[^\s"<]+/g))];

describe('reminder email', () => {
  it("links to the quarter's form and to the enterprise's quarters on the site, and nowhere else", () => {
    const { text, html } = reminder('https://baocao.example.vn');
    const expected = ['https://baocao.example.vn/reports/new?period=2026-Q3', 'https://baocao.example.vn/'];
    expect(links(text)).toEqual(expected);
    expect(links(html)).toEqual(expected);
    expect(text).toContain('Nộp báo cáo quý III/2026 trực tuyến: https://baocao.example.vn/reports/new?period=2026-Q3');
    expect(text).toContain("Your enterprise's quarters: https://baocao.example.vn/");
    expect(html).toContain('<a href="https://baocao.example.vn/reports/new?period=2026-Q3">Nộp báo cáo quý III/2026 trực tuyến</a>');
    // Names from the registry stay text.
    expect(html).toContain('Công ty &lt;A&gt; &amp; B');
  });

  it('keeps the path the site is served under, with or without its trailing slash', () => {
    for (const site of ['https://portal.example.vn/kcn', 'https://portal.example.vn/kcn/']) {
      expect(links(reminder(site, 'overdue').text)).toEqual([
        'https://portal.example.vn/kcn/reports/new?period=2026-Q3',
        'https://portal.example.vn/kcn/',
      ]);
    }
    expect(sitePage('http://localhost:3000', '/')).toBe('http://localhost:3000/');
  });
});
