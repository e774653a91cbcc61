"""The DASH form in a real browser (issue 21 item 2): one row per item with a running count of "yes"
answers; submitted with items missing, its error summary names each missing item and what would be
accepted; it can be completed and submitted with the keyboard alone (Tab, Space and Enter); and a
draft saved half-way comes back to be finished. Every state passes axe."""

import pytest
from django.conf import settings

from .browser import browser_page, log_in, screenshot, serious_accessibility_violations  # noqa: F401
from .test_browser_cases import _active_case, demo_cases  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]


def open_dash_form(page):
    case = _active_case()
    victim = case.members.get(role="victim")
    log_in(page, "partner-support-worker", settings.DEMO_PASSWORD)
    page.goto(f"/cases/{case.pk}/victims/{victim.pk}/dash/add/")
    return case, victim


def score_shown(page) -> str:
    return page.locator("[data-dash-yes]").inner_text()


def test_the_error_summary_names_each_missing_item(demo_cases, browser_page):  # noqa: F811
    page = browser_page
    open_dash_form(page)
    for n in range(1, 7):
        page.get_by_role("group", name=f"{n}.", exact=False).first.get_by_label("Yes", exact=True).check()
    assert score_shown(page) == "6"  # counted as they are chosen
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Score and save").click()
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Item 7, conflict over child contact: choose yes, no or not known." in summary
    assert "Item 24, criminal history: choose yes, no or not known." in summary
    assert "Item 6," not in summary and "This field is required" not in summary
    assert summary.count("choose yes, no or not known") == 18
    page.get_by_role("link", name="Item 7, conflict over child contact: choose yes, no or not known.").click()
    assert page.evaluate("document.activeElement.id") == "id_item_7_0"
    assert score_shown(page) == "6"  # the answers given are kept
    assert serious_accessibility_violations(page) == []
    screenshot(page, "dash-errors")


def test_the_dash_is_completed_and_submitted_with_the_keyboard_alone(demo_cases, browser_page):  # noqa: F811
    from dapi.cases.models import RiskAssessment

    page = browser_page
    case, victim = open_dash_form(page)
    before = RiskAssessment.objects.filter(member=victim).count()
    submitted = False
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const e = document.activeElement;
            return {name: e.name || "", type: e.type || "", checked: !!e.checked, text: e.innerText || ""}; }""")
        if focused["type"] == "radio" and focused["name"].startswith("item_") and not focused["checked"]:
            page.keyboard.press("Space")
        elif focused["type"] == "submit" and focused["text"].strip() == "Score and save":
            assert score_shown(page) == "24"
            with page.expect_navigation():
                page.keyboard.press("Enter")
            submitted = True
            break
    assert submitted, "Tab never reached the Score and save button"
    errors = page.locator(".govuk-error-summary")
    assert not errors.count(), errors.inner_text()
    assert RiskAssessment.objects.filter(member=victim).count() == before + 1
    assert '24 "yes" of 24' in page.locator("main").inner_text()


def test_a_draft_saved_half_way_comes_back_to_be_finished(demo_cases, browser_page):  # noqa: F811
    from dapi.cases.models import DashDraft

    page = browser_page
    case, victim = open_dash_form(page)
    for n in range(1, 4):
        page.get_by_role("group", name=f"{n}.", exact=False).first.get_by_label("Not known", exact=True).check()
    page.get_by_role("button", name="Save as draft").click()
    assert "DASH draft saved: 3 of 24 items answered" in page.locator("main").inner_text()
    assert DashDraft.objects.filter(member=victim).exists()
    page.get_by_role("link", name="Continue the DASH draft").click()
    assert page.get_by_role("group", name="3.", exact=False).first.get_by_label("Not known", exact=True).is_checked()
    assert serious_accessibility_violations(page) == []


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_of_the_caseload_case_page_and_dash_form(demo_cases, browser_page, width):  # noqa: F811
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    case, victim = open_dash_form(page)
    assert serious_accessibility_violations(page) == []
    if width == 1280:  # each item's three answers on one line beside its topic, "Not known" unbroken
        rows = page.evaluate("""[...document.querySelectorAll('.dapi-dash__answers')].map(a =>
            [...a.querySelectorAll('.govuk-radios__label')].map(l => [Math.round(l.getBoundingClientRect().top),
                                                                    Math.round(l.getBoundingClientRect().height)]))""")
        assert len(rows) == 24  # same top: one line of answers; same height: no label broken over two lines
        assert [r for r in rows if len({top for top, _ in r}) != 1 or len({h for _, h in r}) != 1] == []
    screenshot(page, f"dash-form-{width}")
    screenshot(page, f"dash-form-{width}-top", height=900)
    page.goto(f"/cases/{case.pk}/")
    screenshot(page, f"case-page-{width}")
    screenshot(page, f"case-page-{width}-top", height=900)
    page.goto("/cases/")
    screenshot(page, f"caseload-{width}")
    screenshot(page, f"caseload-{width}-top", height=900)
