"""The API tokens pages in a real browser (Debian chromium via Playwright): an administrator, signed in
with password and code, finds the page in the navigation, reads a user's token and revokes it; both
pages are checked with axe-core and photographed to var/screenshots/."""

import pytest
from django.conf import settings

from .browser import browser_page, log_in, screenshot, serious_accessibility_violations  # noqa: F401
from .demo_snapshot import loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]


@pytest.fixture
def demo(transactional_db):
    from dapi.demo.seeds import load_demo

    loaded(load_demo)


def test_an_administrator_revokes_a_token_of_one_of_their_organisations_users(demo, browser_page):
    from dapi.accounts.models import ApiToken, User
    from dapi.accounts.services import api_token_create

    token, _ = api_token_create(user=User.objects.get(username="finance-officer"), name="budget model", by=None)
    page = browser_page
    log_in(page, "administrator", settings.DEMO_PASSWORD)
    page.get_by_role("link", name="API tokens").first.click()
    assert page.locator("h1").inner_text() == "API tokens"
    assert "budget model" in page.locator("main").inner_text()
    assert serious_accessibility_violations(page) == []
    screenshot(page, "api-tokens")
    page.get_by_role("link", name="Revoke budget model of finance-officer").click()
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Revoke token").click()
    page.wait_for_load_state()
    assert "is revoked: it no longer works" in page.locator("main").inner_text()
    assert ApiToken.objects.get(pk=token.pk).revoked
