import { returnEmail } from './return-email';

const links = (text: string) => [...new Set(text.match(/https?:\/\/[^\s"<]+/g))];

describe('return email', () => {
  const mail = returnEmail({
    to: 'ke-toan@dn.example',
    enterpriseName: 'Công ty <A> & B',
    taxCode: '5300100001',
    quarter: '2026-Q3',
    message: 'Quỹ lương chưa gồm tiền thưởng <quý>.',
    siteUrl: 'https://baocao.example.vn/kcn',
  });

  it("names the quarter as people write it, quotes the board's message and links to the amendment form, with no token", () => {
    expect(mail.subject).toBe('Đề nghị sửa đổi báo cáo quý III/2026 / Report returned: Q3 2026');
    expect(mail.text).toContain('Ý kiến của Ban Quản lý: Quỹ lương chưa gồm tiền thưởng <quý>.');
    expect(mail.text).toContain("The board's message: Quỹ lương chưa gồm tiền thưởng <quý>.");
    expect(mail.text).toContain('Sửa đổi báo cáo quý III/2026: https://baocao.example.vn/kcn/reports/new?period=2026-Q3');
    expect(mail.text).toContain('vẫn được tính trong số liệu tổng hợp');
    const expected = ['https://baocao.example.vn/kcn/reports/new?period=2026-Q3', 'https://baocao.example.vn/kcn/'];
    expect(links(mail.text)).toEqual(expected);
    expect(links(mail.html)).toEqual(expected);
  });

  it("keeps the board's message and the registry's names as text in the HTML", () => {
    expect(mail.html).toContain('Quỹ lương chưa gồm tiền thưởng &lt;quý&gt;.');
    expect(mail.html).toContain('Công ty &lt;A&gt; &amp; B');
    expect(mail.html).not.toContain('<quý>');
  });
});
