import type { IssueCode } from '@app/domain';
import type { FollowUp } from '../../follow-ups/follow-ups.service';
import type { PageContext } from '../page-context';
import { formatInstant, formatPeriod } from './formats';
import { html, SafeHtml } from './html';
import type { PageShell } from './layout';
import { returnedNote } from './returned-note.view';
import { fill } from './filing-messages';
import { issueText, ruleName } from './issue-texts';

export interface FollowUpsData {
  readonly period: string | undefined;
  readonly includeReviewed: boolean;
  readonly items: readonly FollowUp[];
  /** Reports returned and not yet amended, reviewed or not. */
  readonly returns: readonly FollowUp[];
  /** A review just recorded, to say so. */
  readonly saved: boolean;
  /** A review refused, to show again with its error: the report and what was typed. */
  readonly refused?: { readonly reportId: string; readonly rule: string; readonly comment: string };
}

function reviewForm(ctx: PageContext, item: FollowUp, rule: string, data: FollowUpsData): SafeHtml {
  const { t } = ctx;
  const id = `comment-${rule}-${item.reportId}`;
  const refused = data.refused?.reportId === item.reportId && data.refused.rule === rule ? data.refused : null;
  return html`<form method="post" action="/follow-ups/${item.reportId}/review" class="review-form">
    <input type="hidden" name="rule" value="${rule}">
    <div class="field${refused ? ' invalid' : ''}">
      <label for="${id}">${t.comment}</label>
      ${refused ? html`<p class="field-error" id="${id}-error">${t.commentRequired}</p>` : ''}
      <textarea id="${id}" name="comment" rows="2" maxlength="500"
        ${refused ? html`aria-invalid="true" aria-describedby="${id}-error"` : ''}>${refused?.comment ?? ''}</textarea>
    </div>
    <button type="submit">${t.markReviewed}</button>
  </form>`;
}

function entry(ctx: PageContext, item: FollowUp, rule: IssueCode, data: FollowUpsData): SafeHtml {
  const { t, lang } = ctx;
  const heading = `fu-${rule}-${item.reportId}`;
  const warnings = item.warnings.filter((w) => w.code === rule);
  return html`<article class="card follow-up" aria-labelledby="${heading}" data-report="${item.reportId}">
    <h3 id="${heading}"><a href="/enterprises/${encodeURIComponent(item.taxCode)}">${item.enterpriseName}</a>
      <span class="muted">· ${item.zoneCode} · ${formatPeriod(item.period, lang)} · ${t.revision} ${item.revision}</span></h3>
    <ul class="warning-list">${warnings.map((w) => html`<li>${issueText(w, lang, 'board')}</li>`)}</ul>
    ${
      item.review
        ? html`<p class="reviewed"><span class="badge accepted">${t.reviewed}</span> ${item.review.reviewedBy ?? ''} · ${formatInstant(
            new Date(item.review.reviewedAt),
            lang,
          )}${item.review.comment ? html` — ${item.review.comment}` : ''}</p>`
        : reviewForm(ctx, item, rule, data)
    }
  </article>`;
}

/** A report returned and waiting for its amendment, with the days it has waited. */
function openReturn(ctx: PageContext, item: FollowUp): SafeHtml {
  const { t, lang } = ctx;
  const returned = item.returned!;
  const heading = `return-${item.reportId}`;
  const age = returned.ageDays === 0 ? t.returnedToday : fill(t.returnAge, { n: returned.ageDays });
  return html`<article class="card follow-up open-return" aria-labelledby="${heading}" data-report="${item.reportId}"
    data-age-days="${returned.ageDays}">
    <h3 id="${heading}"><a href="/enterprises/${encodeURIComponent(item.taxCode)}#period-${item.period}">${item.enterpriseName}</a>
      <span class="muted">· ${item.zoneCode} · ${formatPeriod(item.period, lang)} · ${t.revision} ${item.revision}</span></h3>
    <p><span class="badge returned">${age}</span>${returned.by ? html` <span class="muted">${returned.by}</span>` : ''}</p>
    ${returnedNote(ctx, { at: new Date(returned.at), message: returned.message })}
  </article>`;
}

/** The open returns, oldest first: the longest wait leads. */
function returnsSection(ctx: PageContext, data: FollowUpsData): SafeHtml {
  const { t } = ctx;
  const items = [...data.returns].sort((a, b) => b.returned!.ageDays - a.returned!.ageDays);
  return html`<section class="group" aria-labelledby="open-returns">
    <h2 id="open-returns">${t.openReturns} <span class="muted">(${items.length})</span></h2>
    ${items.length === 0 ? html`<p class="muted">${t.noOpenReturns}</p>` : items.map((i) => openReturn(ctx, i))}
  </section>`;
}

/** The reports warned under one rule, each with its review form. */
function group(ctx: PageContext, rule: IssueCode, data: FollowUpsData): SafeHtml {
  const items = data.items.filter((i) => i.warnings.some((w) => w.code === rule));
  return html`<section class="group" aria-labelledby="rule-${rule}">
      <h2 id="rule-${rule}">${ruleName(rule, ctx.lang)} <span class="muted">(${items.length})</span></h2>
      ${items.map((i) => entry(ctx, i, rule, data))}
    </section>`;
}

export function followUpsPage(ctx: PageContext, data: FollowUpsData): PageShell {
  const { t } = ctx;
  const rules = [...new Set(data.items.flatMap((i) => i.warnings.map((w) => w.code)))].sort();
  return {
    title: t.followUpsTitle,
    section: 'followUps',
    body: html`<h1>${t.followUpsTitle}</h1>
    ${
      data.refused
        ? html`<div class="error-summary" role="alert"><h2>${t.errorSummary}</h2>
      <p><a href="#comment-${data.refused.rule}-${data.refused.reportId}">${t.commentRequired}</a></p></div>`
        : ''
    }
    ${data.saved ? html`<p class="notice" role="status">${t.reviewSaved}</p>` : ''}
    <form method="get" action="/follow-ups" class="filters">
      <div class="field"><label for="period">${t.period}</label><input id="period" name="period"
        value="${data.period ?? ''}" size="8"></div>
      <div class="field checkbox"><label><input type="checkbox" name="all" value="1"
        ${data.includeReviewed ? html`checked` : ''}> ${t.showReviewed}</label></div>
      <button type="submit">${t.show}</button>
    </form>
    ${returnsSection(ctx, data)}
    ${rules.length === 0 ? html`<p class="notice">${t.nothingToReview}</p>` : ''}
    ${rules.map((rule) => group(ctx, rule, data))}`,
  };
}
