/** The one script of the pages: what each page needs, found by the attributes the server wrote. */
import { startLiveFigures } from './live-figures';
import { confirmBeforeSubmit } from './confirm-dialog';
import { enhanceReportForm } from './report-form';
import { enhanceUploadForm } from './upload-form';
import { followVerdicts } from './verdict-follow';

const main = document.getElementById('main');
if (main?.dataset.live) startLiveFigures(main);
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-confirm]')) confirmBeforeSubmit(form);
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-report-form]')) enhanceReportForm(form);
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-upload-form]')) enhanceUploadForm(form);
for (const region of document.querySelectorAll<HTMLElement>('[data-follow]')) followVerdicts(region);
