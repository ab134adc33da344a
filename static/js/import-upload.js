// Report upload: show that the report is being read while the browser waits for the server,
// and stop a second submission. The form posts normally; this only adds the indicator.
for (const form of document.querySelectorAll('[data-module="app-import-upload"]')) {
  form.addEventListener('submit', () => {
    const progress = form.querySelector('.app-progress')
    if (progress) progress.hidden = false
  })
}
