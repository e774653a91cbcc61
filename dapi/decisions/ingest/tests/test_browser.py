"""Importing a record in a real browser: upload, follow a field to its highlighted text, confirm;
the review page has no serious accessibility problems."""

from pathlib import Path

import pytest
from django.conf import settings

from dapi.tests.browser import browser_page, log_in, screenshot, serious_accessibility_violations  # noqa: F401
from dapi.tests.demo_snapshot import loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]

RECORD = Path(__file__).parent / "documents" / "seeds" / "002_77636eefc96c41bc.txt"


@pytest.fixture
def demo_loaded(transactional_db):
    from dapi.demo.seeds import load_demo

    loaded(load_demo)


def test_commissioner_imports_a_record_and_confirms_it(demo_loaded, browser_page):
    page = browser_page
    log_in(page, "commissioner", settings.DEMO_PASSWORD)
    page.goto("/decisions/")
    page.get_by_role("button", name="Import a published record").click()
    page.get_by_label("Published decision document").set_input_files(str(RECORD))
    page.get_by_label("Import it for").select_option(label="Office of the Police and Crime Commissioner for Cleveland")
    page.get_by_role("button", name="Read the document").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Check the decision before it is created").is_visible()

    page.get_by_role("link", name="Show the reference in the document").click()
    target = page.evaluate("location.hash").removeprefix("#")
    mark = page.locator(f"mark#{target}")
    assert mark.inner_text() == "2022-0007" and mark.is_visible()
    assert page.locator("mark").count() >= 15
    assert serious_accessibility_violations(page) == []
    screenshot(page, "ingest-review", height=1800)

    # The demo holds 2022-0007 already: it is flagged, and created again here only on purpose.
    assert page.get_by_text("Likely duplicate of").is_visible()
    page.get_by_label("This is not a duplicate: create it anyway").check()
    for box in page.locator("select[name$='-role']").all():
        if box.input_value() == "other":  # left out on purpose, as a reviewer would
            box.locator("xpath=ancestor::fieldset").locator("input[name$='-include']").uncheck()
    page.get_by_role("button", name="Confirm and create the decision").click()
    page.wait_for_load_state()
    body = page.locator("main").inner_text()
    assert "Home Office Funded Perpetrator Programme (2022/ 2023 Delivery)" in body
    assert "002_77636eefc96c41bc.txt" in body and "£229,135.00" in body
