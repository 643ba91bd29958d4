import { scaledNumber } from '@app/domain';

/** Escapes text for HTML bodies (names come from the registry, never trusted as markup). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** 166000000000 → "166" billions; Vietnamese uses '.' for thousands and ',' for decimals. */
export function formatNumber(value: number, language: 'vi' | 'en', decimals = 0): string {
  return value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Digits divided by 10^shift, rounded once, exactly (see scaledNumber), then written for the language. */
export function scaled(digits: string | null, shift: number, language: 'vi' | 'en', decimals: number): string | null {
  return digits === null ? null : formatNumber(scaledNumber(digits, shift, decimals), language, decimals);
}
