import type { PublicationHeader } from '@app/database';
import type { PublicSummaryView } from '../../public/public-summaries.service';
import type { PageContext } from '../page-context';
import { Language } from './formats';
import { messages } from './messages';
import { publicPage } from './public.view';

const context = (lang: Language): PageContext => ({ lang, t: messages(lang), url: '/public', principal: null });

/** Figures as a public summary gives them: money as digits, every other figure absent (nobody reported it). */
const figures = (over: Record<string, unknown>) => ({
  reportsExpected: 3,
  reportsReceived: 3,
  operatingProjects: 2,
  grossOutput: null,
  withheld: [] as string[],
  heldBack: [] as Array<{ field: string; reason: 'confidential' | 'protects another figure' | 'revision held back' }>,
  ...over,
});

// ZA's output was revised, but the revision is held back: the figure published before (120 billion) stands.
// ZB is withheld. The park total is published.
const summary = {
  period: '2026-Q3',
  quarters: ['2026-Q3'],
  zones: [
    figures({
      zoneCode: 'ZA',
      zoneName: 'KCN A',
      kind: 'industrial_park',
      grossOutput: '120000000000',
      heldBack: [{ field: 'grossOutput', reason: 'revision held back' }],
    }),
    figures({
      zoneCode: 'ZB',
      zoneName: 'KCN B',
      kind: 'industrial_park',
      reportsExpected: 1,
      reportsReceived: 1,
      withheld: ['grossOutput'],
      heldBack: [{ field: 'grossOutput', reason: 'confidential' }],
    }),
  ],
  totals: {
    industrial_park: figures({ grossOutput: '170000000000', reportsExpected: 4, reportsReceived: 4 }),
    industrial_cluster: figures({ reportsExpected: 0, reportsReceived: 0 }),
    all: figures({ grossOutput: '170000000000', reportsExpected: 4, reportsReceived: 4 }),
  },
  publication: { id: 7, publishedAt: '2026-11-01T07:00:02.000+07:00' },
  asOf: '2026-11-01T07:00:02.000+07:00',
} as unknown as PublicSummaryView;
const latest = { id: 7, latestQuarter: '2026-Q3', yearToDate: '2026-Q1..2026-Q3' } as PublicationHeader;
const page = (lang: Language) => publicPage(context(lang), { summary, latest }).body.text;
const cell = (html: string, row: string, field: string) =>
  new RegExp(`<tr[^>]*data-${row}[^>]*>.*?(<td[^>]*data-field="${field}".*?</td>)`, 's').exec(html)![1];

describe('public figures page', () => {
  it('writes a withheld figure as x with a link to its reason, and the counts as they are', () => {
    const html = page('vi');
    expect(cell(html, 'zone="ZB"', 'grossOutput')).toBe(
      '<td class="num withheld" data-field="grossOutput" data-reason="confidential"><span class="figure">x</span>' +
        '<sup><a class="note-ref" href="#why-confidential" aria-label="Ghi chú 1">1</a></sup></td>',
    );
    expect(cell(html, 'zone="ZB"', 'reportsReceived')).toContain('<span class="figure">1</span>');
    expect(html).toContain('Không công bố để giữ bí mật số liệu riêng của doanh nghiệp');
  });

  it('shows the figure published before where a revision is held back, with its own note', () => {
    for (const [lang, text, words] of [
      ['vi', '120,0', 'Số đã công bố trước đây: số điều chỉnh chưa được công bố'],
      ['en', '120.0', 'The figure published before: the revised figure is not published yet'],
    ] as const) {
      const html = page(lang);
      expect(cell(html, 'zone="ZA"', 'grossOutput')).toContain(`<span class="figure">${text}</span>`);
      expect(cell(html, 'zone="ZA"', 'grossOutput')).toContain('href="#why-revision"');
      expect(html).toContain(words);
    }
  });

  it('lists only the reasons the page uses, and writes – for a figure nobody reported', () => {
    const html = page('en');
    expect(html).not.toContain('id="why-protects"');
    expect(cell(html, 'zone="ZA"', 'revenue')).toContain('<span class="figure">–</span>');
  });

  it('draws no bar for a withheld total, and writes x for it in the chart and its table', () => {
    const withheldTotal = {
      ...summary,
      totals: { ...summary.totals, all: { ...summary.totals.all, grossOutput: null, withheld: ['grossOutput'] } },
    } as PublicSummaryView;
    const html = publicPage(context('en'), { summary: withheldTotal, latest }).body.text;
    const chart = /<svg class="bar-chart".*?<\/svg>/s.exec(html)![0];
    expect(chart.match(/<rect/g)).toHaveLength(1);
    expect([...chart.matchAll(/<text class="value"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['170.0', '–', 'x']);
  });
});
