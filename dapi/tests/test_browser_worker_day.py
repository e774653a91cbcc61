"""A worker's day in a real browser (issue 21 items 1 and 4): the perpetrator worker
sees his client's name on the caseload and the case page and never hers; the partner support worker
sees hers and never his, nor his session notes; each case worker's home shows their work. Every page
passes axe."""

import pytest
from django.conf import settings

from .browser import browser_page, log_in, screenshot, serious_accessibility_violations, tables_cut_short  # noqa: F401
from .test_browser_cases import _active_case, demo_cases  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]
SESSION_NOTE = "Synthetic demo note."


def test_the_perpetrator_worker_sees_his_clients_name_on_the_caseload_and_case_page_never_hers(
        demo_cases, browser_page):  # noqa: F811
    case = _active_case()
    his = case.perpetrator.identifying_details.full_name
    hers = case.members.get(role="victim").person.identifying_details.full_name
    page = browser_page
    log_in(page, "perpetrator-worker", settings.DEMO_PASSWORD)
    page.goto("/cases/")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=case.reference, exact=True))
    assert his in row.inner_text() and case.perpetrator.reference in row.inner_text()
    assert hers not in page.content()
    assert serious_accessibility_violations(page) == []
    assert tables_cut_short(page) == []  # every column of the caseload in sight at 1280 px
    screenshot(page, "caseload-with-names")
    # On a phone the filter stays in the page above the results, not laid over them, and the page does
    # not scroll sideways (the table does, in its own region).
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/cases/")
    assert page.evaluate("getComputedStyle(document.querySelector('.moj-filter-layout__filter')).position") == "static"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert page.get_by_role("heading", level=1).is_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/cases/")
    row.get_by_role("link", name=case.reference).click()
    body = page.locator("main").inner_text()
    assert his in body and "aged" in body and SESSION_NOTE in body
    assert hers not in page.content()
    assert serious_accessibility_violations(page) == []


def test_the_partner_support_worker_sees_her_name_and_never_his_session_notes(demo_cases, browser_page):  # noqa: F811
    case = _active_case()
    his = case.perpetrator.identifying_details.full_name
    hers = case.members.get(role="victim").person.identifying_details.full_name
    page = browser_page
    log_in(page, "partner-support-worker", settings.DEMO_PASSWORD)
    page.goto("/cases/")
    assert page.get_by_role("link", name=case.reference, exact=True).is_visible()
    assert his not in page.content()
    page.get_by_role("link", name=case.reference, exact=True).click()
    body = page.locator("main").inner_text()
    assert hers in body and case.perpetrator.reference in body
    assert his not in page.content() and SESSION_NOTE not in page.content()
    assert serious_accessibility_violations(page) == []


@pytest.mark.parametrize("username", ["perpetrator-worker", "partner-support-worker", "provider-manager"])
def test_a_workers_home_shows_their_work_and_passes_axe(demo_cases, browser_page, username):  # noqa: F811
    page = browser_page
    log_in(page, username, settings.DEMO_PASSWORD)
    page.goto("/")
    section = page.locator("section[aria-labelledby=workday-heading]")
    assert section.get_by_role("heading", name="Your work").is_visible()
    text = section.inner_text()
    if username == "provider-manager":
        assert "Referrals waiting to be screened" in text
    else:
        assert "Your cases" in text and "Changes to your cases by others" in text
    assert SESSION_NOTE not in page.content()
    assert serious_accessibility_violations(page) == []
    screenshot(page, f"home-{username}")


def test_the_case_page_prints_the_record_without_the_sites_furniture_and_has_a_favicon(
        demo_cases, browser_page):  # noqa: F811
    case = _active_case()
    page = browser_page
    log_in(page, "perpetrator-worker", settings.DEMO_PASSWORD)
    page.goto(f"/cases/{case.pk}/")
    assert page.locator("header.moj-header").is_visible()
    page.emulate_media(media="print")
    for hidden in ("header.moj-header", ".govuk-service-navigation", "footer.govuk-footer", ".govuk-back-link",
                   "text=Change status", "text=Link a victim, child or family member"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.get_by_role("heading", level=1).is_visible() and case.reference in page.locator("main").inner_text()
    icon = page.locator("link[rel=icon]").get_attribute("href")
    response = page.request.get(icon)
    assert response.ok and response.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in response.body()
