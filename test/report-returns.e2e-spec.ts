import { JobName, QueueName } from '@app/queue';
import { createEnterprise, createZone, reportBody, submitAndDecide } from './support/fixtures';
import { expectFieldProblem, expectProblem } from './support/problem-assertions';
import { SmtpSink } from './support/smtp-sink';
import { startTestSystem, TestSystem } from './support/test-system';
import { waitFor } from './support/wait-for';

/**
 * The board returns an enterprise's current revision for amendment: who may, what it must say, the
 * email (through a real SMTP server started here, once), the follow-up that shows the return with its
 * age, the figures still counted until the amendment replaces them, and the audit log.
 */
const DPM = 'DPM';
const BDH = 'BDH';
const RETURNED = '5300700001';
const OTHER_ZONE = '5300700002';
const CONTACT = 'ke-toan@cong-ty-1.example.vn';
const PERIOD = '2025-Q3';
const SITE = 'https://baocao.example.vn/kcn';
const NO_SUCH_REPORT = '00000000-0000-4000-8000-000000000000';
const LOCAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/;
const ON_TIME = '2025-10-05T09:00:00+07:00';
const MESSAGE = 'Quỹ lương quý chưa gồm tiền thưởng: đề nghị bổ sung và nộp lại báo cáo.';

/** The calendar day in Vietnam of an instant, as YYYY-MM-DD: the age of a return counts these. */
const vietnamDay = (at: Date) => at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
const daysFrom = (from: Date, to: Date) => Math.round((Date.parse(vietnamDay(to)) - Date.parse(vietnamDay(from))) / 86_400_000);

describe('returning a report for amendment', () => {
  let smtp: SmtpSink;
  let sys: TestSystem;
  let admin: string;
  let boardDpm: string;
  let boardBdh: string;
  let filer: string;
  const id: Record<string, string> = {};
  const first = { grossOutput: 4_000_000_000, revenue: 4_400_000_000 };
  const amended = { grossOutput: 4_600_000_000, revenue: 5_000_000_000 };

  const dpmGrossOutput = async () => {
    const r = await sys.http.get(`/v1/summaries?period=${PERIOD}`, admin);
    return r.body.zones.find((z: { zoneCode: string }) => z.zoneCode === DPM).grossOutput as string;
  };
  const openReturns = async (token: string) => (await sys.http.get('/v1/follow-ups?returned=true', token)).body.items;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    sys = await startTestSystem('report_returns', { SMTP_URL: smtp.url, PUBLIC_BASE_URL: SITE });
    admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    boardDpm = await sys.token({ role: 'board', name: 'BQL Đông Phố Mới', zoneCodes: [DPM] });
    boardBdh = await sys.token({ role: 'board', name: 'BQL Bắc Duyên Hải', zoneCodes: [BDH] });
    filer = await sys.token({ role: 'enterprise', name: 'Kế toán Công ty 1', taxCode: RETURNED });
    await createZone(sys.http, admin, DPM, { name: 'KCN Đông Phố Mới', wageRegion: 2 });
    await createZone(sys.http, admin, BDH, { name: 'KCN Bắc Duyên Hải', wageRegion: 2 });
    await createEnterprise(sys.http, admin, RETURNED, DPM, { contactEmail: CONTACT });
    await createEnterprise(sys.http, admin, OTHER_ZONE, BDH);
    // Paper forms stamped before the due date (2025-10-10): on time, so the only follow-up is the return.
    id.first = (await submitAndDecide(sys.http, admin, { ...reportBody(RETURNED, PERIOD, first), receivedAt: ON_TIME })).id;
    id.otherZone = (await submitAndDecide(sys.http, admin, { ...reportBody(OTHER_ZONE, PERIOD), receivedAt: ON_TIME })).id;
    id.rejected = (await submitAndDecide(sys.http, admin, reportBody(OTHER_ZONE, '2025-Q2', { workers: 10, femaleWorkers: 12 }))).id;
  }, 60_000);

  afterAll(async () => {
    await sys?.close();
    await smtp?.close();
  }, 30_000);

  it("refuses another zone's board (404 as if missing), an enterprise (403), and unknown reports", async () => {
    const body = { message: MESSAGE };
    expectProblem(await sys.http.post(`/v1/reports/${id.first}/return`, body, boardBdh), 404);
    expectProblem(await sys.http.post(`/v1/reports/${id.first}/return`, body, filer), 403);
    expectProblem(await sys.http.post(`/v1/reports/${NO_SUCH_REPORT}/return`, body, admin), 404);
    expectProblem(await sys.http.post('/v1/reports/not-a-report/return', body, admin), 404);
    expect((await sys.http.get(`/v1/reports/${id.first}`, admin)).body.returned).toBeNull();
  });

  it('names the message when it is missing, not text, blank or too long', async () => {
    const url = `/v1/reports/${id.first}/return`;
    expectFieldProblem(await sys.http.post(url, {}, boardDpm), 400, 'message', 'REQUIRED');
    expectFieldProblem(await sys.http.post(url, { message: 42 }, boardDpm), 400, 'message', 'NOT_A_STRING');
    expectFieldProblem(await sys.http.post(url, { message: '   ' }, boardDpm), 422, 'message', 'BLANK');
    expectFieldProblem(await sys.http.post(url, { message: 'x'.repeat(501) }, boardDpm), 422, 'message', 'BLANK');
    expectFieldProblem(await sys.http.post(url, { message: MESSAGE, extra: 1 }, boardDpm), 400, 'extra', 'UNKNOWN_FIELD');
    expectFieldProblem(await sys.http.post(`/v1/reports/${id.rejected}/return`, { message: MESSAGE }, admin), 409, 'id', 'NOT_CURRENT');
    expect((await sys.http.get(`/v1/reports/${id.first}`, admin)).body.returned).toBeNull();
    expect(await sys.query('SELECT 1 FROM email_outbox')).toEqual([]);
  });

  it('returns the current revision: the report shows it to the board and the enterprise, wherever reports are read', async () => {
    const before = Date.now();
    const r = await sys.http.post(`/v1/reports/${id.first}/return`, { message: MESSAGE }, boardDpm);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: id.first, status: 'accepted', revision: 1 });
    expect(r.body.returned).toEqual({ at: expect.stringMatching(LOCAL_INSTANT), by: 'BQL Đông Phố Mới', message: MESSAGE });
    const at = Date.parse(r.body.returned.at);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);

    for (const token of [boardDpm, admin, filer]) {
      expect((await sys.http.get(`/v1/reports/${id.first}`, token)).body.returned).toEqual(r.body.returned);
      const listed = (await sys.http.get(`/v1/reports?taxCode=${RETURNED}&period=${PERIOD}`, token)).body.items;
      expect(listed.map((i: { id: string; returned: unknown }) => [i.id, i.returned])).toEqual([[id.first, r.body.returned]]);
    }
    // Returned once: a second return waits for the amendment.
    expectFieldProblem(await sys.http.post(`/v1/reports/${id.first}/return`, { message: 'Lần hai' }, admin), 409, 'id', 'ALREADY_RETURNED');
    expect((await sys.http.get(`/v1/reports/${id.first}`, admin)).body.returned.message).toBe(MESSAGE);
  });

  it("emails the enterprise once, in Vietnamese and English, with the quarter, the board's message and a link to amend", async () => {
    await smtp.waitFor(() => smtp.to(CONTACT).length, 1);
    await waitFor(
      'the email recorded sent',
      async () => (await sys.query(`SELECT 1 FROM email_outbox WHERE status = 'sent'`)).length === 1,
    );
    // The same email's job handed to the queue again, as a relay retrying would: it is not sent twice.
    const [{ id: emailId }] = await sys.query<{ id: string }>(`SELECT id::text FROM email_outbox WHERE kind = 'return'`);
    await sys.query('INSERT INTO outbox (queue, job_name, job_id, payload) VALUES ($1, $2, $3, $4)', [
      QueueName.Mail,
      JobName.SendEmail,
      `email-${emailId}-again`,
      JSON.stringify({ emailId }),
    ]);
    await waitFor(
      'the doubled job handed over',
      async () => (await sys.query('SELECT 1 FROM outbox WHERE published_at IS NULL')).length === 0,
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.to(CONTACT)).toHaveLength(1);

    const { mail } = smtp.to(CONTACT)[0];
    expect(mail.subject).toBe('Đề nghị sửa đổi báo cáo quý III/2025 / Report returned: Q3 2025');
    const text = mail.text ?? '';
    expect(text).toContain(`Kính gửi Công ty ${RETURNED} (MST ${RETURNED})`);
    expect(text).toContain(`Ý kiến của Ban Quản lý: ${MESSAGE}`);
    expect(text).toContain(`The board's message: ${MESSAGE}`);
    expect(text).toContain(`Sửa đổi báo cáo quý III/2025: ${SITE}/reports/new?period=${PERIOD}`);
    expect(text).toContain(`Amend the Q3 2025 report: ${SITE}/reports/new?period=${PERIOD}`);
    // Links name pages only: the enterprise signs in on arrival.
    expect([...new Set(text.match(/https?:\/\/\S+/g))]).toEqual([`${SITE}/reports/new?period=${PERIOD}`, `${SITE}/`]);
    const [row] = await sys.query(`SELECT recipient, status, dedupe_key FROM email_outbox WHERE kind = 'return'`);
    expect(row).toEqual({ recipient: CONTACT, status: 'sent', dedupe_key: `return:${id.first}` });
  });

  it('shows the open return in the follow-ups of boards of its zone, with its age in days', async () => {
    expect(await openReturns(boardBdh)).toEqual([]);
    const [item] = await openReturns(boardDpm);
    expect(item).toMatchObject({ reportId: id.first, taxCode: RETURNED, period: PERIOD, revision: 1, warnings: [] });
    expect(item.returned).toEqual({ at: expect.stringMatching(LOCAL_INSTANT), by: 'BQL Đông Phố Mới', message: MESSAGE, ageDays: 0 });
    // Clean figures: the report is in the follow-ups for its return alone, reviewed or not.
    expect((await sys.http.get('/v1/follow-ups?reviewed=false', boardDpm)).body.items.map((i: { reportId: string }) => i.reportId)).toEqual(
      [id.first],
    );
    expect((await sys.http.get('/v1/follow-ups?returned=false', boardDpm)).body.items).toEqual([]);

    // Four days on, as the board would read it then: the return is as old as the calendar days since.
    await sys.query(`UPDATE report_submissions SET returned_at = returned_at - interval '4 days' WHERE id = $1`, [id.first]);
    const [{ returned_at: at }] = await sys.query<{ returned_at: Date }>('SELECT returned_at FROM report_submissions WHERE id = $1', [
      id.first,
    ]);
    const [later] = await openReturns(admin);
    expect(later.returned.ageDays).toBe(daysFrom(at, new Date()));
    expect(later.returned.ageDays).toBe(4);
  });

  it("keeps the returned figures counted until the enterprise's amendment replaces them, which closes the return", async () => {
    expect(await dpmGrossOutput()).toBe(String(first.grossOutput));
    expect((await sys.http.get(`/v1/reports/${id.first}`, admin)).body.status).toBe('accepted');

    id.amended = (await submitAndDecide(sys.http, filer, reportBody(RETURNED, PERIOD, amended))).id;
    const now = (await sys.http.get(`/v1/reports/${id.amended}`, filer)).body;
    expect(now).toMatchObject({ status: 'accepted', revision: 2, returned: null });
    const old = (await sys.http.get(`/v1/reports/${id.first}`, filer)).body;
    expect(old).toMatchObject({ status: 'superseded', returned: null });
    await waitFor('the summary moved to the amendment', async () => (await dpmGrossOutput()) === String(amended.grossOutput));
    expect(await openReturns(boardDpm)).toEqual([]);
    expect((await sys.http.get('/v1/follow-ups', boardDpm)).body.items).toEqual([]);

    // The superseded revision is no longer the enterprise's to amend; the amendment may be returned in its turn.
    expectFieldProblem(await sys.http.post(`/v1/reports/${id.first}/return`, { message: MESSAGE }, boardDpm), 409, 'id', 'NOT_CURRENT');
    const again = await sys.http.post(`/v1/reports/${id.amended}/return`, { message: 'Thiếu số lao động nữ.' }, admin);
    expect(again.body.returned).toMatchObject({ by: 'Quản trị', message: 'Thiếu số lao động nữ.' });
    expect((await openReturns(boardDpm)).map((i: { reportId: string }) => i.reportId)).toEqual([id.amended]);
  });

  it('records who returned what and why in the audit log', async () => {
    const audit = await sys.http.get(`/v1/audit?entity=report&id=${id.first}`, admin);
    const returns = audit.body.items.filter((e: { action: string }) => e.action === 'report.return');
    expect(returns).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ name: 'board:BQL Đông Phố Mới' }),
        entity: 'report',
        entityId: id.first,
        details: { taxCode: RETURNED, period: PERIOD, revision: 1, message: MESSAGE, emailedTo: CONTACT },
      }),
    ]);
  });

  it('returns a report of an enterprise with no contact email without emailing, and an admin may return any zone', async () => {
    const r = await sys.http.post(`/v1/reports/${id.otherZone}/return`, { message: 'Kiểm tra lại doanh thu.' }, admin);
    expect(r.status).toBe(200);
    expect(await sys.query(`SELECT 1 FROM email_outbox WHERE payload->>'reportId' = $1`, [id.otherZone])).toEqual([]);
    const audit = await sys.http.get(`/v1/audit?entity=report&id=${id.otherZone}`, admin);
    const [event] = audit.body.items.filter((e: { action: string }) => e.action === 'report.return');
    expect(event.details).toMatchObject({ emailedTo: null, message: 'Kiểm tra lại doanh thu.' });
    expect((await openReturns(boardBdh)).map((i: { reportId: string }) => i.reportId)).toEqual([id.otherZone]);
  });

  it('cancels a return email the server has not taken yet when the amendment is accepted first', async () => {
    const taxCode = '5300700003';
    const contact = 'ke-toan@cong-ty-3.example.vn';
    await createEnterprise(sys.http, admin, taxCode, DPM, { contactEmail: contact });
    const report = await submitAndDecide(sys.http, admin, { ...reportBody(taxCode, PERIOD), receivedAt: ON_TIME });
    // The mail server refuses this recipient until told otherwise: the email waits, retried.
    smtp.refuse(contact, 1000);
    expect((await sys.http.post(`/v1/reports/${report.id}/return`, { message: MESSAGE }, boardDpm)).status).toBe(200);
    await waitFor('the first attempt refused', async () => smtp.refusedAttempts.includes(contact));
    await submitAndDecide(sys.http, admin, reportBody(taxCode, PERIOD, amended));
    const status = async () =>
      (await sys.query<{ status: string }>('SELECT status FROM email_outbox WHERE dedupe_key = $1', [`return:${report.id}`]))[0].status;
    await waitFor('the email cancelled', async () => (await status()) === 'cancelled', 30_000);
    smtp.refuse(contact, 0);
    expect(smtp.to(contact)).toEqual([]);
  });
});
