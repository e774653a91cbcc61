// Starts GOV.UK Frontend and MOJ Frontend on every page. Load it from the page head with
//   <script type="module" src="{% static 'dapi/init.js' %}"></script>
// Hand-written, not built: it lives beside the assets that `npm run build` copies here.
//
// GOV.UK Frontend's page template sets the body classes with an inline script; dapi's
// Content-Security-Policy forbids inline scripts, so it is done here instead. Only browsers
// that run ES modules get this far, which is GOV.UK Frontend's own test for support
// (`'noModule' in HTMLScriptElement.prototype`), so the class is only ever set where the
// components work. Module scripts run after the document is parsed, so document.body exists.
import { initAll as initGovukFrontend } from "./govuk-frontend.min.js";
import { initAll as initMojFrontend } from "./moj-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");

initGovukFrontend();
initMojFrontend();

// The DASH form's running score: the count of "yes" answers, updated as they are chosen. Without
// this script the page shows the count as it was when the page was served (a saved draft's).
for (const score of document.querySelectorAll("[data-dash-score]")) {
  const form = score.closest("form");
  const shown = score.querySelector("[data-dash-yes]");
  if (form && shown) {
    form.addEventListener("change", () => {
      shown.textContent = form.querySelectorAll('input[type="radio"][value="yes"]:checked').length;
    });
  }
}
