"""Contract events and co-funding in a real browser (issue 18, items 5 and 12): on the demonstration date
the commissioner exercises the Hampshire perpetrator contract's extension to 31 Mar 2026 and records
Hampshire County Council's 10% cut from 2024/25, which shows the PCC's mirrored reduction and the new
schedule as a proposal. Each page is checked with axe-core and photographed to
var/screenshots/contract-*.png (the agreement page at 1280 px also to /tmp/contract-agreement-1280.png).

Hampshire County Council leads the Hampshire programmes; the demo's commissioner works for the
OPCCs, Hampshire's among them, which pays into them but cannot change their ledger. Here the
commissioner is also made a commissioner of the county council, as its own officer would be."""

import shutil
from datetime import date

import pytest
from django.conf import settings

from .browser import browser_page, fill_date, log_in, screenshot, serious_accessibility_violations  # noqa: F401
from .demo_snapshot import loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]

HAMPSHIRE = "Domestic Abuse Perpetrators Service (Hampshire and Southampton)"
PCC = "Office of the Police and Crime Commissioner for Hampshire"


@pytest.fixture
def demo_loaded(transactional_db, monkeypatch):
    from dapi.accounts.models import Membership, Organisation, Role, User
    from dapi.demo.seeds import load_demo

    monkeypatch.setenv("DAPI_TODAY", "2024-03-15")
    loaded(load_demo)
    Membership.objects.create(user=User.objects.get(username="commissioner"), role=Role.COMMISSIONER,
                              organisation=Organisation.objects.get(name="Hampshire County Council"))


def checked(page, name: str):
    assert serious_accessibility_violations(page) == [], name
    return screenshot(page, f"contract-{name}")


def main_text(page) -> str:
    return " ".join(page.locator("main").inner_text().split())


def test_the_commissioner_exercises_the_hampshire_extension_and_records_the_county_cut(demo_loaded, browser_page):
    from dapi.funding.models import Agreement

    hampshire = Agreement.objects.get(title=HAMPSHIRE)
    decision = hampshire.programme.decisions.get(reference="PCCML/000407/2018")
    page = browser_page
    log_in(page, "commissioner", settings.DEMO_PASSWORD)
    page.goto(f"/agreements/{hampshire.pk}/")
    text = main_text(page)
    assert "Last day to give notice: 30 Sep 2023" in text
    assert f"Any percentage reduction by Hampshire County Council may also be made by {PCC}" in text
    checked(page, "agreement-before")

    page.get_by_role("button", name="Exercise the extension").click()
    page.wait_for_load_state()
    assert "the extension options reach 31 Mar 2026" in main_text(page)
    fill_date(page, "New end date", date(2026, 3, 31))
    fill_date(page, "Agreed on", date(2024, 3, 1))
    page.get_by_label("Approving decision record").select_option(label=str(decision))
    checked(page, "extension-form")
    page.get_by_role("button", name="Record the extension").click()
    page.wait_for_load_state()
    text = main_text(page)
    assert f"Extension recorded: {HAMPSHIRE} now ends on 31 Mar 2026." in text
    assert "Extended to 31 Mar 2026 (was 31 Mar 2024)." in text
    assert "Last day to give notice: 30 Sep 2025" in text

    page.get_by_role("button", name="Record a co-funder's cut").click()
    page.wait_for_load_state()
    page.get_by_label("Partner cutting its contribution").select_option(label="Hampshire County Council")
    page.get_by_label("From the financial year").fill("2024/25")
    page.get_by_label("Cut, as a percentage").fill("10")
    fill_date(page, "Made known on", date(2024, 3, 14))
    checked(page, "cut-form")
    page.get_by_role("button", name="Record the cut").click()
    page.wait_for_load_state()
    text = main_text(page)
    assert "Hampshire County Council cuts its contribution by 10% from 2024/25 (made known 14 Mar 2024)." in text
    assert "Proposed for approval: nothing in the ledger changes until a decision approves it." in text
    assert (f"{PCC}: £70,000.00 to £63,000.00 in 2024/25 (£7,000.00 less), the mirrored reduction of 10%") in text
    assert "Hampshire County Council: £100,000.00 to £90,000.00 in 2024/25 (£10,000.00 less), the cut" in text
    # The schedule by partner is still the ledger's: £70,000.00 a year to 2025/26.
    schedule = page.get_by_role("region", name="Schedule by partner and financial year", exact=True).inner_text()
    assert "£63,000.00" not in schedule
    shot = checked(page, "agreement-with-proposed-cut")
    shutil.copy(shot, "/tmp/contract-agreement-1280.png")

    page.get_by_role("link", name="Apply this cut with its approving decision").click()
    page.wait_for_load_state()
    assert "Apply a co-funder's cut" in main_text(page)
    checked(page, "cut-apply-form")
