import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ParsedMail, simpleParser } from 'mailparser';
import { periodNameOf, periodPhrase } from '@app/domain';
import { QueueName } from '@app/queue';
import { runCli } from './support/cli';
import { createEnterprise, createZone, reportBody, submitAndDecide } from './support/fixtures';
import { dueMonth, todaysPublication } from './support/publication-calendar';
import { QueueJobs } from './support/queue-jobs';
import { startTestSystem, TestSystem } from './support/test-system';

/*
 * The schedules are BullMQ job schedulers; here they fire every second (cron with seconds) instead of
 * on day 1 at 07:00 and daily at 08:00, so time is driven through BullMQ's own options, and what a job
 * does depends on the instant it was due. The machine clock is the only "now": the reminders before a
 * due date are run as of a past instant with `cli reminders:scan --at`, as an operator making up for a
 * missed scan would. Emails go to .eml files (no SMTP_URL), read back from disk.
 * Enterprises of DPM, all operating from the start of the latest quarter past due:
 * - R1 has a contact email and files nothing: one reminder, then one overdue notice;
 * - R2 files the quarter: never written to;
 * - R3 files nothing but has no contact email: nobody to write to;
 * - R4's report is rejected (parts above the total): no accepted report, so treated as R1;
 * - R5 starts operating after the quarter: not expected to file it.
 */
const TODAY = todaysPublication();
const QUARTER = TODAY.latestQuarter;
// As the reminders write it mid-sentence: `quý III/2026`.
const QUARTER_VI = periodPhrase(QUARTER, 'vi');
const DUE_MONTH = dueMonth(QUARTER);
const QUARTER_START = `${QUARTER.slice(0, 4)}-${String((Number(QUARTER.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
const R = { R1: '5300500001', R2: '5300500002', R3: '5300500003', R4: '5300500004', R5: '5300500005' };
const email = (taxCode: string) => `ke-toan.${taxCode}@dn.example`;
const EVERY_SECOND = '* * * * * *';
// Behind a proxy, under a path of its own: the emails' links are on this address, not the api's own.
const SITE = 'https://bao-cao.kcn.laocai.example/cong';
/** Every link in an email, in its text and in its HTML. */
const linksIn = (mail: ParsedMail) => ({
  text: [...new Set(mail.text!.match(/https?:\/\/[^\s"<]+/g))],
  html: [...new Set((mail.html as string).match(/href="[^"]*"/g)!.map((h) => h.slice(6, -1)))],
});

describe('schedules: the monthly publication and the reminders, driven by BullMQ job schedulers', () => {
  let sys: TestSystem;
  let admin: string;
  let board: string;
  let publications: QueueJobs;
  let reminders: QueueJobs;
  let mailDir: string;

  /** Every .eml written so far, parsed, keyed by file name. */
  const writtenMail = async (): Promise<Record<string, ParsedMail>> => {
    const files = (await readdir(mailDir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
    return Object.fromEntries(
      await Promise.all(files.map(async (f) => [f, await simpleParser(await readFile(join(mailDir, f)))] as const)),
    );
  };
  const outbox = () =>
    sys.query<{ kind: string; recipient: string; status: string }>(
      `SELECT kind, recipient, status FROM email_outbox WHERE kind <> 'publication' ORDER BY kind, recipient`,
    );
  const scanAt = async (at: string) => {
    const run = await runCli(sys.env, ['reminders:scan', '--at', at]);
    if (run.code !== 0) throw new Error(`reminders:scan --at ${at}: ${run.code} ${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').pop()!);
  };
  const waitUntil = async (what: string, ready: () => Promise<boolean>, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await ready())) {
      if (Date.now() > deadline) throw new Error(`${what} not after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    sys = await startTestSystem('publication_schedule', { PUBLIC_BASE_URL: SITE });
    mailDir = join(__dirname, '..', sys.env.MAIL_DIR);
    admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    board = await sys.token({ role: 'board', name: 'Ban Quản lý KKT' });
    await createZone(sys.http, admin, 'DPM', { name: 'KCN Đông Phố Mới' });
    for (const taxCode of [R.R1, R.R2, R.R4])
      await createEnterprise(sys.http, admin, taxCode, 'DPM', { operatingFrom: QUARTER_START, contactEmail: email(taxCode) });
    await createEnterprise(sys.http, admin, R.R3, 'DPM', { operatingFrom: QUARTER_START });
    await createEnterprise(sys.http, admin, R.R5, 'DPM', { operatingFrom: `${TODAY.month}-01`, contactEmail: email(R.R5) });
    expect(await submitAndDecide(sys.http, board, reportBody(R.R2, QUARTER))).toMatchObject({ status: 'accepted' });
    expect(await submitAndDecide(sys.http, board, reportBody(R.R4, QUARTER, { workers: 10, femaleWorkers: 12 }))).toMatchObject({
      status: 'rejected',
    });
    expect(
      (await sys.http.post('/v1/subscriptions', { email: 'lanh-dao@ubnd.laocai.example', zoneCodes: 'all', language: 'vi' }, admin)).status,
    ).toBe(201);
    publications = new QueueJobs(sys, QueueName.Publications);
    reminders = new QueueJobs(sys, QueueName.Reminders);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([publications?.close(), reminders?.close()]);
    await sys?.close();
    if (mailDir) await rm(mailDir, { recursive: true, force: true });
  }, 30_000);

  it('reminds, in the days before the due date, the enterprises with no accepted report, once', async () => {
    // Nine days before the due date is before the seven-day window: nothing yet.
    expect(await scanAt(`${DUE_MONTH}-01T08:00:00+07:00`)).toEqual({ reminders: 0, overdue: 0 });
    expect(await scanAt(`${DUE_MONTH}-05T08:00:00+07:00`)).toEqual({ reminders: 2, overdue: 0 });
    expect(await scanAt(`${DUE_MONTH}-08T08:00:00+07:00`)).toEqual({ reminders: 0, overdue: 0 });
    await waitUntil('reminders written', async () => Object.keys(await writtenMail()).length === 2);

    const mail = await writtenMail();
    expect(Object.keys(mail)).toEqual([`reminder_${R.R1}_${QUARTER}.eml`, `reminder_${R.R4}_${QUARTER}.eml`]);
    const first = mail[`reminder_${R.R1}_${QUARTER}.eml`];
    expect(first.to).toMatchObject({ text: email(R.R1) });
    expect(first.subject).toBe(`Nhắc nộp báo cáo ${QUARTER_VI} / Reminder: ${periodNameOf(QUARTER, 'en')} report due ${DUE_MONTH}-10`);
    const dueDay = `10/${DUE_MONTH.slice(5)}/${DUE_MONTH.slice(0, 4)}`;
    expect(first.text).toContain(`Kính gửi Công ty ${R.R1} (MST ${R.R1}): báo cáo ${QUARTER_VI} cần được nộp trước ngày ${dueDay}.`);
    // It links to the quarter's form and to the enterprise's quarters on the site, and to nothing else: no token rides along.
    const filingLinks = [`${SITE}/reports/new?period=${QUARTER}`, `${SITE}/`];
    expect(linksIn(first)).toEqual({ text: filingLinks, html: filingLinks });
    expect(first.text).toContain(`Nộp báo cáo ${QUARTER_VI} trực tuyến: ${SITE}/reports/new?period=${QUARTER}`);
    expect(await outbox()).toEqual([
      { kind: 'reminder', recipient: email(R.R1), status: 'sent' },
      { kind: 'reminder', recipient: email(R.R4), status: 'sent' },
    ]);
  });

  it('refuses to scan as of an instant that has not come yet', async () => {
    const run = await runCli(sys.env, ['reminders:scan', '--at', '2999-01-01T08:00:00+07:00']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--at must not lie in the future');
  });

  it('publishes once in the month and sends each overdue notice once, however often the schedules fire', async () => {
    await sys.stopWorker();
    await sys.startWorker({ PUBLICATION_CRON: EVERY_SECOND, REMINDER_CRON: EVERY_SECOND });
    // The worker upserts its schedulers once Redis answers, right after start-up.
    const schedulers = async () => [...(await publications.schedulers()), ...(await reminders.schedulers())];
    await waitUntil('schedulers upserted', async () => (await schedulers()).every((s) => s.pattern === EVERY_SECOND));
    expect(await schedulers()).toEqual([
      expect.objectContaining({ key: 'monthly-publication', pattern: EVERY_SECOND, tz: 'Asia/Ho_Chi_Minh' }),
      expect.objectContaining({ key: 'daily-reminders', pattern: EVERY_SECOND, tz: 'Asia/Ho_Chi_Minh' }),
    ]);
    await waitUntil(
      'three runs of each schedule',
      async () => (await publications.completed()).length >= 3 && (await reminders.completed()).length >= 3,
    );

    const runs = await publications.completed();
    // Each run is the occurrence due at a whole second of today, and all but one found the month published.
    expect(
      runs.every((j) => j.id!.startsWith('repeat:monthly-publication:') && (j.opts as { prevMillis?: number }).prevMillis! % 1000 === 0),
    ).toBe(true);
    expect(runs.map((j) => j.returnvalue.created).filter(Boolean)).toHaveLength(1);
    expect(new Set(runs.map((j) => j.returnvalue.id))).toEqual(new Set([1]));
    expect(await sys.query('SELECT id, month, as_of, published_by, forced, latest_quarter FROM publications')).toEqual([
      { id: 1, month: TODAY.month, as_of: TODAY.day, published_by: 'schedule', forced: false, latest_quarter: QUARTER },
    ]);
    expect(await sys.query(`SELECT recipient FROM email_outbox WHERE kind = 'publication'`)).toEqual([
      { recipient: 'lanh-dao@ubnd.laocai.example' },
    ]);

    // The latest quarter's due date has passed: R1 and R4 are told once that they are overdue.
    const scans = await reminders.completed();
    expect(scans.map((j) => j.returnvalue.overdue).reduce((a, b) => a + b, 0)).toBe(2);
    await waitUntil(
      'overdue notices written',
      async () => Object.keys(await writtenMail()).filter((f) => f.startsWith('overdue')).length === 2,
    );
    const mail = await writtenMail();
    expect(Object.keys(mail)).toEqual([
      `overdue_${R.R1}_${QUARTER}.eml`,
      `overdue_${R.R4}_${QUARTER}.eml`,
      expect.stringMatching(/^publication_1_[0-9a-f-]+\.eml$/),
      `reminder_${R.R1}_${QUARTER}.eml`,
      `reminder_${R.R4}_${QUARTER}.eml`,
    ]);
    expect(mail[`overdue_${R.R4}_${QUARTER}.eml`].subject).toBe(
      `Quá hạn nộp báo cáo ${QUARTER_VI} / Overdue: ${periodNameOf(QUARTER, 'en')} report`,
    );
    const filingLinks = [`${SITE}/reports/new?period=${QUARTER}`, `${SITE}/`];
    expect(linksIn(mail[`overdue_${R.R4}_${QUARTER}.eml`])).toEqual({ text: filingLinks, html: filingLinks });
  });

  it('writes nothing more to an enterprise once it has filed, and nothing twice', async () => {
    expect(await submitAndDecide(sys.http, board, reportBody(R.R4, QUARTER))).toMatchObject({ status: 'accepted' });
    const scansBefore = (await reminders.completed()).length;
    await waitUntil('two more reminder scans', async () => (await reminders.completed()).length >= scansBefore + 2);
    expect(await outbox()).toEqual([
      { kind: 'overdue', recipient: email(R.R1), status: 'sent' },
      { kind: 'overdue', recipient: email(R.R4), status: 'sent' },
      { kind: 'reminder', recipient: email(R.R1), status: 'sent' },
      { kind: 'reminder', recipient: email(R.R4), status: 'sent' },
    ]);
    expect(await sys.query('SELECT count(*)::int AS n FROM publications')).toEqual([{ n: 1 }]);
    expect(Object.keys(await writtenMail())).toHaveLength(5);
  });
});
