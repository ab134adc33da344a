// The tracker's bulk update: once rows are ticked, a bar stays at the foot of the screen saying
// how many, with a link to the update form above the list (which it opens). Without this the
// form still works; the bar only saves scrolling back up a long list.
for (const form of document.querySelectorAll('[data-module="app-bulk-update"]')) {
  const bar = form.querySelector('.app-selection-bar')
  const count = form.querySelector('.app-selection-bar__count')
  const details = form.querySelector('#bulk-update')
  const link = form.querySelector('.app-selection-bar__link')
  const boxes = () => form.querySelectorAll('tbody input[type="checkbox"]')
  const update = () => {
    const ticked = Array.from(boxes()).filter((box) => box.checked).length
    bar.hidden = ticked === 0
    count.textContent = `${ticked} finding${ticked === 1 ? '' : 's'} selected.`
  }
  // The select-all box is added by MOJ Frontend after this runs: listen on the form.
  form.addEventListener('change', update)
  form.addEventListener('click', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'checkbox') {
      window.setTimeout(update)
    }
  })
  link.addEventListener('click', (event) => {
    event.preventDefault()
    details.open = true
    details.scrollIntoView()
    details.querySelector('select, textarea').focus() // the form's first field
  })
  update()
}
