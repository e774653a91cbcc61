"""A commissioner's journey in a real browser: the Cleveland money and the Jenkins Centre cliff edge."""

import pytest
from django.conf import settings

from .browser import browser_page, log_in, screenshot, serious_accessibility_violations, tables_cut_short  # noqa: F401
from .demo_snapshot import loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]


@pytest.fixture
def demo_loaded(transactional_db):
    from dapi.demo.seeds import load_demo

    loaded(load_demo)


def test_commissioner_sees_cleveland_money_and_the_jenkins_centre_cliff_edge(demo_loaded, browser_page):
    page = browser_page
    log_in(page, "commissioner", settings.DEMO_PASSWORD)
    page.get_by_role("link", name="Programmes").first.click()
    page.get_by_role("link", name="Cleveland complex needs perpetrator programme").first.click()
    body = page.locator("main").inner_text()
    assert "229,135.00" in body
    for provider in ("Harbour Support Services", "My Sister's Place", "Barefoot Social Research"):
        assert provider in body
    assert serious_accessibility_violations(page) == []
    assert tables_cut_short(page) == []  # the funding table keeps its Total column at 1280 px
    screenshot(page, "programme-cleveland")
    screenshot(page, "programme-cleveland-top", height=2300)

    page.goto("/programmes/jenkins-centre/?today=2023-02-01")
    warning = page.locator(".govuk-warning-text").first
    assert "Cliff edge" in warning.inner_text()
    assert "58" in page.locator("main").inner_text()
    assert serious_accessibility_violations(page) == []
    screenshot(page, "programme-jenkins-centre-cliff-edge")


def test_the_programme_page_reads_on_a_phone(demo_loaded, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 800})
    log_in(page, "commissioner", settings.DEMO_PASSWORD)
    page.goto("/programmes/cleveland-complex-needs/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(page, "programme-cleveland-phone")
