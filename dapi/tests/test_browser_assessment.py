"""His assessment and risk management plan in a real browser: his worker records an intake with the
example tool and agrees a plan; the case page shows both and passes axe; her partner support worker
sees the same case without them (issue 17, item 6)."""

from datetime import date

import pytest
from django.conf import settings

from .browser import browser_page, fill_date, log_in, screenshot, serious_accessibility_violations  # noqa: F401
from .demo_snapshot import loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]


@pytest.fixture
def demo_cases(transactional_db):
    from dapi.demo.cases import load_demo_cases
    from dapi.demo.seeds import load_demo

    loaded(load_demo)
    loaded(load_demo_cases)


def test_his_worker_records_an_intake_and_a_plan_that_her_worker_never_sees(demo_cases, browser_page):
    from dapi.cases.assessment.example import EXAMPLE_ITEMS
    from dapi.cases.models import Case

    case = Case.objects.filter(status="active").order_by("reference").first()
    page = browser_page
    log_in(page, "perpetrator-worker", settings.DEMO_PASSWORD)
    page.goto(f"/cases/{case.pk}/")
    page.get_by_role("link", name="Record an assessment").click()
    page.get_by_label("Intake", exact=True).check()
    for n in range(1, len(EXAMPLE_ITEMS) + 1):
        page.get_by_role("group", name=f"{n}.", exact=False).first.get_by_label("2: clear concern").check()
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Save").click()
    main = page.locator("main").inner_text()
    assert f"Intake assessment saved: total {2 * len(EXAMPLE_ITEMS)}." in main
    page.get_by_role("link", name="Agree a plan").click()
    page.get_by_label("Risks").fill("Synthetic risk: controlling behaviour")
    page.get_by_label("Actions and controls").fill("Coordinator: weekly sessions")
    fill_date(page, "Next review", date(2099, 12, 31))
    page.get_by_role("button", name="Save").click()
    main = page.locator("main").inner_text()
    assert "Risk management plan saved" in main and "Synthetic risk: controlling behaviour" in main
    assert serious_accessibility_violations(page) == []
    screenshot(page, "case-perpetrator-assessment")
    page.context.clear_cookies()
    log_in(page, "partner-support-worker", settings.DEMO_PASSWORD)
    page.goto(f"/cases/{case.pk}/")
    main = page.locator("main").inner_text()
    assert case.reference in main
    assert "His assessments" not in main and "Synthetic risk" not in main
    page.goto(f"/assessment/cases/{case.pk}/plan/")
    assert page.locator("h1").inner_text() == "Page not found"
