// Start GOV.UK Frontend (and MOJ Frontend where a page uses it).
//
// This is loaded with <script type="module">, so it only runs in browsers
// that support ES modules. That is exactly the test GOV.UK Frontend 5's inline
// snippet makes ('noModule' in HTMLScriptElement.prototype), so we can add
// the classes unconditionally. It lives in this file, not inline, because the
// Content Security Policy forbids inline scripts.
//
// Module paths below are relative to this file's URL, so they work whatever
// STATIC_URL is. (Keep the word for ES module loading out of these comments:
// ManifestStaticFilesStorage's JS module rewriting can mistake it for code.)
import { initAll } from '../vendor/govuk-frontend/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')

initAll()

// MOJ Frontend's JavaScript (about 60 KB) is fetched only on pages that use
// one of its components, for example data-module="moj-sortable-table".
if (document.querySelector('[data-module^="moj-"]')) {
  import('../vendor/moj-frontend/moj-frontend.min.js')
    .then((mojFrontend) => {
      mojFrontend.initAll()
      // initAll leaves out the filter toggle: a list page's filter panel shows and hides.
      // Shown at first on a wide screen; on a phone MOJ hides it, so the results come first.
      for (const filter of document.querySelectorAll('[data-module="moj-filter"]')) {
        const toggle = new mojFrontend.FilterToggleButton(filter, { startHidden: false })
        // A filter with an error stays open, or a phone would hide what is wrong.
        if (filter.querySelector('.govuk-error-summary') && toggle.showMenu) toggle.showMenu()
      }
    })
    .catch((error) => console.error('MOJ Frontend failed to load', error))
}
