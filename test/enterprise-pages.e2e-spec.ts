import { Browser, BrowserContext, Page } from 'playwright-core';
import { Workbook } from 'exceljs';
import { addQuarters, formatQuarter, latestQuarterPastDue } from '@app/domain';
import { createEnterprise, createZone, reportBody, submitAndDecide } from './support/fixtures';
import { launchBrowser, newContext, screenshot, seriousViolations, signIn } from './support/browser';
import { startTestSystem, TestSystem } from './support/test-system';
import { waitFor } from './support/wait-for';

/*
 * An enterprise's own pages in a real browser (Debian's Chromium), against the built api and worker:
 * its quarters, the online form followed to its verdict, amending, uploads with errors by cell, and
 * the walls between an enterprise and everything that is not its own.
 */
const SUITE = 'enterprise-pages';
const PERIOD = formatQuarter(latestQuarterPastDue(new Date()));
const EARLIER = formatQuarter(addQuarters(latestQuarterPastDue(new Date()), -1));
const FILER = '5300400001';
const UPLOADER = '5300400002';
const OTHER = '5300400003';

describe('enterprise pages in the browser', () => {
  let system: TestSystem;
  let browser: Browser;
  let base: string;
  let filer: string;
  let uploader: string;
  let board: string;
  const contexts: BrowserContext[] = [];

  const open = async (size: 'desktop' | 'phone' = 'desktop') => {
    const context = await newContext(browser, base, size);
    contexts.push(context);
    return context;
  };

  const submissions = (taxCode: string, period: string) =>
    system.query<{ status: string; revision: number | null; revenue: string }>(
      'SELECT status, revision, revenue::text FROM report_submissions WHERE tax_code = $1 AND period = $2 ORDER BY received_at, id',
      [taxCode, period],
    );

  /** Nothing wider than the window: a phone needs no horizontal scrolling. */
  const fitsWidth = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth');

  beforeAll(async () => {
    system = await startTestSystem(SUITE);
    base = `http://127.0.0.1:${system.env.PORT}`;
    const admin = await system.token({ role: 'admin', name: 'Quản trị' });
    board = await system.token({ role: 'board', name: 'Ban Quản lý', zoneCodes: null });
    await createZone(system.http, admin, 'BDH', { name: 'KCN Bắc Duyên Hải' });
    for (const tax of [FILER, UPLOADER, OTHER]) await createEnterprise(system.http, admin, tax, 'BDH');
    filer = await system.token({ role: 'enterprise', name: 'Kế toán Công ty 1', taxCode: FILER });
    uploader = await system.token({ role: 'enterprise', name: 'Kế toán Công ty 2', taxCode: UPLOADER });
    // The other enterprise has a report of its own, which nobody else may see.
    await submitAndDecide(system.http, admin, reportBody(OTHER, PERIOD, { grossOutput: 87_654_321_012 }));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await system?.close();
  });

  it('shows the quarters the enterprise owes, with due dates, days left or overdue, and what to do', async () => {
    const context = await open();
    const page = await signIn(context, filer);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('My quarters');
    const quarter = page.locator(`li.quarter[data-period="${PERIOD}"]`);
    await expect(quarter.locator('.badge').first().textContent()).resolves.toBe('missing');
    await expect(quarter.textContent()).resolves.toMatch(/Due by \d{1,2} \w{3} \d{4} · \d+ days (left|overdue)|today is the last day/);
    await expect(quarter.getByRole('link', { name: 'File report' }).getAttribute('href')).resolves.toBe(`/reports/new?period=${PERIOD}`);
    await screenshot(page, SUITE, 'my-quarters');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps what was typed and names each error next to its field and in the summary; fixed, the report is accepted live', async () => {
    const boardContext = await open();
    const overview = await signIn(boardContext, board, `/?lang=en&period=${PERIOD}`);
    const bdhRow = overview.locator('tr[data-zone="BDH"]');
    await expect(bdhRow.textContent()).resolves.toContain('87.7');

    const context = await open();
    const page = await signIn(context, filer, `/reports/new?period=${PERIOD}&lang=en`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      `Report for Q${PERIOD.slice(-1)} ${PERIOD.slice(0, 4)}`,
    );
    await page.getByLabel('Gross output', { exact: true }).fill('12.345.678.901');
    await page.getByLabel('Revenue', { exact: true }).fill('13000000000');
    await page.getByLabel('Workers', { exact: true }).fill('120');
    await page.getByLabel('Women', { exact: true }).fill('150');
    // The part above its total is flagged as it is typed, before anything is sent.
    await expect(page.locator('#f-employment-femaleWorkers-error').textContent()).resolves.toBe(
      'Women may not be more than the workers at quarter end.',
    );
    await page.getByRole('button', { name: 'Submit report' }).click();
    await page.waitForLoadState();
    const summary = page.getByRole('alert');
    await expect(summary.textContent()).resolves.toContain('Wage fund: Required: enter a number (0 if none).');
    // Only the empty field is named at first: the figure rules run once the report is whole.
    await expect(page.getByLabel('Wage fund', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Gross output', { exact: true }).inputValue()).resolves.toBe('12,345,678,901');
    await expect(page.getByLabel('Women', { exact: true }).inputValue()).resolves.toBe('150');
    await screenshot(page, SUITE, 'form-errors');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Wage fund', { exact: true }).fill('1.800.000.000');
    await page.getByRole('button', { name: 'Submit report' }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Women (150) is more than the workers at quarter end (120).');
    await expect(page.locator('a[href="#f-employment-femaleWorkers"]').count()).resolves.toBe(1);
    expect(await submissions(FILER, PERIOD)).toEqual([]);

    await page.getByLabel('Women', { exact: true }).fill('45');
    await page.getByRole('button', { name: 'Submit report' }).click();
    await page.waitForSelector('#verdict [data-status="accepted"]', { timeout: 15_000 });
    await expect(page.locator('#verdict').textContent()).resolves.toContain('The report was accepted.');
    await screenshot(page, SUITE, 'form-accepted');
    // The board's overview, open all along, moved with no reload.
    const started = Date.now();
    await waitFor('the overview to show the new report', async () => ((await bdhRow.textContent()) ?? '').includes('100.0'), 2_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await submissions(FILER, PERIOD)).toEqual([{ status: 'accepted', revision: 1, revenue: '13000000000' }]);
  });

  it('files one report for a double click and for the same form sent again', async () => {
    const context = await open();
    const page = await signIn(context, filer, `/reports/new?period=${EARLIER}&lang=en`);
    await page.getByLabel('Gross output', { exact: true }).fill('5000000000');
    await page.getByLabel('Revenue', { exact: true }).fill('5000000000');
    await page.getByLabel('Workers', { exact: true }).fill('50');
    await page.getByLabel('Wage fund', { exact: true }).fill('900000000');
    const form = Object.fromEntries(
      await page
        .locator('form[data-report-form] input')
        .evaluateAll((inputs) => inputs.map((i) => [i.getAttribute('name'), (i as unknown as { value: string }).value])),
    );
    await page.getByRole('button', { name: 'Submit report' }).dblclick();
    await page.waitForSelector('#verdict [data-decided="true"]', { timeout: 15_000 });
    const resent = await context.request.post('/reports/new', { form, headers: { origin: base } });
    expect(resent.status()).toBe(200);
    expect(await submissions(FILER, EARLIER)).toEqual([{ status: 'accepted', revision: 1, revenue: '5000000000' }]);
  });

  it('amends from the current figures, shows what changed, and the revision reaches the history and the board', async () => {
    const context = await open();
    const page = await signIn(context, filer);
    await page.locator(`li.quarter[data-period="${PERIOD}"]`).getByRole('link', { name: 'Amend report' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^Amend the report for /);
    await expect(page.getByLabel('Gross output', { exact: true }).inputValue()).resolves.toBe('12,345,678,901');
    await expect(page.getByLabel('Women', { exact: true }).inputValue()).resolves.toBe('45');
    await page.getByLabel('Revenue', { exact: true }).fill('14,000,000,000');
    await page.getByRole('button', { name: 'Submit report' }).click();
    await page.waitForSelector('#verdict [data-status="accepted"]', { timeout: 15_000 });
    const changes = page.locator('table.changes');
    await expect(changes.textContent()).resolves.toMatch(/Net revenue \(VND\)\s*13,000,000,000\s*14,000,000,000/);
    await screenshot(page, SUITE, 'amended');

    await page.goto('/?lang=en');
    await page.locator(`li.quarter[data-period="${PERIOD}"]`).getByRole('link', { name: 'See revisions' }).click();
    await expect(page.locator(`#period-${PERIOD}`).locator('..').textContent()).resolves.toMatch(/Revision 2/);

    const boardPage = await signIn(await open(), board, `/enterprises/${FILER}?lang=en`);
    await expect(boardPage.locator(`section[aria-labelledby="period-${PERIOD}"]`).textContent()).resolves.toMatch(
      /Revision 2 · accepted[\s\S]*14,000,000,000/,
    );
    expect(await submissions(FILER, PERIOD)).toEqual([
      { status: 'superseded', revision: 1, revenue: '13000000000' },
      { status: 'accepted', revision: 2, revenue: '14000000000' },
    ]);
  });

  it('lists the bad cells of an uploaded workbook, then accepts every row of the fixed one', async () => {
    const context = await open();
    const page = await signIn(context, uploader, '/upload?lang=en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Upload reports');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download template' }).click()]);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet('Reports')!;
    const paths = (sheet.getRow(2).values as unknown[]).map(String);
    const cell = (path: string) => sheet.getRow(3).getCell(paths.indexOf(path));
    expect([cell('taxCode').value, cell('period').value]).toEqual([UPLOADER, PERIOD]);
    const fill = (values: Record<string, unknown>) => {
      for (const [path, value] of Object.entries(values)) cell(path).value = value as never;
    };
    fill({ 'production.grossOutput': 'mười tỷ', 'production.revenue': 9_000_000_000, 'employment.workers': -5, 'wages.wageFund': null });
    const refs = ['production.grossOutput', 'employment.workers', 'wages.wageFund'].map((p) => cell(p).address).sort();

    const upload = async (name: string) => {
      await page
        .getByLabel('Report file')
        .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(await workbook.xlsx.writeBuffer()) });
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.waitForURL((url) => /^\/upload\/[0-9a-f-]{36}$/.test(url.pathname));
    };
    await upload('bad.xlsx');
    const listed = await page.locator('li[data-cell]').evaluateAll((items) => items.map((i) => i.getAttribute('data-cell')));
    expect([...listed].sort()).toEqual(refs);
    await expect(page.locator('tr[data-row="3"]').textContent()).resolves.toContain(
      `Cell ${cell('wages.wageFund').address}: Wage fund: Required`,
    );
    await screenshot(page, SUITE, 'upload-invalid');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/upload?lang=en');
    fill({ 'production.grossOutput': 10_000_000_000, 'employment.workers': 80, 'wages.wageFund': 1_500_000_000 });
    await upload('fixed.xlsx');
    await page.waitForSelector('#verdict [data-processed="true"]', { timeout: 15_000 });
    await expect(page.locator('tr[data-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).resolves.toEqual([
      'accepted',
    ]);
    await screenshot(page, SUITE, 'upload-accepted');
  });

  it("keeps an enterprise to its own pages: another's history and the board's pages answer 404 or 403, nothing of theirs", async () => {
    const context = await open();
    const page = await signIn(context, filer);
    for (const [path, status] of [
      [`/enterprises/${OTHER}`, 404],
      ['/filing', 403],
      [`/zones/BDH`, 403],
      ['/follow-ups', 403],
      ['/overview.xlsx', 403],
    ] as const) {
      const response = await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=en`);
      expect([path, response!.status()]).toEqual([path, status]);
      const content = await page.content();
      expect(content).not.toContain(`Công ty ${OTHER}`);
      expect(content).not.toMatch(/87[.,]654[.,]321[.,]012|87654321012|87[.,]7/);
    }
    const boardPage = await signIn(await open(), board, '/upload?lang=en');
    await expect(boardPage.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Not allowed');
  });

  it('can be filled with the keyboard alone, and reads well on a phone', async () => {
    const context = await open('phone');
    const page = await signIn(context, uploader, `/reports/new?period=${EARLIER}`);
    await expect(page.getByLabel('Giá trị sản xuất', { exact: true }).count()).resolves.toBe(1);
    await page.getByLabel('Giá trị sản xuất', { exact: true }).focus();
    const typed: Record<string, string> = {
      'production.grossOutput': '7000000000',
      'production.revenue': '7100000000',
      'employment.workers': '60',
      'wages.wageFund': '1000000000',
    };
    // Tab from field to field, typing where there is something to say, then Enter submits.
    for (let i = 0; i < 13; i++) {
      const name = await page.evaluate<string>('document.activeElement.name');
      if (typed[name]) await page.keyboard.type(typed[name]);
      await page.keyboard.press('Tab');
    }
    await expect(page.evaluate<string>('document.activeElement.textContent')).resolves.toBe('Nộp báo cáo');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#verdict [data-status="accepted"]', { timeout: 15_000 });
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, SUITE, 'phone-accepted');
    for (const path of ['/', `/reports/new?period=${PERIOD}`, '/upload']) {
      await page.goto(path);
      expect([path, await fitsWidth(page)]).toEqual([path, true]);
      await screenshot(page, SUITE, `phone${path.replace(/[/?=]+/g, '-')}`);
      expect(await seriousViolations(page)).toEqual([]);
    }
  });
});
