"""Registers and reminders in a real browser (issue 18, items 6 and 7): the finance officer uploads an
office's register, matches its columns, previews and confirms it; the commissioner's home page lists
what needs their action. Each page is checked with axe-core and photographed to
var/screenshots/registers-*.png and reminders-*.png."""

import pytest
from django.conf import settings

from dapi.funding.registers.tests.builders import office_row, office_rows, write_xlsx

from .browser import browser_page, log_in, screenshot, serious_accessibility_violations  # noqa: F401
from .demo_snapshot import loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]


@pytest.fixture
def demo_loaded(transactional_db):
    from dapi.demo.seeds import load_demo

    loaded(load_demo)


def checked(page, name: str) -> None:
    assert serious_accessibility_violations(page) == [], name
    screenshot(page, name)


def test_finance_officer_uploads_a_register_maps_its_columns_previews_and_confirms(demo_loaded, browser_page,
                                                                                    tmp_path):
    from dapi.funding.models import Agreement

    page = browser_page
    before = Agreement.objects.count()
    log_in(page, "finance-officer", settings.DEMO_PASSWORD)
    page.get_by_role("link", name="Registers").click()
    page.wait_for_load_state()
    checked(page, "registers-upload")

    # A bad row first: refused at the preview, naming it, with nothing created.
    bad = write_xlsx(tmp_path / "bad register.xlsx", office_rows(3) + [office_row(4, **{"Contract ref": "REG-0002"})])
    page.get_by_label("Register file").set_input_files(str(bad))
    page.get_by_role("button", name="Upload and match the columns").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Preview what would be created").click()
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    assert "1 problem to correct: nothing will be created" in main
    assert "Row 5, column “Contract ref” (Reference): 'REG-0002' is also the reference of row 3" in main
    checked(page, "registers-preview-refused")
    assert Agreement.objects.count() == before

    good = write_xlsx(tmp_path / "office register.xlsx", office_rows(25))
    page.goto("/registers/")
    page.get_by_label("Register file").set_input_files(str(good))
    page.get_by_role("button", name="Upload and match the columns").click()
    page.wait_for_load_state()
    assert page.get_by_label("Reference").input_value() == "0"  # suggested: "Contract ref"
    assert page.get_by_label("Commissioner").input_value() == "4"  # suggested: "Funder"
    page.get_by_label("Extension until").select_option(label="(not in the file)")
    checked(page, "registers-map")
    page.get_by_role("button", name="Preview what would be created").click()
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    assert "Confirming creates these 25 agreements, all at once." in main and "REG-0025" in main
    checked(page, "registers-preview")
    assert Agreement.objects.count() == before
    page.get_by_role("button", name="Confirm and create 25 agreements").click()
    page.wait_for_load_state()
    assert "25 agreements created from office register.xlsx." in page.locator("main").inner_text()
    assert Agreement.objects.count() == before + 25
    assert Agreement.objects.get(reference="REG-0025").title == "Synthetic register agreement 25"


def test_commissioners_home_page_lists_what_needs_their_action(demo_loaded, browser_page):
    page = browser_page
    log_in(page, "commissioner", settings.DEMO_PASSWORD)
    page.goto("/?today=2024-03-15")
    table = page.get_by_role("table", name="What needs your action, by kind, soonest first")
    text = table.inner_text()
    assert "Cliff edge" in text and "Hampshire domestic abuse perpetrator service" in text
    assert "Bid decision overdue" in text and "Resolution due" in text and "Evaluation due" in text
    checked(page, "reminders-home-commissioner")
