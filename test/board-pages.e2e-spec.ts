import { Browser, BrowserContext, Page } from 'playwright-core';
import { formatQuarter, latestQuarterPastDue } from '@app/domain';
import { createEnterprise, createZone, reportBody, submitAndDecide } from './support/fixtures';
import { fileOnPaper } from './support/paper-filings';
import { launchBrowser, newContext, screenshot, seriousViolations, signIn } from './support/browser';
import { startTestSystem, TestSystem } from './support/test-system';
import { waitFor } from './support/wait-for';
import { openWorkbook, sheetRecords } from './support/workbook-rows';
import { readFileSync } from 'node:fs';

/*
 * The board's pages in a real browser (Debian's Chromium through playwright-core), against the built
 * api and worker. The world: two industrial parks (BDH, DPM) and a cluster (CCN-TT), an enterprise or
 * two in each, reports for the latest quarter past due (the overview's default) and a year earlier.
 */
const SUITE = 'board-pages';
const PERIOD = formatQuarter(latestQuarterPastDue(new Date()));
const YEAR_EARLIER = `${Number(PERIOD.slice(0, 4)) - 1}${PERIOD.slice(4)}`;
const B = 1_000_000_000;

describe('board pages in the browser', () => {
  let system: TestSystem;
  let browser: Browser;
  let base: string;
  let admin: string;
  let board: string;
  let boardBdh: string;
  const contexts: BrowserContext[] = [];

  const open = async (size: 'desktop' | 'phone' = 'desktop') => {
    const context = await newContext(browser, base, size);
    contexts.push(context);
    return context;
  };

  beforeAll(async () => {
    system = await startTestSystem(SUITE);
    base = `http://127.0.0.1:${system.env.PORT}`;
    admin = await system.token({ role: 'admin', name: 'Quản trị' });
    board = await system.token({ role: 'board', name: 'Ban Quản lý', zoneCodes: null });
    boardBdh = await system.token({ role: 'board', name: 'BQL Bắc Duyên Hải', zoneCodes: ['BDH'] });
    const { http } = system;
    await createZone(http, admin, 'BDH', { name: 'KCN Bắc Duyên Hải' });
    await createZone(http, admin, 'DPM', { name: 'KCN Đông Phố Mới' });
    await createZone(http, admin, 'CCN-TT', { name: 'CCN Tằng Loỏng', kind: 'industrial_cluster' });
    for (const [tax, zone] of [
      ['5300300001', 'BDH'],
      ['5300300002', 'BDH'],
      ['5300300003', 'DPM'],
      ['5300300004', 'CCN-TT'],
      ['5300300005', 'DPM'],
    ]) {
      await createEnterprise(http, admin, tax, zone);
    }
    await fileOnPaper(http, admin, [
      {
        taxCode: '5300300001',
        period: YEAR_EARLIER,
        f: { grossOutput: 150 * B, grossOutputConstant2010: 120 * B, revenue: 160 * B, workers: 900, wageFund: 900 * 3 * 6_000_000 },
      },
      {
        taxCode: '5300300003',
        period: YEAR_EARLIER,
        f: { grossOutput: 240 * B, grossOutputConstant2010: 200 * B, revenue: 250 * B, workers: 1200, wageFund: 1200 * 3 * 6_300_000 },
      },
      {
        taxCode: '5300300001',
        period: PERIOD,
        f: { grossOutput: 166 * B, grossOutputConstant2010: 130 * B, revenue: 170 * B, workers: 950, wageFund: 950 * 3 * 6_200_000 },
      },
      {
        taxCode: '5300300003',
        period: PERIOD,
        late: true,
        f: { grossOutput: 259 * B, grossOutputConstant2010: 190 * B, revenue: 270 * B, workers: 1250, wageFund: 1250 * 3 * 6_400_000 },
      },
      {
        taxCode: '5300300004',
        period: PERIOD,
        f: { grossOutput: 12_345_678_901, revenue: 13 * B, workers: 120, wageFund: 120 * 3 * 5_000_000 },
      },
    ]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await system?.close();
  });

  describe('signing in', () => {
    it('sends a page asked for without a session to /login, and back to it after signing in', async () => {
      const context = await open();
      const page = await context.newPage();
      await page.goto(`/?lang=en&period=${PERIOD}`);
      expect(new URL(page.url()).pathname).toBe('/login');
      await screenshot(page, SUITE, 'sign-in');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel('Access token').fill(board);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      expect(new URL(page.url()).searchParams.get('period')).toBe(PERIOD);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Overview of industrial zones');
      const cookies = await context.cookies();
      const session = cookies.find((c) => c.name === 'kcn_session')!;
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      // Only the hash of the id is stored.
      expect(await system.query('SELECT 1 FROM web_sessions WHERE id_hash = $1', [session.value])).toEqual([]);
      expect(await system.query('SELECT count(*)::int AS n FROM web_sessions')).toEqual([{ n: 1 }]);
    });

    it('answers a wrong token on the same page with an error linked to its field, never echoing it', async () => {
      const context = await open();
      const page = await context.newPage();
      await page.goto('/login?lang=en');
      await page.getByLabel('Access token').fill('kcn_not-a-real-token-123');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('The access token is wrong or has been revoked.');
      await expect(page.getByLabel('Access token').getAttribute('aria-invalid')).resolves.toBe('true');
      expect(await page.content()).not.toContain('kcn_not-a-real-token-123');
      expect(new URL(page.url()).pathname).toBe('/login');
      await screenshot(page, SUITE, 'sign-in-wrong-token');
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('is Vietnamese by default, and the language switch is remembered', async () => {
      const context = await open();
      const page = await context.newPage();
      await page.goto('/login');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
      await expect(page.getByLabel('Mã truy cập').count()).resolves.toBe(1);
      await page.getByRole('link', { name: 'English' }).click();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await page.goto('/login');
      await expect(page.getByRole('button', { name: 'Sign in' }).count()).resolves.toBe(1);
      await page.getByRole('link', { name: 'Tiếng Việt' }).click();
      await expect(page.getByRole('button', { name: 'Đăng nhập' }).count()).resolves.toBe(1);
    });

    it('ends the session at sign-out: the old cookie opens nothing any more', async () => {
      const context = await open();
      const page = await signIn(context, admin);
      const cookie = (await context.cookies()).find((c) => c.name === 'kcn_session')!.value;
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/login');
      expect((await context.cookies()).find((c) => c.name === 'kcn_session')).toBeUndefined();
      const replay = await fetch(`${base}/`, { headers: { cookie: `kcn_session=${cookie}` }, redirect: 'manual' });
      expect(replay.status).toBe(303);
      expect(replay.headers.get('location')).toBe('/login?next=%2F');
    });

    it('ends every session of a token at once when the token is revoked', async () => {
      const token = await system.token({ role: 'board', name: 'Tạm', zoneCodes: null });
      const context = await open();
      const page = await signIn(context, token);
      const [{ token_id: id }] = await system.query('SELECT token_id FROM web_sessions ORDER BY created_at DESC LIMIT 1');
      expect((await system.http.delete(`/v1/tokens/${id}`, admin)).status).toBe(204);
      await page.reload();
      expect(new URL(page.url()).pathname).toBe('/login');
    });

    it('refuses a cross-origin POST that carries the session cookie, pages and /v1 alike, while bearer clients go on', async () => {
      const context = await open();
      await signIn(context, admin);
      const cookie = `kcn_session=${(await context.cookies()).find((c) => c.name === 'kcn_session')!.value}`;
      const form = { 'content-type': 'application/x-www-form-urlencoded', cookie };
      const evil = await fetch(`${base}/logout`, {
        method: 'POST',
        headers: { ...form, origin: 'https://evil.example' },
        redirect: 'manual',
      });
      expect(evil.status).toBe(403);
      const sneaky = await fetch(`${base}/logout`, {
        method: 'POST',
        headers: { ...form, 'sec-fetch-site': 'cross-site' },
        redirect: 'manual',
      });
      expect(sneaky.status).toBe(403);
      const api = await fetch(`${base}/v1/zones`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: 'https://evil.example' },
        body: '{}',
      });
      expect(api.status).toBe(403);
      // The session survived the attempts, and a bearer client is not asked for an origin.
      const page = await context.newPage();
      await page.goto('/?lang=en');
      expect(new URL(page.url()).pathname).toBe('/');
      expect((await system.http.get('/v1/zones', admin)).status).toBe(200);
      // The API does not take the cookie instead of a token.
      expect((await fetch(`${base}/v1/zones`, { headers: { cookie } })).status).toBe(401);
    });

    it('throttles repeated failures: after five, even the right token waits', async () => {
      const attempt = (token: string) =>
        fetch(`${base}/login`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, 'x-forwarded-for': '203.0.113.9' },
          body: new URLSearchParams({ token, next: '/' }),
        });
      // The api trusts no proxy here, so every attempt counts against 127.0.0.1, which the wrong-token test used once.
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await attempt(`kcn_wrong-${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      expect((await attempt(admin)).status).toBe(429);
      await system.query('DELETE FROM sign_in_failures');
      expect((await attempt(admin)).status).toBe(303);
    });

    it('signs in through a one-time link once, and refuses it used again or expired', async () => {
      const link = await system.signInLink(boardBdh, `/?period=${PERIOD}&lang=en`);
      expect(link).toMatch(/^\/login\/link\/[\w-]{43}\?next=/);
      const context = await open();
      const page = await context.newPage();
      await page.goto(link);
      expect(new URL(page.url()).pathname).toBe('/');
      expect(new URL(page.url()).searchParams.get('period')).toBe(PERIOD);
      await expect(page.getByRole('button', { name: 'Sign out' }).count()).resolves.toBe(1);
      // The link's board sees only its zone.
      await expect(page.locator('tr[data-zone]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-zone')))).resolves.toEqual([
        'BDH',
      ]);
      // Used once: another browser opening it again gets the sign-in form and no session.
      const again = await (await open()).newPage();
      const refused = await again.goto(`${link}&lang=en`);
      expect(refused!.status()).toBe(401);
      await expect(again.getByRole('alert').textContent()).resolves.toContain('This sign-in link has been used or has expired.');
      await expect(again.getByLabel('Access token').count()).resolves.toBe(1);
      expect((await again.context().cookies()).find((c) => c.name === 'kcn_session')).toBeUndefined();
      await screenshot(again, SUITE, 'sign-in-link-used');
      expect(await seriousViolations(again)).toEqual([]);
      // Expired before it was used: refused the same way.
      const late = await system.signInLink(boardBdh);
      await system.query("UPDATE sign_in_links SET expires_at = now() - interval '1 second' WHERE used_at IS NULL");
      const expired = await fetch(`${base}${late}`, { redirect: 'manual' });
      expect(expired.status).toBe(401);
      expect(expired.headers.getSetCookie().some((c) => c.startsWith('kcn_session=') && !c.startsWith('kcn_session=;'))).toBe(false);
      await system.query('DELETE FROM sign_in_failures');
    });
  });

  describe('the overview', () => {
    it('shows the zone table with the same figures as GET /v1/summaries, Vietnamese formats first', async () => {
      const context = await open();
      const page = await signIn(context, board, '/');
      const summary = (await system.http.get(`/v1/summaries?period=${PERIOD}`, board)).body;
      const table = page.getByRole('table', { name: /Các khu, cụm công nghiệp/ });
      const bdh = table.locator('tr[data-zone="BDH"] td');
      const expectedBdh = summary.zones.find((z: { zoneCode: string }) => z.zoneCode === 'BDH');
      expect(expectedBdh.grossOutput).toBe(String(166 * B));
      await expect(bdh.nth(0).textContent()).resolves.toBe('166,0');
      await expect(bdh.nth(3).textContent()).resolves.toBe('950');
      await expect(table.locator('tr[data-zone="CCN-TT"] td').nth(0).textContent()).resolves.toBe('12,3');
      // 130 billion at 2010 prices against 120 a year earlier.
      expect(expectedBdh.growthYoYPct).toBeCloseTo(8.33, 2);
      await expect(bdh.nth(2).textContent()).resolves.toBe('8,33');
      await expect(table.locator('tr[data-total="all"] td').nth(0).textContent()).resolves.toBe('437,3');
      expect(summary.totals.all.grossOutput).toBe(String(166 * B + 259 * B + 12_345_678_901));
      await screenshot(page, SUITE, 'overview-vi');
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto(`/?period=${PERIOD}&lang=en`);
      await expect(page.getByRole('table', { name: /Zones/ }).locator('tr[data-total="all"] td').nth(0).textContent()).resolves.toBe(
        '437.3',
      );
      await screenshot(page, SUITE, 'overview-en');
      const phone = await (await open('phone')).newPage();
      await phone.context().addCookies(await context.cookies());
      await phone.goto('/');
      await screenshot(phone, SUITE, 'overview-phone');
    });

    it('shows a board scoped to some zones only those', async () => {
      const context = await open();
      const page = await signIn(context, boardBdh);
      const rows = await page
        .getByRole('table', { name: /Zones/ })
        .locator('tr[data-zone]')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-zone')));
      expect(rows).toEqual(['BDH']);
      await expect(page.getByRole('table', { name: /Zones/ }).locator('tr[data-total="all"] td').nth(0).textContent()).resolves.toBe(
        '166.0',
      );
      await screenshot(page, SUITE, 'overview-scoped');
    });

    it('is usable with the keyboard only: skip to the content, choose a period, reach a zone', async () => {
      const page = await signIn(await open(), board, '/?lang=en');
      await page.keyboard.press('Tab');
      await expect(page.locator(':focus').textContent()).resolves.toBe('Skip to the content');
      await page.keyboard.press('Enter');
      // Right after the skip link nothing has focus: the next Tab starts from the content.
      const focusedLabel = async () => {
        const focused = page.locator(':focus');
        return (await focused.count()) === 0 ? null : focused.evaluate((el) => el.getAttribute('id') ?? el.textContent?.trim());
      };
      for (let i = 0; i < 5 && (await focusedLabel()) !== 'period'; i++) await page.keyboard.press('Tab');
      await expect(focusedLabel()).resolves.toBe('period');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(YEAR_EARLIER);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('period') === YEAR_EARLIER);
      await expect(page.getByRole('table', { name: /Zones/ }).locator('tr[data-zone="BDH"] td').nth(0).textContent()).resolves.toBe(
        '150.0',
      );
      for (let i = 0; i < 30 && (await focusedLabel()) !== 'KCN Bắc Duyên Hải'; i++) await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/zones/BDH');
      await screenshot(page, SUITE, 'overview-keyboard-zone');
    });

    it('moves the figures on an open overview within 2 seconds of an accepted report, without reload', async () => {
      const watching = await signIn(await open(), board);
      const marker = await watching.evaluate(() => ((globalThis as unknown as { marker: number }).marker = Math.random()));
      const cell = watching.getByRole('table', { name: /Zones/ }).locator('tr[data-zone="DPM"] td').nth(0);
      await expect(cell.textContent()).resolves.toBe('259.0');
      const filer = await system.token({ role: 'enterprise', name: 'DN', taxCode: '5300300005' });
      const accepted = await submitAndDecide(
        system.http,
        filer,
        reportBody('5300300005', PERIOD, { grossOutput: 41 * B, revenue: 42 * B, workers: 300 }),
      );
      expect(accepted.status).toBe('accepted');
      const decidedAt = Date.now();
      const took = await waitFor('DPM gross output on the open page', async () => (await cell.textContent()) === '300.0', 2000);
      await expect(watching.evaluate(() => (globalThis as unknown as { marker: number }).marker)).resolves.toBe(marker);
      await expect(watching.locator('[data-count="received"]').textContent()).resolves.toBe('4');
      console.log(
        `live overview: the page showed the accepted report ${took} ms after the verdict was read (${Date.now() - decidedAt} ms)`,
      );
      await screenshot(watching, SUITE, 'overview-live');
    });
  });

  describe('filing status and follow-ups', () => {
    it('lists who filed on time, late or not at all, each count with its names and a link to each enterprise', async () => {
      const page = await signIn(await open(), board, `/filing?period=${PERIOD}&lang=en`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Filing status');
      const counts = await page
        .locator('[data-count]')
        .evaluateAll((dds) => dds.map((dd) => [dd.getAttribute('data-count'), dd.textContent]));
      expect(counts).toEqual([
        ['expected', '5'],
        ['received', '4'],
        ['on-time', '2'],
        ['late', '2'],
        ['missing', '1'],
      ]);
      const names = (status: string) =>
        page
          .locator(`table[data-status="${status}"] tr[data-tax-code]`)
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-tax-code')));
      await expect(names('missing')).resolves.toEqual(['5300300002']);
      await expect(names('late')).resolves.toEqual(['5300300003', '5300300005']);
      await expect(names('on_time')).resolves.toEqual(['5300300001', '5300300004']);
      const api = (await system.http.get(`/v1/periods/${PERIOD}/filing-status`, board)).body;
      expect(api.counts).toMatchObject({ expected: 5, onTime: 2, late: 2, missing: 1 });
      await expect(page.getByRole('link', { name: 'Công ty 5300300002' }).getAttribute('href')).resolves.toBe('/enterprises/5300300002');
      await screenshot(page, SUITE, 'filing');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel('Zone').selectOption('BDH');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL((url) => url.searchParams.get('zone') === 'BDH');
      await expect(page.locator('[data-count="expected"]').textContent()).resolves.toBe('2');
    });

    it('groups warnings by rule and records a review typed with the keyboard only', async () => {
      const lowWage = await submitAndDecide(
        system.http,
        admin,
        reportBody('5300300002', PERIOD, { grossOutput: 20 * B, workers: 100, wageFund: 100 * 3 * 1_000_000 }),
      );
      expect(lowWage.status).toBe('accepted');
      expect(lowWage.issues.map((i: { code: string }) => i.code)).toContain('BELOW_MINIMUM_WAGE');
      const page = await signIn(await open(), board, '/follow-ups?lang=en');
      const group = page.getByRole('region', { name: /Average wage below the regional minimum/ });
      const item = group.getByRole('article', { name: /Công ty 5300300002/ });
      await screenshot(page, SUITE, 'follow-ups');
      expect(await seriousViolations(page)).toEqual([]);
      // Keyboard only: focus moves from the report's link to its comment field and then its button.
      await item.getByRole('link', { name: 'Công ty 5300300002' }).focus();
      await page.keyboard.press('Tab');
      await expect(item.getByLabel('Comment').evaluate((el) => el.matches(':focus'))).resolves.toBe(true);
      await page.keyboard.type('Đã gọi điện: quỹ lương thiếu tiền thưởng.');
      await page.keyboard.press('Tab');
      await expect(item.getByRole('button', { name: 'Mark reviewed' }).evaluate((el) => el.matches(':focus'))).resolves.toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('saved') === '1');
      await expect(page.getByRole('status').textContent()).resolves.toBe('The review has been recorded.');
      const [row] = await system.query('SELECT review_comment FROM report_submissions WHERE id = $1', [lowWage.id]);
      expect(row.review_comment).toBe('Đã gọi điện: quỹ lương thiếu tiền thưởng.');
      await expect(page.getByRole('article', { name: /Công ty 5300300002/ }).count()).resolves.toBe(0);
      await screenshot(page, SUITE, 'follow-ups-reviewed');
    });

    it('refuses an empty comment with an error linked to its field, keeping the report to review', async () => {
      const page = await signIn(await open(), board, '/follow-ups?lang=en');
      const item = page.getByRole('article').first();
      await item.getByRole('button', { name: 'Mark reviewed' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Say what you reviewed');
      const field = page.locator('textarea[aria-invalid="true"]');
      await expect(field.count()).resolves.toBe(1);
      await expect(page.getByRole('alert').getByRole('link').getAttribute('href')).resolves.toBe(`#${await field.getAttribute('id')}`);
    });

    it('says what each warning found and what to check, in Vietnamese first and in English on the English page', async () => {
      const page = await signIn(await open(), board, '/follow-ups?all=1');
      const lowWage = page
        .getByRole('region', { name: /^Thu nhập bình quân dưới lương tối thiểu vùng/ })
        .getByRole('article', { name: /Công ty 5300300002/ });
      await expect(lowWage.getByRole('listitem').textContent()).resolves.toMatch(
        new RegExp(
          '^Thu nhập bình quân mỗi lao động là 1\\.000\\.000 đồng/tháng, thấp hơn lương tối thiểu vùng I{1,3}V? ' +
            '\\([\\d.]+ đồng/tháng, áp dụng từ \\d\\d/\\d\\d/\\d{4}\\)\\. Kiểm tra quỹ lương',
        ),
      );
      const late = page.getByRole('region', { name: /^Nộp sau hạn/ }).getByRole('article', { name: /Công ty 5300300003/ });
      await expect(late.getByRole('listitem').textContent()).resolves.toMatch(
        /^Báo cáo nhận lần đầu lúc \d\d\/\d\d\/\d{4} \d\d:\d\d, sau hạn nộp \d\d\/\d\d\/\d{4} 00:00\. Nếu báo cáo nộp bằng giấy/,
      );
      await screenshot(page, SUITE, 'follow-ups-vi');
      await page.getByRole('link', { name: 'English' }).click();
      await expect(
        page
          .getByRole('region', { name: /^Average wage below the regional minimum/ })
          .getByRole('listitem')
          .first()
          .textContent(),
      ).resolves.toMatch(
        new RegExp(
          '^The average wage per worker is 1,000,000 đồng a month, below the region I{1,3}V? minimum wage ' +
            '\\([\\d,]+ đồng a month, in force since \\d{1,2} \\w{3} \\d{4}\\)\\. Check the wage fund',
        ),
      );
      expect(await page.content()).not.toContain('The monthly wage per worker');
    });
  });

  describe('zones and enterprises', () => {
    it("shows a zone's last 8 quarters and its enterprises with their latest report's status", async () => {
      const page = await signIn(await open(), board, `/zones/BDH?period=${PERIOD}&lang=en`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('KCN Bắc Duyên Hải');
      const trend = page.locator('#trend-table tbody tr');
      await expect(trend.count()).resolves.toBe(8);
      await expect(page.locator(`#trend-table tr[data-quarter="${PERIOD}"] td`).nth(0).textContent()).resolves.toBe('186.0');
      await expect(page.locator(`#trend-table tr[data-quarter="${YEAR_EARLIER}"] td`).nth(0).textContent()).resolves.toBe('150.0');
      await expect(page.locator('tr[data-tax-code="5300300001"]').textContent()).resolves.toContain('accepted');
      await screenshot(page, SUITE, 'zone');
      expect(await seriousViolations(page)).toEqual([]);
    });

    it("shows an enterprise's every revision, its verdict and warnings, and what changed between revisions", async () => {
      const amended = await submitAndDecide(
        system.http,
        admin,
        reportBody('5300300001', PERIOD, { grossOutput: 170 * B, revenue: 170 * B, workers: 950, wageFund: 950 * 3 * 6_200_000 }),
      );
      expect(amended).toMatchObject({ status: 'accepted', revision: 2 });
      const page = await signIn(await open(), board, '/enterprises/5300300001?lang=en');
      const quarter = page.getByRole('region', { name: `Q${PERIOD.slice(6)} ${PERIOD.slice(0, 4)}` });
      await expect(quarter.locator('[data-submission]').count()).resolves.toBe(2);
      await expect(quarter.locator('[data-submission]').nth(0).textContent()).resolves.toContain('superseded');
      const changes = quarter.getByRole('table', { name: 'Changed from the previous revision' });
      const rows = changes
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent).join(' | ')));
      // The amendment gave no output at 2010 prices: left out is shown as a dash, never 0.
      await expect(rows).resolves.toEqual([
        'Gross industrial output, current prices (VND) | 166,000,000,000 | 170,000,000,000',
        'Gross industrial output, 2010 prices (VND) | 130,000,000,000 | –',
      ]);
      await screenshot(page, SUITE, 'enterprise');
      expect(await seriousViolations(page)).toEqual([]);
    });

    it("answers a zone or an enterprise outside a board's zones as not found", async () => {
      const page = await signIn(await open(), boardBdh, '/zones/DPM?lang=en');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Not found');
      const response = await page.goto('/enterprises/5300300003');
      expect(response?.status()).toBe(404);
      expect((await page.goto('/enterprises/5300300001'))?.status()).toBe(200);
    });
  });

  describe('downloads and publications', () => {
    /** Clicks `name` and reads the downloaded workbook's zone sheet: zone code to gross output in millions of đồng. */
    const download = async (page: Page, name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).first().click()]);
      const workbook = await openWorkbook(readFileSync(await file.path()));
      const sheet = workbook.worksheets[0];
      // The English workbook has one header row (the Vietnamese one adds the English row under its own).
      const rows = sheetRecords(sheet, 1).filter((r) => typeof r[Object.keys(r)[0]] === 'string');
      const key = Object.keys(rows[0]).find(
        (k) => k.startsWith('Giá trị sản xuất công nghiệp, giá hiện hành') || k.startsWith('Gross industrial output, current'),
      )!;
      return { name: file.suggestedFilename(), output: Object.fromEntries(rows.map((r) => [r[Object.keys(r)[0]], r[key]])) };
    };

    it("downloads what the overview shows as the board's workbook, cut to a scoped board's zones", async () => {
      const all = await download(await signIn(await open(), board, `/?period=${PERIOD}&lang=en`), 'Download Excel');
      expect(all.name).toMatch(/\.xlsx$/);
      // In millions of đồng: BDH 170,000 + 20,000 after the amendment and the late filer; DPM 259,000 + 41,000.
      expect(all.output).toMatchObject({ BDH: 190_000, DPM: 300_000, 'CCN-TT': 12_346 });
      const scoped = await download(await signIn(await open(), boardBdh, `/?period=${PERIOD}&lang=en`), 'Download Excel');
      expect(scoped.output.BDH).toBe(190_000);
      expect(Object.keys(scoped.output)).not.toContain('DPM');
    });

    it('publishes only after the dialog is confirmed, then lists the publication with its workbook', async () => {
      const page = await signIn(await open(), admin, '/publications?lang=en');
      await expect(page.getByText('Nothing has been published yet.').count()).resolves.toBe(1);
      await page.getByRole('button', { name: 'Publish now' }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.isVisible()).resolves.toBe(true);
      await screenshot(page, SUITE, 'publish-dialog');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog.isVisible()).resolves.toBe(false);
      expect(await system.query('SELECT id FROM publications')).toEqual([]);
      await page.getByRole('button', { name: 'Publish now' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
      await page.waitForURL((url) => /^\/publications\/\d+$/.test(url.pathname));
      const [{ id }] = await system.query('SELECT id FROM publications');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(`Publication no. ${id}`);
      await screenshot(page, SUITE, 'publication');
      expect(await seriousViolations(page)).toEqual([]);
      // A press draft says public figures only: every zone here has one filer and is withheld, so none is named.
      const draft = (await page.locator('.press-draft').allTextContents()).join(' ');
      expect(draft).not.toMatch(/Bắc Duyên Hải|Đông Phố Mới|Tằng Loỏng|166 tỷ|259 tỷ|12,3 tỷ/);
      await page.goto('/publications');
      await expect(page.locator(`tr[data-publication="${id}"]`).count()).resolves.toBe(1);
      await screenshot(page, SUITE, 'publications');
      expect(await seriousViolations(page)).toEqual([]);
      const workbook = await download(page, 'Download workbook');
      expect(workbook.name).toMatch(new RegExp(`^so-lieu-kcn-so-${id}-`));
    });

    it('lets a board of every zone publish from the page, though its token may not POST /v1/publications', async () => {
      const page = await signIn(await open(), board, '/publications?lang=en');
      await expect(page.getByRole('button', { name: 'Publish now' }).count()).resolves.toBe(1);
      const [{ id }] = await system.query('SELECT id FROM publications');
      const published = await page.request.post('/publications', { headers: { origin: base }, maxRedirects: 0 });
      expect([published.status(), published.headers().location]).toEqual([303, `/publications/${id}?published=1`]);
      expect((await system.http.post('/v1/publications', {}, board)).status).toBe(403);
      expect(await system.query('SELECT id FROM publications')).toEqual([{ id }]);
    });

    it('shows a scoped board the publications without Publish now', async () => {
      const page = await signIn(await open(), boardBdh, '/publications?lang=en');
      await expect(page.getByRole('button', { name: 'Publish now' }).count()).resolves.toBe(0);
      const refused = await page.request.post('/publications', { headers: { origin: base }, maxRedirects: 0 });
      expect(refused.status()).toBe(404);
    });
  });

  describe('subscribers', () => {
    it('lets the board add a subscriber of the monthly email, refusing a bad address with the form kept, and cancel one', async () => {
      const page = await signIn(await open(), admin, '/subscriptions?lang=en');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Subscribers of the monthly email');
      await page.getByLabel('Email').fill('not an address');
      await page.getByLabel('Language').selectOption('en');
      await page.getByRole('button', { name: 'Add subscriber' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Enter a valid email address.');
      await expect(page.getByLabel('Language').inputValue()).resolves.toBe('en');
      await page.getByLabel('Email').fill('lanh-dao@ubnd.laocai.example');
      await page.getByLabel('Zone').selectOption('BDH');
      await page.getByRole('button', { name: 'Add subscriber' }).click();
      await page.waitForURL((url) => url.searchParams.get('added') === '1');
      const row = page.locator('tr[data-subscriber="lanh-dao@ubnd.laocai.example"]');
      await expect(row.textContent()).resolves.toMatch(/KCN Bắc Duyên Hải\s*English\s*Full \(board\)/);
      await screenshot(page, SUITE, 'subscribers');
      expect(await seriousViolations(page)).toEqual([]);
      const active = () =>
        system.query('SELECT zone_codes, language FROM subscriptions WHERE email = $1 AND cancelled_at IS NULL', [
          'lanh-dao@ubnd.laocai.example',
        ]);
      expect(await active()).toEqual([{ zone_codes: ['BDH'], language: 'en' }]);
      // A board of one zone sees it (it is of its zone) and may not subscribe anyone to every zone.
      const scoped = await signIn(await open(), boardBdh, '/subscriptions?lang=en');
      await expect(scoped.locator('tr[data-subscriber]').count()).resolves.toBe(1);
      await expect(scoped.getByLabel('Zone').locator('option').allTextContents()).resolves.toEqual(['KCN Bắc Duyên Hải']);
      await row.getByRole('button', { name: 'Cancel lanh-dao@ubnd.laocai.example' }).click();
      await page.waitForURL((url) => url.searchParams.get('cancelled') === '1');
      await expect(page.locator('tr[data-subscriber]').count()).resolves.toBe(0);
      expect(await active()).toEqual([]);
    });
  });
});
