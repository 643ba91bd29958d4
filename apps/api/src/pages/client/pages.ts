/** The one script of the pages: what each page needs, found by the attributes the server wrote. */
import { startLiveFigures } from './live-figures';
import { confirmBeforeSubmit } from './confirm-dialog';

const main = document.getElementById('main');
if (main?.dataset.live) startLiveFigures(main);
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-confirm]')) confirmBeforeSubmit(form);
