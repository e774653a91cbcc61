"""Importing several records at once in a real browser: the commissioner uploads three files, sees the
queue with each file's state and the one that repeats a decision flagged, reviews another with its
confidence shown, and confirms it; the queue and review pages have no serious accessibility problems."""

from pathlib import Path

import pytest
from django.conf import settings

from dapi.decisions.models import IngestedDocument, IngestStatus
from dapi.tests.browser import browser_page, log_in, screenshot, serious_accessibility_violations  # noqa: F401
from dapi.tests.demo_snapshot import loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]

DOCUMENTS = Path(__file__).parent / "documents"
FILES = [DOCUMENTS / "seeds" / "002_77636eefc96c41bc.txt", DOCUMENTS / "own" / "10_record_wyndham.txt",
         DOCUMENTS / "own" / "11_record_hollinsford.txt"]


@pytest.fixture
def demo_loaded(transactional_db):
    from dapi.demo.seeds import load_demo

    loaded(load_demo)


def test_commissioner_uploads_several_records_sees_the_queue_and_confirms_one(demo_loaded, browser_page):
    page = browser_page
    log_in(page, "commissioner", settings.DEMO_PASSWORD)
    page.goto("/decisions/")
    page.get_by_role("button", name="Import a published record").click()
    page.get_by_label("Published decision documents").set_input_files([str(f) for f in FILES])
    page.get_by_label("Import it for").select_option(label="Office of the Police and Crime Commissioner for Cleveland")
    page.get_by_role("button", name="Read the document").click()
    page.wait_for_load_state()

    assert page.get_by_role("heading", name="Imported documents to review").is_visible()
    main = page.locator("main").inner_text()
    assert "3 of 3 documents read" in main
    rows = page.locator("tbody tr")
    assert rows.count() == 3
    seed = rows.filter(has_text=FILES[0].name)
    assert "Likely duplicate of 2022-0007" in seed.inner_text() and "the same reference (2022-0007)" in seed.inner_text()
    assert seed.get_by_role("link", name="2022-0007 Home Office Funded").is_visible()
    assert rows.filter(has_text=FILES[1].name).locator(".govuk-tag").inner_text() == "Extracted"
    assert serious_accessibility_violations(page) == []
    screenshot(page, "ingest-queue")

    rows.filter(has_text=FILES[1].name).get_by_role("link", name=f"Review {FILES[1].name}").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Check the decision before it is created").is_visible()
    assert page.get_by_role("heading", name="Check these first (least sure first)").is_visible()
    assert page.get_by_text("Confidence: high").first.is_visible()
    assert page.get_by_text("Likely duplicate of").count() == 0
    assert serious_accessibility_violations(page) == []
    screenshot(page, "ingest-review-confidence", height=1800)
    for box in page.locator("select[name$='-role']").all():
        if box.input_value() == "other":  # left out on purpose, as a reviewer would
            box.locator("xpath=ancestor::fieldset").locator("input[name$='-include']").uncheck()
    page.get_by_role("button", name="Confirm and create the decision").click()
    page.wait_for_load_state()

    assert page.get_by_role("heading", name="Imported documents to review").is_visible()
    confirmed = page.locator("tbody tr").filter(has_text=FILES[1].name)
    assert "Confirmed" in confirmed.inner_text() and "WV 2025/12" in confirmed.inner_text()
    assert IngestedDocument.objects.get(original_name=FILES[1].name).status == IngestStatus.CONFIRMED
    assert IngestedDocument.objects.get(original_name=FILES[0].name).status == IngestStatus.DRAFT
