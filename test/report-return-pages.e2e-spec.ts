import { Browser, BrowserContext } from 'playwright-core';
import { formatQuarter, latestQuarterPastDue } from '@app/domain';
import { createEnterprise, createZone, reportBody, submitAndDecide } from './support/fixtures';
import { launchBrowser, newContext, screenshot, seriousViolations, signIn } from './support/browser';
import { startTestSystem, TestSystem } from './support/test-system';
import { waitFor } from './support/wait-for';

/*
 * A return in a real browser, from end to end: the board returns a report from the enterprise's page,
 * the enterprise sees it returned with the message on its quarters and its form and amends it, and the
 * board's follow-up of the return closes. The figures stay counted on the overview until replaced.
 */
const SUITE = 'report-return-pages';
const PERIOD = formatQuarter(latestQuarterPastDue(new Date()));
const FILER = '5300800001';
const MESSAGE = 'Giá trị sản xuất chưa gồm phân xưởng mới: đề nghị bổ sung và nộp lại.';

describe('returning a report in the browser', () => {
  let system: TestSystem;
  let browser: Browser;
  let base: string;
  let board: string;
  let filer: string;
  const contexts: BrowserContext[] = [];

  const open = async () => {
    const context = await newContext(browser, base);
    contexts.push(context);
    return context;
  };
  const stored = () =>
    system.query<{ status: string; revision: number; gross_output: string; returned: boolean }>(
      `SELECT status, revision, gross_output::text, returned_at IS NOT NULL AS returned FROM report_submissions
       WHERE tax_code = $1 ORDER BY received_at`,
      [FILER],
    );

  beforeAll(async () => {
    system = await startTestSystem(SUITE);
    base = `http://127.0.0.1:${system.env.PORT}`;
    const admin = await system.token({ role: 'admin', name: 'Quản trị' });
    board = await system.token({ role: 'board', name: 'BQL Bắc Duyên Hải', zoneCodes: ['BDH'] });
    filer = await system.token({ role: 'enterprise', name: 'Kế toán Công ty 1', taxCode: FILER });
    await createZone(system.http, admin, 'BDH', { name: 'KCN Bắc Duyên Hải' });
    await createEnterprise(system.http, admin, FILER, 'BDH', { contactEmail: 'ke-toan@cong-ty-1.example.vn' });
    await submitAndDecide(system.http, admin, reportBody(FILER, PERIOD, { grossOutput: 12_345_000_000 }));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await system?.close();
  });

  it("board returns, the enterprise sees it and amends, the board's follow-up closes", async () => {
    const boardContext = await open();
    const page = await signIn(boardContext, board, `/enterprises/${FILER}?lang=en`);
    const section = page.locator(`section.period:has(h2#period-${PERIOD})`);
    const button = section.getByRole('button', { name: 'Return for amendment' });

    // Nothing typed: refused, and said next to the field.
    await button.click();
    await page.waitForLoadState();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Say what the enterprise should correct');
    await expect(section.getByLabel('Message to the enterprise').getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await stored())[0].returned).toBe(false);

    await section.getByLabel('Message to the enterprise').fill(MESSAGE);
    await section.getByRole('button', { name: 'Return for amendment' }).click();
    await page.waitForURL((url) => url.searchParams.get('returned') === '1');
    await expect(page.getByRole('status').textContent()).resolves.toContain('The report has been returned; the enterprise is emailed.');
    const note = section.locator('[data-returned]');
    await expect(note.locator('blockquote').textContent()).resolves.toBe(MESSAGE);
    await expect(note.textContent()).resolves.toContain('stay counted in the summaries until an amendment is accepted');
    await expect(section.getByRole('button', { name: 'Return for amendment' }).count()).resolves.toBe(0);
    await screenshot(page, SUITE, 'board-returned');
    expect(await seriousViolations(page)).toEqual([]);

    // The board's follow-ups: the open return, returned today; the figures still counted on the overview.
    await page.goto('/follow-ups?lang=en');
    const returns = page.locator('section:has(h2#open-returns)');
    await expect(returns.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Returned, waiting for amendment (1)');
    await expect(returns.locator('article').textContent()).resolves.toContain('returned today');
    await expect(returns.locator('blockquote').textContent()).resolves.toBe(MESSAGE);
    await screenshot(page, SUITE, 'follow-ups-open');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`/?lang=en&period=${PERIOD}`);
    await expect(page.locator('tr[data-zone="BDH"]').textContent()).resolves.toContain('12.3');

    // The enterprise: its quarter is returned, with the message and the way to amend.
    const filerContext = await open();
    const mine = await signIn(filerContext, filer, '/?lang=en');
    const quarter = mine.locator(`li.quarter[data-period="${PERIOD}"]`);
    await expect(quarter.locator('.badge').first().textContent()).resolves.toBe('returned');
    await expect(quarter.locator('blockquote').textContent()).resolves.toBe(MESSAGE);
    await screenshot(mine, SUITE, 'enterprise-quarters-returned');
    expect(await seriousViolations(mine)).toEqual([]);
    // In Vietnamese, as most enterprises read it.
    await mine.goto('/?lang=vi');
    const quý = mine.locator(`li.quarter[data-period="${PERIOD}"]`);
    await expect(quý.locator('.badge').first().textContent()).resolves.toBe('Bị trả lại');
    await expect(quý.textContent()).resolves.toContain('vẫn được tính trong số liệu tổng hợp');
    await screenshot(mine, SUITE, 'enterprise-quarters-returned-vi');
    await mine.goto('/?lang=en');
    await quarter.getByRole('link', { name: 'Amend report' }).click();
    await mine.waitForURL(`**/reports/new?period=${PERIOD}`);
    await expect(mine.locator('[data-returned] blockquote').textContent()).resolves.toBe(MESSAGE);
    await mine.getByLabel('Gross output', { exact: true }).fill('13.500.000.000');
    await screenshot(mine, SUITE, 'enterprise-amending');
    await mine.getByRole('button', { name: 'Submit report' }).click();
    await mine.waitForSelector('#verdict [data-status="accepted"]', { timeout: 15_000 });
    expect(await stored()).toEqual([
      { status: 'superseded', revision: 1, gross_output: '12345000000', returned: true },
      { status: 'accepted', revision: 2, gross_output: '13500000000', returned: false },
    ]);
    await mine.goto('/?lang=en');
    await expect(mine.locator(`li.quarter[data-period="${PERIOD}"] .badge`).first().textContent()).resolves.toBe('accepted');
    await expect(mine.locator(`li.quarter[data-period="${PERIOD}"] [data-returned]`).count()).resolves.toBe(0);

    // The board's follow-up of the return has closed; the overview counts the amendment.
    await page.goto('/follow-ups?lang=en');
    await expect(returns.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Returned, waiting for amendment (0)');
    await expect(returns.textContent()).resolves.toContain('No returned report is waiting for amendment.');
    await screenshot(page, SUITE, 'follow-ups-closed');
    await waitFor('the overview counts the amendment', async () => {
      await page.goto(`/?lang=en&period=${PERIOD}`);
      return ((await page.locator('tr[data-zone="BDH"]').textContent()) ?? '').includes('13.5');
    });
    await page.goto(`/enterprises/${FILER}?lang=en`);
    await expect(page.locator('[data-returned]').count()).resolves.toBe(0);
    await screenshot(page, SUITE, 'board-after-amendment');
  });
});
