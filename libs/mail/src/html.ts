/** Escapes text for HTML bodies (names come from the registry, never trusted as markup). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** 166000000000 → "166" billions; Vietnamese uses '.' for thousands and ',' for decimals. */
export function formatNumber(value: number, language: 'vi' | 'en', decimals = 0): string {
  return value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function scaled(digits: string | null, unit: bigint, language: 'vi' | 'en', decimals: number): string | null {
  if (digits === null) return null;
  const value = BigInt(digits);
  const hundredths = (value * 100n + unit / 2n) / unit;
  return formatNumber(Number(hundredths) / 100, language, decimals);
}
