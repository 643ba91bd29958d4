/**
 * The upload form: a file dropped anywhere on its zone goes into the file field, and the upload is sent
 * with a progress bar (large files take a while); the server's answer replaces the page, as without
 * the script.
 */
export function enhanceUploadForm(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[type=file]');
  const zone = form.querySelector<HTMLElement>('[data-drop-zone]');
  const progress = form.querySelector<HTMLProgressElement>('progress');
  if (!input || !zone || !progress) return;
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    if (event.dataTransfer?.files.length) input.files = event.dataTransfer.files;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    progress.parentElement!.hidden = false;
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100);
    });
    request.addEventListener('load', () => {
      if (request.responseURL && new URL(request.responseURL).pathname !== new URL(form.action).pathname) {
        window.location.assign(request.responseURL);
        return;
      }
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener('error', () => form.submit());
    request.send(new FormData(form));
  });
}
