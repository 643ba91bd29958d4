import { readFileSync } from 'node:fs';
import { periodNameOf } from '@app/domain';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, screenshot, seriousViolations } from './support/browser';
import { createEnterprise, createZone } from './support/fixtures';
import { fileOnPaper, PaperFiling } from './support/paper-filings';
import { todaysPublication } from './support/publication-calendar';
import { publish } from './support/publish';
import { startTestSystem, TestSystem } from './support/test-system';
import { field, openWorkbook, sheetRecords } from './support/workbook-rows';

/*
 * /public in a real browser, without signing in, against the built api and worker, on one publication
 * made by the worker. Every figure is odd-looking on purpose (537,291 million đồng, 544 workers), so
 * that a withheld one searched for in the page cannot be mistaken for another number. Disclosure
 * control decides as test/public-summaries.e2e-spec.ts works out by hand (fewer than 3 enterprises, or
 * one making up nearly all, is withheld; a lone withheld zone under a total takes the smallest other
 * with it): SOLO, one enterprise, and C90, two, are withheld as confidential; SMALL and CMID with them, to
 * protect them; BIG and C80 are published. The page is compared with GET /v1/public/summaries, not with
 * these expectations.
 */
const SUITE = 'public-page';
const QUARTER = todaysPublication().latestQuarter;
const YEAR_TO_DATE = todaysPublication().yearToDate;
const M = 1_000_000;

/** Each enterprise's gross output in millions of đồng, by zone; its other figures follow from it. */
const ZONES: Record<string, { kind: 'industrial_park' | 'industrial_cluster'; units: number[] }> = {
  SOLO: { kind: 'industrial_park', units: [537_291] },
  SMALL: { kind: 'industrial_park', units: [103_117, 97_433, 111_029] },
  BIG: { kind: 'industrial_park', units: [2_113_407, 1_987_263, 2_041_519] },
  C90: { kind: 'industrial_cluster', units: [913_077, 88_451] },
  CMID: { kind: 'industrial_cluster', units: [301_553, 307_219, 293_671] },
  C80: { kind: 'industrial_cluster', units: [812_341, 103_227, 95_113] },
};
const SOLO_CAPITAL = 48_371 * M;
const taxCode = (zoneIndex: number, i: number) => `53009${String(zoneIndex).padStart(2, '0')}${String(i + 1).padStart(3, '0')}`;
const workersOf = (u: number) => Math.round(u / 1000) + 7;
const FILINGS: PaperFiling[] = Object.values(ZONES).flatMap(({ units }, z) =>
  units.map((u, i) => ({
    taxCode: taxCode(z, i),
    period: QUARTER,
    f: {
      grossOutput: u * M,
      revenue: u * 1_070_000,
      workers: workersOf(u),
      wageFund: workersOf(u) * 3 * (5_000_000 + (u % 89) * 97_000),
      ...(z === 0 ? { realizedCapital: SOLO_CAPITAL } : {}),
    },
  })),
);

type Row = Record<string, unknown> & { withheld?: string[]; heldBack?: Array<{ field: string; reason: string }> };
type Summary = { period: string; publication: { id: number }; zones: Array<Row & { zoneCode: string }>; totals: Record<string, Row> };

const MONEY = new Set([
  'grossOutput',
  'revenue',
  'realizedCapital',
  'wageFund',
  'stateBudgetPaid',
  'grossOutputConstant2010',
  'planTarget',
]);
const PERCENT = new Set(['grossOutputSharePct', 'growthYoYPct', 'growthYoYCurrentPct', 'completenessPct', 'planProgressPct']);
const LOCALES = { vi: 'vi-VN', en: 'en-US' } as const;
const decimals = (lang: 'vi' | 'en', digits: number) =>
  new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A figure as the page should write it in a column (worked out here, not with the page's own formatters). */
function written(f: string, value: unknown, lang: 'vi' | 'en'): string {
  if (value === null || value === undefined) return '–';
  if (MONEY.has(f) || f === 'exportValueUsd' || f === 'importValueUsd') return decimals(lang, 1).format(Number(value) / 1e9);
  if (f === 'averageMonthlyWage') return decimals(lang, 1).format(Number(value) / 1e6);
  if (PERCENT.has(f)) return decimals(lang, 2).format(Number(value));
  return decimals(lang, 0).format(Number(value));
}

/** Every way a figure could be written: as stored, exactly, and as each language's tables write it. */
function spellings(f: string, value: string | number): string[] {
  const all = [String(value)];
  for (const lang of ['vi', 'en'] as const) {
    all.push(written(f, value, lang));
    if (!PERCENT.has(f)) all.push(decimals(lang, 0).format(Number(value)));
  }
  return [...new Set(all)];
}

/** `text` as a whole number: not part of a longer one (no digit, or separator and digit, either side). */
const wholeNumber = (text: string) => new RegExp(`(?<![\\d])(?<![\\d][.,])${text.replace(/[.,]/g, (c) => `\\${c}`)}(?![.,]?\\d)`);

describe('the public figures page in the browser', () => {
  let system: TestSystem;
  let browser: Browser;
  let base: string;
  let admin: string;
  let publicationId: number;
  /** The board's figures of the publication, where the withheld values are. */
  let board: { latestQuarter: Summary; yearToDate: Summary };
  const contexts: BrowserContext[] = [];

  const open = async (size: 'desktop' | 'phone' = 'desktop') => {
    const context = await newContext(browser, base, size);
    contexts.push(context);
    return context;
  };
  const api = async (query: string): Promise<Summary> => {
    const r = await system.http.get(`/v1/public/summaries?${query}`);
    expect(r.status).toBe(200);
    return r.body as Summary;
  };
  /** The rows of the page's table and of the API's answer, side by side: zones by code, totals by kind. */
  const rowsOf = (s: Summary) => [
    ...s.zones.map((z) => ({ selector: `tr[data-zone="${z.zoneCode}"]`, key: z.zoneCode, row: z })),
    ...Object.entries(s.totals).map(([kind, row]) => ({ selector: `tr[data-total="${kind}"]`, key: kind, row })),
  ];
  const boardRow = (s: Summary, key: string) => s.zones.find((z) => z.zoneCode === key) ?? s.totals[key];
  /** Every cell of the page's table, by `row|field` (a zone's code, or `total:` and the total's kind). */
  const cellsOf = async (page: Page) =>
    page.locator('#public-table td[data-field]').evaluateAll((tds) =>
      tds.map((td) => ({
        key: `${td.parentElement!.getAttribute('data-zone') ?? `total:${td.parentElement!.getAttribute('data-total')}`}|${td.getAttribute(
          'data-field',
        )}`,
        field: td.getAttribute('data-field')!,
        text: td.querySelector('.figure')!.textContent,
        reason: td.getAttribute('data-reason'),
      })),
    );

  /** The page shows exactly the API's figures: `x` where it withholds, with the API's reason, each other figure formatted. */
  const expectSameAsApi = async (page: Page, s: Summary, lang: 'vi' | 'en') => {
    const cells = await cellsOf(page);
    const shownFields = [...new Set(cells.map((c) => c.field))];
    expect(shownFields).toEqual(expect.arrayContaining(['reportsExpected', 'reportsReceived', 'grossOutput', 'workers']));
    const expected = rowsOf(s).flatMap(({ key, row }) =>
      shownFields.map((f) => {
        const withheld = row.withheld!.includes(f);
        return [
          `${s.totals[key] === row ? `total:${key}` : key}|${f}`,
          {
            text: withheld ? 'x' : written(f, row[f], lang),
            reason: row.heldBack!.find((h) => h.field === f)?.reason ?? (withheld ? '' : null),
          },
        ] as const;
      }),
    );
    expect(Object.fromEntries(cells.map((c) => [c.key, { text: c.text, reason: c.reason }]))).toEqual(Object.fromEntries(expected));
  };

  /** The values the page must never show: the board's figure behind every cell the API withholds, in both periods. */
  const withheldValues = () =>
    [
      [board.latestQuarter, publicQuarter],
      [board.yearToDate, publicYearToDate],
    ].flatMap(([full, shown]) =>
      rowsOf(shown).flatMap(({ key, row }) =>
        row.withheld!.map((f) => ({
          where: `${shown.period} ${key}.${f}`,
          field: f,
          value: boardRow(full, key)[f] as string | number | null,
        })),
      ),
    );
  let publicQuarter: Summary;
  let publicYearToDate: Summary;

  /** Fails with every withheld figure found in `html` as a whole number, in any spelling. */
  const expectNoWithheldValue = (html: string) => {
    const found = withheldValues()
      .filter((w) => w.value !== null)
      .flatMap((w) =>
        spellings(w.field, w.value!)
          .filter((text) => wholeNumber(text).test(html))
          .map((text) => `${w.where}: ${text}`),
      );
    expect(found).toEqual([]);
  };

  beforeAll(async () => {
    system = await startTestSystem(SUITE);
    base = `http://127.0.0.1:${system.env.PORT}`;
    admin = await system.token({ role: 'admin', name: 'Quản trị' });
    const boardToken = await system.token({ role: 'board', name: 'Ban Quản lý KKT' });
    for (const [z, [code, { kind, units }]] of Object.entries(ZONES).entries()) {
      await createZone(system.http, admin, code, { kind, name: `${kind === 'industrial_park' ? 'KCN' : 'CCN'} ${code}` });
      for (let i = 0; i < units.length; i++) await createEnterprise(system.http, admin, taxCode(z, i), code);
    }
    await fileOnPaper(system.http, boardToken, FILINGS);
    const published = await publish(system.http, {}, admin);
    expect(published.status).toBe(202);
    publicationId = published.body.id;
    board = published.body.figures;
    publicQuarter = await api(`period=${QUARTER}`);
    publicYearToDate = await api(`from=${YEAR_TO_DATE[0]}&to=${QUARTER}`);
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await system?.close();
  }, 30_000);

  it("withholds what the test's filings make confidential, and the board's figures are those filings", () => {
    // What the page is checked against: worked out from the filings above, per zone.
    for (const [code, { units }] of Object.entries(ZONES)) {
      const zone = boardRow(board.latestQuarter, code);
      expect(zone.grossOutput).toBe(String(units.reduce((a, u) => a + u, 0) * M));
      expect(zone.workers).toBe(units.reduce((a, u) => a + workersOf(u), 0));
    }
    expect(boardRow(board.latestQuarter, 'SOLO').realizedCapital).toBe(String(SOLO_CAPITAL));
    const withheld = (code: string) => publicQuarter.zones.find((z) => z.zoneCode === code)!.withheld;
    expect(withheld('SOLO')).toEqual(expect.arrayContaining(['grossOutput', 'workers', 'realizedCapital']));
    expect(withheld('C90')).toContain('grossOutput');
    expect(withheld('BIG')).toEqual([]);
    expect(publicQuarter.publication.id).toBe(publicationId);
    // The search below finds a withheld value planted in a page, however it is written, and not inside another number.
    for (const planted of ['537291000000', '537.291.000.000', '537,291,000,000', '537,3', '537.3']) {
      expect(() => expectNoWithheldValue(`<td class="num">${planted}</td>`)).toThrow();
    }
    expectNoWithheldValue('<td class="num">1.537,3</td><td>537,35</td>');
  });

  it('shows anyone, without signing in, x exactly where the API withholds, with its reason in words, and the counts', async () => {
    const page = await (await open()).newPage();
    const response = await page.goto('/public');
    expect(response!.status()).toBe(200);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
    await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(periodNameOf(QUARTER, 'vi'));
    await expect(page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đăng nhập' }).count()).resolves.toBe(
      1,
    );
    await expectSameAsApi(page, publicQuarter, 'vi');
    // The counts stand for every zone, withheld ones too.
    const solo = page.locator('tr[data-zone="SOLO"]');
    await expect(solo.locator('td[data-field="reportsReceived"] .figure').textContent()).resolves.toBe('1');
    await expect(solo.locator('td[data-field="grossOutput"] .figure').textContent()).resolves.toBe('x');
    await expect(page.locator('tr[data-zone="BIG"] td[data-field="grossOutput"] .figure').textContent()).resolves.toBe('6.142,2');
    // Each mark leads to its reason, in words.
    await expect(page.locator('#why-confidential').textContent()).resolves.toContain('giữ bí mật số liệu riêng của doanh nghiệp');
    await expect(page.locator('#why-protects').textContent()).resolves.toContain('cho phép tính ra một số liệu đang được giữ kín');
    await expect(solo.locator('td[data-field="grossOutput"] a.note-ref').getAttribute('href')).resolves.toBe('#why-confidential');
    expectNoWithheldValue(await page.content());
    await screenshot(page, SUITE, 'public-vi');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('says the same in English, and keeps the language', async () => {
    const context = await open();
    const page = await context.newPage();
    await page.goto('/public');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL((url) => url.searchParams.get('lang') === 'en');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expectSameAsApi(page, publicQuarter, 'en');
    await expect(page.locator('tr[data-zone="BIG"] td[data-field="grossOutput"] .figure').textContent()).resolves.toBe('6,142.2');
    await expect(page.getByRole('columnheader', { name: 'Gross output (billion đồng)' }).count()).resolves.toBe(1);
    await expect(page.locator('#why-confidential').textContent()).resolves.toContain("to keep enterprises' own figures confidential");
    await expect(page.locator('#why-protects').textContent()).resolves.toContain('would let a figure kept confidential be worked out');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).count()).resolves.toBe(1);
    expectNoWithheldValue(await page.content());
    await screenshot(page, SUITE, 'public-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/public');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  });

  it('charts the totals with the same numbers in the table beside it, x and no bar where a total is withheld', async () => {
    const page = await (await open()).newPage();
    await page.goto('/public?lang=en');
    const chart = page.getByRole('img', { name: /^Gross output: totals by kind and for the province/ });
    await expect(chart.count()).resolves.toBe(1);
    const barTexts = await chart.locator('text.value').allTextContents();
    const tableTexts = await page.locator('#totals-table td .figure').allTextContents();
    const totals = ['industrial_park', 'industrial_cluster', 'all'].map((k) => publicQuarter.totals[k]);
    expect(tableTexts).toEqual(
      totals.map((t) => (t.withheld!.includes('grossOutput') ? 'x' : written('grossOutput', t.grossOutput, 'en'))),
    );
    expect(barTexts).toEqual(tableTexts);
    await expect(chart.locator('rect').count()).resolves.toBe(totals.filter((t) => t.grossOutput !== null).length);
  });

  it("shows the publication's year to date as the API gives it, and says so when no publication covers a period", async () => {
    const page = await (await open()).newPage();
    await page.goto('/public');
    const link = page.getByRole('navigation', { name: 'Kỳ công bố gần nhất' }).getByRole('link', { name: /^Lũy kế/ });
    if (YEAR_TO_DATE.length > 1) {
      await link.click();
      await page.waitForURL((url) => url.searchParams.get('from') === YEAR_TO_DATE[0]);
      await expectSameAsApi(page, publicYearToDate, 'vi');
      expectNoWithheldValue(await page.content());
      await screenshot(page, SUITE, 'public-year-to-date');
      expect(await seriousViolations(page)).toEqual([]);
    } else {
      // In a year's first quarter, the year to date is the quarter itself: one link.
      await expect(link.count()).resolves.toBe(0);
    }
    const missing = await page.goto('/public?period=2019-Q3&lang=en');
    expect(missing!.status()).toBe(404);
    await expect(page.getByText('No publication covers this period yet.').count()).resolves.toBe(1);
    expect((await page.goto('/public?period=2025-Q7'))!.status()).toBe(422);
    await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
  });

  it("downloads the publication's public workbook: withheld cells empty, saying why", async () => {
    const page = await (await open()).newPage();
    await page.goto('/public');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải tệp Excel' }).click()]);
    expect(file.suggestedFilename()).toBe(`so-lieu-kcn-so-${publicationId}-${QUARTER.toLowerCase()}-cong-bo.xlsx`);
    const workbook = await openWorkbook(readFileSync(await file.path()));
    const rows = sheetRecords(workbook.getWorksheet('Tổng hợp theo khu')!, 2);
    const zone = (code: string) => rows.find((r) => r['Mã khu'] === code)!;
    expect(field(zone('SOLO'), 'Giá trị sản xuất công nghiệp, giá hiện hành')).toBeNull();
    expect(field(zone('SOLO'), 'Số báo cáo đã nhận')).toBe(1);
    expect(field(zone('SOLO'), 'Số liệu không công bố')).toEqual(expect.stringContaining('Giá trị sản xuất công nghiệp, giá hiện hành'));
    // In millions of đồng.
    expect(field(zone('BIG'), 'Giá trị sản xuất công nghiệp, giá hiện hành')).toBe(6_142_189);
    // The same workbook in English from the English page.
    const english = await fetch(`${base}/public/publications/${publicationId}/workbook.xlsx?lang=en`);
    expect(english.status).toBe(200);
    expect(english.headers.get('content-disposition')).toContain('-cong-bo-en.xlsx');
    expect((await fetch(`${base}/public/publications/999/workbook.xlsx`)).status).toBe(404);
  });

  it('fits a phone 360 px wide without horizontal scrolling', async () => {
    const page = await (await open('phone')).newPage();
    await page.goto('/public');
    const widths = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document
        .documentElement;
      return { scroll: root.scrollWidth, client: root.clientWidth };
    });
    expect(widths.client).toBe(360);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await screenshot(page, SUITE, 'public-phone');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('is cacheable like GET /v1/public/summaries, per language, and never the visitor own when it sets the language', async () => {
    const apiReply = await fetch(`${base}/v1/public/summaries?period=${QUARTER}`);
    const pageReply = await fetch(`${base}/public`);
    expect(apiReply.headers.get('cache-control')).toBe('public, max-age=60');
    expect(pageReply.headers.get('cache-control')).toBe(apiReply.headers.get('cache-control'));
    expect(pageReply.headers.get('vary')).toContain('Cookie');
    expect(pageReply.headers.get('set-cookie')).toBeNull();
    // Asking for English sets the language cookie: that answer is for this browser alone.
    const switching = await fetch(`${base}/public?lang=en`);
    expect(switching.headers.get('set-cookie')).toMatch(/^kcn_lang=en;/);
    expect(switching.headers.get('cache-control')).toBe('private, max-age=60');
    const workbook = await fetch(`${base}/public/publications/${publicationId}/workbook.xlsx`);
    expect(workbook.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('is throttled like GET /v1/public/summaries: the same limit per client, then 429 with Retry-After', async () => {
    const apiLimit = (await fetch(`${base}/v1/public/summaries?period=${QUARTER}`)).headers.get('x-ratelimit-limit');
    expect(apiLimit).toBe('120');
    const statuses: number[] = [];
    let throttled: Response | null = null;
    // Earlier tests used some of this client's count already: at most 120 more get through.
    for (let i = 0; i < 125 && throttled === null; i++) {
      const r = await fetch(`${base}/public`);
      if (i === 0) expect(r.headers.get('x-ratelimit-limit')).toBe(apiLimit);
      statuses.push(r.status);
      if (r.status === 429) throttled = r;
      else await r.arrayBuffer();
    }
    expect(throttled).not.toBeNull();
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(120);
    expect(Number(throttled!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
