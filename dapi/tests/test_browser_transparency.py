"""The public transparency page in a real browser (Debian chromium via Playwright): with the page turned on,
a visitor who has not signed in reads the approved decisions and their grants, and follows the link to the
360Giving file; the page is checked with axe-core and photographed to var/screenshots/. Turned off, the
same address answers 404."""

import pytest

from .browser import browser_page, screenshot, serious_accessibility_violations  # noqa: F401
from .demo_snapshot import loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]


@pytest.fixture
def demo(transactional_db):
    from dapi.demo.seeds import load_demo

    loaded(load_demo)


def test_a_visitor_reads_the_transparency_page_without_signing_in(demo, browser_page, settings):
    settings.DAPI_TRANSPARENCY_PAGE = True
    page = browser_page
    response = page.goto("/transparency/")
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Decisions, grants and contracts"
    main = page.locator("main").inner_text()
    assert "Harbour Support Services" in main and "£121,197.00" in main
    assert "Sign in" not in page.locator("h1").inner_text()
    assert serious_accessibility_violations(page) == []
    screenshot(page, "transparency", height=1400)
    with page.expect_download() as download:
        page.get_by_role("link", name="Grants in the 360Giving Data Standard (JSON)").click()
    assert download.value.suggested_filename == "360giving.json"


def test_the_transparency_page_answers_404_when_off(demo, browser_page, settings):
    settings.DAPI_TRANSPARENCY_PAGE = False
    assert browser_page.goto("/transparency/").status == 404
