import { periodNameOf } from '@app/domain';
import { JobName, QueueName } from '@app/queue';
// The file itself: the @app/reporting door pulls in Nest modules.
import { PUBLICATION_LOCK } from '../libs/reporting/src/publication-lock';
import { AppProcess } from './support/app-process';
import { startExtraWorker } from './support/extra-process';
import { createEnterprise, createZone, reportBody, submitAndDecide } from './support/fixtures';
import { fileOnPaper, PaperFiling } from './support/paper-filings';
import { todaysPublication } from './support/publication-calendar';
import { QueueJobs } from './support/queue-jobs';
import { holdAdvisoryLock, WAIT_FOR_HELD_LOCKS, waitForLockWaiters } from './support/held-locks';
import { ReceivedMail, SmtpSink } from './support/smtp-sink';
import { startTestSystem, TestSystem } from './support/test-system';
import { waitFor } from './support/wait-for';
import { field, openWorkbook, sheetRecords } from './support/workbook-rows';
import { publish } from './support/publish';

/*
 * The monthly publication mailed through a real SMTP server started here, what arrived parsed with
 * mailparser and its workbook opened with exceljs. Expected figures are worked out from the filings.
 * - DPM (Đông Phố Mới) and TLG (Tằng Loỏng), industrial parks with three enterprises each;
 * - BDH (Bắc Duyên Hải), an industrial park with a single enterprise: its figures are that
 *   enterprise's, so outside the board it is withheld, and with it the smallest other park (TLG),
 *   else BDH = parks total − DPM − TLG.
 * Subscribers: the province's leaders (every zone, Vietnamese, full figures), DPM's board member
 * (DPM only, English, full figures), and the press (every zone, Vietnamese, after disclosure control).
 */
const TODAY = todaysPublication();
const QUARTER = TODAY.latestQuarter;
const M = 1_000_000;

const DPM = { D1: '5300400001', D2: '5300400002', D3: '5300400003' };
const TLG = { T1: '5300400011', T2: '5300400012', T3: '5300400013' };
const BDH = { B1: '5300400021' };

const FILINGS: PaperFiling[] = [
  {
    taxCode: DPM.D1,
    period: QUARTER,
    f: { grossOutput: 12_000_400_000, revenue: 12_500 * M, workers: 120, wageFund: 120 * 3 * 6_500_000 },
  },
  { taxCode: DPM.D2, period: QUARTER, f: { grossOutput: 9_000 * M, revenue: 9_300 * M, workers: 90, wageFund: 90 * 3 * 6_400_000 } },
  { taxCode: DPM.D3, period: QUARTER, f: { grossOutput: 8_500 * M, revenue: 8_800 * M, workers: 80, wageFund: 80 * 3 * 6_300_000 } },
  ...Object.values(TLG).map((taxCode) => ({
    taxCode,
    period: QUARTER,
    f: { grossOutput: 5_000 * M, revenue: 5_200 * M, workers: 50, wageFund: 50 * 3 * 6_000_000 },
  })),
  { taxCode: BDH.B1, period: QUARTER, f: { grossOutput: 7_300 * M, revenue: 7_600 * M, workers: 70, wageFund: 70 * 3 * 6_200_000 } },
];
/** A zone's gross output in millions of đồng, rounded half up, as the workbook shows it. */
const millions = (taxCodes: string[]) => {
  const dong = FILINGS.filter((x) => taxCodes.includes(x.taxCode)).reduce((sum, x) => sum + BigInt(x.f.grossOutput!), 0n);
  return Number((2n * dong + 1_000_000n) / 2_000_000n);
};

const LEADERS = 'lanh-dao@ubnd.laocai.example';
const DPM_BOARD = 'dpm.board@kcn.laocai.example';
const PRESS = 'toa-soan@baolaocai.example';

const OUTPUT_VI = 'Giá trị sản xuất công nghiệp, giá hiện hành';
const OUTPUT_EN = 'Gross industrial output, current prices';

describe('publication emails through a real SMTP server', () => {
  let smtp: SmtpSink;
  let sys: TestSystem;
  let admin: string;
  let board: string;
  let publications: QueueJobs;
  const extraWorkers: AppProcess[] = [];

  const messagesOf = (recipient: string, issue: number) =>
    smtp.to(recipient).filter((m) => new RegExp(`(số|issue) ${issue} —`).test(m.mail.subject ?? ''));
  const only = (recipient: string, issue: number): ReceivedMail => {
    const found = messagesOf(recipient, issue);
    expect(found).toHaveLength(1);
    return found[0];
  };
  const attachment = (m: ReceivedMail) => {
    const xlsx = m.mail.attachments.filter((a) => a.filename?.endsWith('.xlsx'));
    expect(xlsx).toHaveLength(1);
    expect(xlsx[0].contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return openWorkbook(xlsx[0].content);
  };
  const emailRows = async () =>
    (await sys.query<{ n: number }>(`SELECT count(*)::int AS n FROM email_outbox WHERE kind = 'publication'`))[0].n;
  /**
   * Waits until the worker has recorded every email sent. The SMTP server has a message a moment before
   * the worker hears its answer and records it: reading the rows as soon as the message arrived once
   * found one still pending under load.
   */
  const allRecordedSent = () =>
    waitFor('every email recorded sent', async () => (await sys.query(`SELECT 1 FROM email_outbox WHERE status <> 'sent'`)).length === 0);

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    sys = await startTestSystem('publication_emails', { SMTP_URL: smtp.url, ...WAIT_FOR_HELD_LOCKS });
    admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    board = await sys.token({ role: 'board', name: 'Ban Quản lý KKT' });
    await createZone(sys.http, admin, 'DPM', { name: 'KCN Đông Phố Mới' });
    await createZone(sys.http, admin, 'TLG', { name: 'KCN Tằng Loỏng', locality: 'Bảo Thắng', wageRegion: 3 });
    await createZone(sys.http, admin, 'BDH', { name: 'KCN Bắc Duyên Hải' });
    for (const [zone, taxCodes] of [
      ['DPM', DPM],
      ['TLG', TLG],
      ['BDH', BDH],
    ] as const) {
      for (const taxCode of Object.values(taxCodes)) await createEnterprise(sys.http, admin, taxCode, zone);
    }
    await fileOnPaper(sys.http, board, FILINGS);
    for (const s of [
      { email: LEADERS, zoneCodes: 'all', language: 'vi', audience: 'board' },
      { email: DPM_BOARD, zoneCodes: ['DPM'], language: 'en', audience: 'board' },
      { email: PRESS, zoneCodes: 'all', language: 'vi', audience: 'public' },
    ]) {
      const r = await sys.http.post('/v1/subscriptions', s, admin);
      expect(r.status).toBe(201);
    }
    publications = new QueueJobs(sys, QueueName.Publications);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(extraWorkers.map((w) => w.stop()));
    await publications?.close();
    await sys?.close();
    await smtp?.close();
  }, 30_000);

  it('mails each subscriber once although the monthly job ran twice, in two workers at once', async () => {
    extraWorkers.push(await startExtraWorker(sys));
    // Two occurrences of the monthly job (a doubled or retried one), taken by the two workers together:
    // the publishers' lock is held here until both wait for it, so neither worker can finish its job and
    // take the other one, however slow the second worker is to start.
    const gate = await holdAdvisoryLock(sys.env.DATABASE_URL, PUBLICATION_LOCK);
    try {
      await Promise.all([publications.add(JobName.PublishMonthly, 'monthly-a'), publications.add(JobName.PublishMonthly, 'monthly-b')]);
      await waitForLockWaiters(sys, ['advisory'], 2, 30_000);
    } finally {
      await gate.release();
    }
    const jobs = await Promise.all([publications.finished('monthly-a'), publications.finished('monthly-b')]);
    expect(jobs.map((j) => j.failedReason)).toEqual([undefined, undefined]);
    // Each worker takes one publication job at a time, so jobs that ran at the same time ran in both.
    expect(jobs[0].processedOn!).toBeLessThan(jobs[1].finishedOn!);
    expect(jobs[1].processedOn!).toBeLessThan(jobs[0].finishedOn!);
    const results = jobs.map((j) => j.returnvalue as { id: number; created: boolean });
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0].id).toBe(results[1].id);

    await smtp.waitFor(() => smtp.received.length, 3);
    // Every email recorded sent: none is left to arrive, so three is all there will be.
    await allRecordedSent();
    expect(smtp.received).toHaveLength(3);
    for (const recipient of [LEADERS, DPM_BOARD, PRESS]) expect(messagesOf(recipient, 1)).toHaveLength(1);

    const rows = await sys.query('SELECT id, month, published_by, latest_quarter FROM publications');
    expect(rows).toEqual([{ id: 1, month: TODAY.month, published_by: 'schedule', latest_quarter: QUARTER }]);
    const sent = await sys.query(`SELECT recipient, status, attempts FROM email_outbox ORDER BY recipient`);
    expect(sent).toEqual([DPM_BOARD, LEADERS, PRESS].sort().map((recipient) => ({ recipient, status: 'sent', attempts: 1 })));
  });

  it('writes to the province leaders in Vietnamese with every zone, the total and the full workbook', async () => {
    const { mail } = only(LEADERS, 1);
    expect(mail.subject).toBe(`Báo cáo số liệu các khu công nghiệp tỉnh Lào Cai, số 1 — ${periodNameOf(QUARTER, 'vi')}`);
    expect(mail.from?.text).toContain('Ban Quản lý Khu kinh tế tỉnh Lào Cai');
    const html = String(mail.html);
    expect(html).toContain('<html lang="vi">');
    // Headline sentences first: 29,500.4 + 15,000 + 7,300 million đồng, 510 workers, every enterprise reported.
    expect(mail.text).toMatch(
      new RegExp(`^${periodNameOf(QUARTER, 'vi')}, giá trị sản xuất công nghiệp các khu, cụm công nghiệp đạt 51,8 tỷ đồng\\.\n`),
    );
    expect(mail.text).toContain('Số lao động là 510 người, thu nhập bình quân 6,3 triệu đồng/người/tháng.');
    expect(mail.text).toContain('7/7 doanh nghiệp đã nộp báo cáo (100,00%).');
    // Drafted for the press from the public figures: DPM (three filers) is named, BDH and TLG (withheld) are not.
    const press = mail.text!.slice(mail.text!.indexOf('Tin soạn sẵn cho báo chí'));
    expect(press).toMatch(/KCN Đông Phố Mới có .*giá trị sản xuất công nghiệp đạt 29,5 tỷ đồng/);
    expect(press).not.toMatch(/Bắc Duyên Hải|Tằng Loỏng|7,3 tỷ|15,0 tỷ/);
    // The board's overview of the quarter, on the site's address.
    expect(mail.text).toContain(`Xem số liệu trên trang: http://localhost:3000/?period=${QUARTER}`);
    expect(html).toContain('Giá trị SXCN (tỷ đồng)');
    for (const name of ['KCN Đông Phố Mới (DPM)', 'KCN Tằng Loỏng (TLG)', 'KCN Bắc Duyên Hải (BDH)', 'Tổng cộng'])
      expect(html).toContain(name);

    const workbook = await attachment({ mail } as ReceivedMail);
    const zones = sheetRecords(workbook.getWorksheet('Tổng hợp theo khu')!, 2);
    const byCode = Object.fromEntries(zones.map((z) => [String(z['Mã khu'] ?? z['Tên khu, cụm công nghiệp']), z]));
    // DPM: 12,000,400,000 + 9,000,000,000 + 8,500,000,000 = 29,500,400,000 đồng → 29,500 million.
    expect(field(byCode.DPM, OUTPUT_VI)).toBe(millions(Object.values(DPM)));
    expect(field(byCode.DPM, OUTPUT_VI)).toBe(29_500);
    expect(field(byCode.BDH, OUTPUT_VI)).toBe(7_300);
    expect(field(byCode['Tổng các khu công nghiệp'], OUTPUT_VI)).toBe(29_500 + 15_000 + 7_300);
    expect(workbook.getWorksheet('Tình hình nộp báo cáo')).toBeDefined();
  });

  it('writes to the DPM board member in English about DPM alone', async () => {
    const { mail } = only(DPM_BOARD, 1);
    expect(mail.subject).toBe(`Lào Cai industrial zones figures, issue 1 — ${periodNameOf(QUARTER, 'en')}`);
    const html = String(mail.html);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Gross output (billion VND)');
    expect(html).toContain('KCN Đông Phố Mới (DPM)');
    expect(html).not.toMatch(/TLG|BDH|Total/);

    const workbook = await attachment({ mail } as ReceivedMail);
    const sheet = workbook.getWorksheet('Zones and totals');
    expect(sheet).toBeDefined();
    const zones = sheetRecords(sheet!, 1);
    expect(zones.map((z) => z['Zone code'])).toEqual(['DPM']);
    expect(field(zones[0], OUTPUT_EN)).toBe(29_500);
  });

  it('writes to the press with the lone enterprise’s zone and its complement withheld', async () => {
    const { mail } = only(PRESS, 1);
    const text = mail.text ?? '';
    // The body shows 29.5 billion for DPM and marks BDH and TLG as withheld, with the reason.
    expect(text).toMatch(/KCN Đông Phố Mới \(DPM\) \| 3\/3 \| 30 \|/);
    expect(text).toMatch(/KCN Bắc Duyên Hải \(BDH\) \| 1\/1 \| x \|/);
    expect(text).toMatch(/KCN Tằng Loỏng \(TLG\) \| 3\/3 \| x \|/);
    expect(text).toContain('bảo mật thông tin của doanh nghiệp');
    // The sentences say the province's public total, and nothing of a withheld zone.
    const headlines = text.slice(0, text.indexOf('Ban Quản lý'));
    expect(headlines).toContain('đạt 51,8 tỷ đồng');
    expect(headlines).not.toMatch(/Bắc Duyên Hải|Tằng Loỏng|7,3|15,0/);
    expect(text).not.toContain('Tin soạn sẵn cho báo chí');
    // The inline chart: a PNG referenced by cid, its alt text the table's public cells (x where withheld).
    const chart = mail.attachments.find((a) => a.contentType === 'image/png')!;
    expect(chart.content.subarray(1, 4).toString()).toBe('PNG');
    expect(chart.cid).toBe('output-chart@kcn');
    // mailparser swaps a cid: reference for the image's own data: the one image of the body is the chart.
    const img = /<img src="(?:cid:output-chart@kcn|data:image\/png;base64,[^"]+)"[^>]*alt="([^"]*)"/.exec(String(mail.html))!;
    expect(img[1]).toContain('(tỷ đồng): KCN Bắc Duyên Hải x; KCN Đông Phố Mới 30; KCN Tằng Loỏng x.');
    expect(img[1]).not.toMatch(/7,3|15,0|\b15\b|\b7\b/);
    // A public subscriber is sent to the public page.
    expect(text).toContain(`Xem số liệu trên trang: http://localhost:3000/public?period=${QUARTER}`);

    const workbook = await attachment({ mail } as ReceivedMail);
    const zones = sheetRecords(workbook.getWorksheet('Tổng hợp theo khu')!, 2);
    const byCode = Object.fromEntries(zones.map((z) => [String(z['Mã khu'] ?? z['Tên khu, cụm công nghiệp']), z]));
    expect(field(byCode.DPM, OUTPUT_VI)).toBe(29_500);
    expect(field(byCode.BDH, OUTPUT_VI)).toBeNull();
    expect(field(byCode.TLG, OUTPUT_VI)).toBeNull();
    expect(field(byCode.BDH, 'Số báo cáo đã nhận')).toBe(1);
    expect(field(byCode['Tổng các khu công nghiệp'], OUTPUT_VI)).toBe(29_500 + 15_000 + 7_300);
    expect(String(field(byCode.BDH, 'Số liệu không công bố'))).toContain(OUTPUT_VI);
    // The board's filing status names enterprises: it stays with the board.
    expect(workbook.getWorksheet('Tình hình nộp báo cáo')).toBeUndefined();
  });

  it('answers a second request for the month with the same publication and sends nothing more', async () => {
    const again = await publish(sys.http, {}, admin);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: 1, number: 1, month: TODAY.month });
    await publications.add(JobName.PublishMonthly, 'monthly-c');
    expect((await publications.finished('monthly-c')).returnvalue).toEqual({ id: 1, created: false });
    // Emails are stored with their publication, in its transaction: none was, so none can be sent.
    expect(await emailRows()).toBe(3);
    expect(smtp.received).toHaveLength(3);
  });

  it('publishes a new numbered publication on force, with new emails', async () => {
    const forced = await publish(sys.http, { force: true }, admin);
    expect(forced.status).toBe(202);
    expect(forced.body).toMatchObject({ id: 2, number: 2, month: TODAY.month, forced: true, latestQuarter: QUARTER });
    await smtp.waitFor(() => smtp.received.length, 6);
    for (const recipient of [LEADERS, DPM_BOARD, PRESS]) expect(messagesOf(recipient, 2)).toHaveLength(1);
    expect(only(LEADERS, 2).mail.subject).toBe(`Báo cáo số liệu các khu công nghiệp tỉnh Lào Cai, số 2 — ${periodNameOf(QUARTER, 'vi')}`);
    const list = await sys.http.get('/v1/publications', admin);
    expect(list.body.items.map((p: { number: number }) => p.number)).toEqual([2, 1]);
    const firstPage = await sys.http.get('/v1/publications?limit=1', admin);
    expect(firstPage.body.items.map((p: { number: number }) => p.number)).toEqual([2]);
    const secondPage = await sys.http.get(`/v1/publications?limit=1&cursor=${firstPage.body.nextCursor}`, admin);
    expect(secondPage.body).toMatchObject({ items: [expect.objectContaining({ number: 1 })], nextCursor: null });
  });

  it('delivers to a server that refused at first once it recovers, and records the server’s answer', async () => {
    smtp.refuse(DPM_BOARD, 2);
    const forced = await publish(sys.http, { force: true }, admin);
    expect(forced.body.number).toBe(3);
    await smtp.waitFor(() => messagesOf(DPM_BOARD, 3).length, 1, 20_000);
    await allRecordedSent();
    expect(smtp.refusedAttempts.filter((r) => r === DPM_BOARD)).toHaveLength(2);
    expect(messagesOf(LEADERS, 3)).toHaveLength(1);

    const [row] = await sys.query(
      `SELECT status, attempts, last_error, server_response, sent_at FROM email_outbox
         WHERE recipient = $1 AND payload->>'publicationId' = '3'`,
      [DPM_BOARD],
    );
    expect(row).toMatchObject({ status: 'sent', attempts: 3, last_error: expect.stringContaining('451') });
    expect(row.server_response).toMatch(/^250 OK: queued as sink-\d+$/);
    expect(row.sent_at).toBeInstanceOf(Date);
  });

  it('marks the zone of a later amendment revised in the next publication', async () => {
    const amended = await submitAndDecide(
      sys.http,
      board,
      reportBody(DPM.D2, QUARTER, { grossOutput: 9_600 * M, revenue: 9_900 * M, workers: 90, wageFund: 90 * 3 * 6_400_000 }),
    );
    expect(amended).toMatchObject({ status: 'accepted', revision: 2 });
    const next = await publish(sys.http, { force: true }, admin);
    expect(next.body.number).toBe(4);
    expect(next.body.revised).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ zoneCode: 'DPM', period: QUARTER, fields: expect.arrayContaining(['grossOutput']) }),
      ]),
    );
    expect(next.body.revised.map((r: { zoneCode: string }) => r.zoneCode)).not.toContain('TLG');
    const dpm = (p: { figures: { latestQuarter: { zones: Array<{ zoneCode: string; grossOutput: string }> } } }) =>
      p.figures.latestQuarter.zones.find((z) => z.zoneCode === 'DPM')!;
    expect(dpm(next.body).grossOutput).toBe('30100400000');
    // What was published before stays as it was.
    expect(dpm((await sys.http.get('/v1/publications/3', admin)).body).grossOutput).toBe('29500400000');

    await smtp.waitFor(() => messagesOf(LEADERS, 4).length + messagesOf(DPM_BOARD, 4).length, 2);
    expect(only(LEADERS, 4).mail.text).toContain('Thay đổi so với lần công bố số 3:\n- Số liệu đã được điều chỉnh: DPM.');
    expect(only(DPM_BOARD, 4).mail.text).toContain('Changes since issue 3:\n- Revised: DPM.');
  });

  it('unsubscribes through the link in the email, once, after asking; the next publication does not write again', async () => {
    const { mail } = only(PRESS, 1);
    // mailparser gathers the List-* headers under `list`, by the part of the name after `list-`.
    const list = mail.headers.get('list') as Record<string, { url?: string; id?: string }>;
    const link = new URL(list.unsubscribe.url!);
    expect(mail.text).toContain(`Huỷ đăng ký: ${link.href}`);
    expect(JSON.stringify(list['unsubscribe-post'])).toContain('List-Unsubscribe=One-Click');
    expect(String(mail.html)).toContain(`href="${link.href}"`);
    const page = (init?: RequestInit) =>
      fetch(`http://127.0.0.1:${sys.env.PORT}${link.pathname}`, init).then(async (r) => [r.status, await r.text()] as const);
    // Opening the link only asks: mail scanners open links too.
    const [asked, askPage] = await page();
    expect(asked).toBe(200);
    expect(askPage).toContain(`Ngừng gửi thư báo cáo số liệu hằng tháng tới ${PRESS}?`);
    const active = () => sys.query('SELECT count(*)::int AS n FROM subscriptions WHERE email = $1 AND cancelled_at IS NULL', [PRESS]);
    expect(await active()).toEqual([{ n: 1 }]);
    // The mail client's one click: a POST from no page, the token its only key.
    const oneClick = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    };
    const [done, donePage] = await page(oneClick);
    expect([done, donePage.includes(`Đã huỷ đăng ký: ${PRESS} sẽ không nhận thư báo cáo số liệu nữa.`)]).toEqual([200, true]);
    expect(await active()).toEqual([{ n: 0 }]);
    const [, again] = await page(oneClick);
    expect(again).toContain('đã huỷ đăng ký từ trước');
    expect((await page({ method: 'GET' }).then(() => fetch(`http://127.0.0.1:${sys.env.PORT}/unsubscribe/${'0'.repeat(64)}`))).status).toBe(
      404,
    );

    const next = await publish(sys.http, { force: true }, admin);
    await smtp.waitFor(() => messagesOf(LEADERS, next.body.number).length, 1);
    await allRecordedSent();
    expect(messagesOf(PRESS, next.body.number)).toEqual([]);
  });
});
