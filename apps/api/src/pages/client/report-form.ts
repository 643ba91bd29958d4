/**
 * The online form as the filer types: figures shown back grouped in the page's locale when a field is
 * left, a part of the workers checked against the total at once (the server checks again in any case),
 * and the error summary focused after a refused submit. A double click sends the form once.
 */
import { readTypedFigure } from '../../../../../libs/domain/src/reports/typed-figure';

function showGrouped(input: HTMLInputElement, format: Intl.NumberFormat): void {
  const read = readTypedFigure(input.value);
  if (read.kind === 'number') input.value = format.format(BigInt(read.digits));
}

function checkPart(part: HTMLInputElement): void {
  const total = document.getElementById(part.dataset.partOf ?? '') as HTMLInputElement | null;
  const error = document.getElementById(`${part.id}-error`);
  if (!total || !error) return;
  const [p, t] = [readTypedFigure(part.value), readTypedFigure(total.value)];
  const exceeds = p.kind === 'number' && t.kind === 'number' && BigInt(p.digits) > BigInt(t.digits);
  // Only the message this check wrote is taken back; one from the server stays until the next submit.
  if (exceeds) {
    error.textContent = part.dataset.partError ?? '';
    error.hidden = false;
    error.dataset.fromClient = 'true';
    part.setAttribute('aria-invalid', 'true');
  } else if (error.dataset.fromClient) {
    error.textContent = '';
    error.hidden = true;
    delete error.dataset.fromClient;
    part.removeAttribute('aria-invalid');
  }
  part.closest('.field')?.classList.toggle('invalid', !error.hidden);
}

export function enhanceReportForm(form: HTMLFormElement): void {
  const format = new Intl.NumberFormat(document.documentElement.lang === 'vi' ? 'vi-VN' : 'en-US');
  const figures = [...form.querySelectorAll<HTMLInputElement>('input[data-figure]')];
  const parts = figures.filter((input) => input.dataset.partOf);
  for (const input of figures) input.addEventListener('blur', () => showGrouped(input, format));
  for (const input of figures) input.addEventListener('input', () => parts.forEach(checkPart));
  // A form sent back with other errors may still hold a part above its total.
  parts.forEach(checkPart);
  let sent = false;
  form.addEventListener('submit', (event) => {
    if (sent) event.preventDefault();
    sent = true;
  });
  document.getElementById('error-summary')?.focus();
}
