"""Issue 16, item 11 in a real browser (Debian chromium via Playwright): the provider's administrator
finds who read one of its cases, exports the log, adds a user and unlocks one; a user changes their
password. Every page is checked with axe-core and must pass the Content Security Policy."""

import pytest
from django.conf import settings

from .browser import browser_page, log_in, screenshot, serious_accessibility_violations  # noqa: F401
from .demo_snapshot import loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]


@pytest.fixture
def demo(transactional_db):
    from dapi.demo.cases import load_demo_cases
    from dapi.demo.seeds import load_demo

    loaded(load_demo)
    loaded(load_demo_cases)


def accessible(page, name):
    assert serious_accessibility_violations(page) == [], name
    screenshot(page, f"administration-{name}")


def test_the_provider_administrator_finds_who_read_a_case_and_manages_a_user(demo, browser_page):
    from dapi.accounts.models import User
    from dapi.cases.models import Case

    case = Case.objects.filter(provider__name="Harbour Support Services").order_by("pk").first()
    page = browser_page
    log_in(page, "perpetrator-worker", settings.DEMO_PASSWORD)
    page.goto(f"/cases/{case.pk}/")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()

    log_in(page, "provider-administrator", settings.DEMO_PASSWORD)
    page.get_by_role("link", name="Audit log").first.click()
    page.get_by_label("Record").fill(case.reference)
    page.get_by_label("Username").fill("perpetrator-worker")
    page.get_by_label("Action").select_option(label="Access")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    # Two reads: his home page lists the case among his (with his client's name), then he opened it.
    assert "2 entries" in page.locator("main").inner_text()
    assert page.locator("main table tbody tr").first.inner_text().count("perpetrator-worker") == 1
    accessible(page, "audit-log")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export these entries as CSV").click()
    assert download.value.suggested_filename == "audit-log.csv"

    page.get_by_role("link", name="Users").first.click()
    assert page.locator("h1").inner_text() == "Users"
    accessible(page, "users")
    page.get_by_role("link", name="Add a user").click()
    accessible(page, "add-user")
    page.get_by_label("Role").select_option(label="Partner support worker")
    page.get_by_label("Username").fill("new.partner")
    page.get_by_label("First name").fill("New")
    page.get_by_label("Last name").fill("Partner")
    page.get_by_role("button", name="Add user").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "new.partner is added"
    assert len(page.locator("#one-time-password").inner_text()) == 29
    accessible(page, "user-added")
    with page.expect_navigation():
        page.get_by_role("link", name="new.partner's page").click()
    accessible(page, "user")
    page.get_by_role("button", name="Unlock sign-in of new.partner").click()
    page.wait_for_load_state()
    assert "failed sign-ins are cleared" in page.locator("main").inner_text()
    page.get_by_role("button", name="Deactivate new.partner").click()
    page.wait_for_load_state()
    assert "new.partner can no longer sign in." in page.locator("main").inner_text()
    assert not User.objects.get(username="new.partner").is_active


def test_a_user_changes_their_password(demo, browser_page):
    page = browser_page
    log_in(page, "panel-member", settings.DEMO_PASSWORD)
    page.get_by_role("link", name="Change password").click()
    accessible(page, "change-password")
    page.get_by_label("Your current password").fill(settings.DEMO_PASSWORD)
    page.get_by_label("New password", exact=True).fill("a brand new panel password")
    page.get_by_label("New password again").fill("a brand new panel password")
    page.get_by_role("button", name="Change password").click()
    page.wait_for_load_state()
    assert "Your password is changed." in page.locator("main").inner_text()
