"""Case work in a real browser: the perpetrator worker sees her only as a pseudonym; her partner
support worker records a DASH; both pages pass axe with no serious violations."""

import pytest
from django.conf import settings

from .browser import browser_page, log_in, screenshot, serious_accessibility_violations  # noqa: F401
from .demo_snapshot import loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]


@pytest.fixture
def demo_cases(transactional_db):
    from dapi.demo.cases import load_demo_cases
    from dapi.demo.seeds import load_demo

    loaded(load_demo)
    loaded(load_demo_cases)


def _active_case():
    from dapi.cases.models import Case

    return Case.objects.filter(status="active").order_by("reference").first()


def test_the_perpetrator_worker_sees_the_victim_only_across_the_barrier(demo_cases, browser_page):
    case = _active_case()
    victim = case.members.get(role="victim")
    page = browser_page
    log_in(page, "perpetrator-worker", settings.DEMO_PASSWORD)
    page.get_by_role("link", name="Cases").first.click()
    page.get_by_role("link", name=case.reference).click()
    body = page.locator("main").inner_text()
    assert victim.person.reference in body
    assert victim.person.identifying_details.full_name not in body
    assert "Open record" not in body
    assert serious_accessibility_violations(page) == []
    screenshot(page, "case-perpetrator-side")
    page.goto(f"/cases/{case.pk}/victims/{victim.pk}/")
    assert page.locator("h1").inner_text() == "Page not found"
    assert victim.person.identifying_details.full_name not in page.content()


def test_the_partner_support_worker_records_a_dash(demo_cases, browser_page):
    case = _active_case()
    victim = case.members.get(role="victim")
    page = browser_page
    log_in(page, "partner-support-worker", settings.DEMO_PASSWORD)
    page.goto(f"/cases/{case.pk}/")
    page.get_by_role("link", name=f"Open record of {victim.person.reference}").click()
    assert victim.person.identifying_details.full_name in page.locator("main").inner_text()
    assert serious_accessibility_violations(page) == []
    screenshot(page, "case-victim-record")
    page.get_by_role("link", name="Record a DASH").click()
    for n in range(1, 25):
        group = page.get_by_role("group", name=f"{n}.", exact=False)
        group.first.get_by_label("Yes" if n <= 15 else "No", exact=True).check()
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Score and save").click()
    main = page.locator("main").inner_text()
    assert "15 \"yes\" of 24" in main and "High risk" in main and "visible high risk" in main
    screenshot(page, "case-dash-high-risk")
