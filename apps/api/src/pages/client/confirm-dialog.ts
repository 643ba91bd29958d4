/**
 * A form marked `data-confirm="<dialog id>"` opens that dialog before it is sent; the dialog's own
 * form (method="dialog") closes it with the value of the button pressed, and only `confirm` sends.
 */
export function confirmBeforeSubmit(form: HTMLFormElement): void {
  const dialog = document.getElementById(form.dataset.confirm ?? '');
  if (!(dialog instanceof HTMLDialogElement)) return;
  let confirmed = false;
  form.addEventListener('submit', (event) => {
    if (confirmed) return;
    event.preventDefault();
    dialog.returnValue = '';
    dialog.showModal();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue !== 'confirm') return;
    confirmed = true;
    form.requestSubmit();
  });
}
