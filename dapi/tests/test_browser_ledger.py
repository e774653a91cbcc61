"""Keeping the ledger current in a real browser (issue 18): the finance officer records the Jenkins
Centre bid as unsuccessful on 17 Mar 2023 and the options fall back to local funding and closure; the
provider submits a spend return and the commissioner queries it. Each page is checked with axe-core
and photographed to var/screenshots/ledger-*.png."""

import re
from datetime import date

import pytest
from django.conf import settings

from .browser import browser_page, fill_date, log_in, screenshot, serious_accessibility_violations  # noqa: F401
from .demo_snapshot import loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]


@pytest.fixture
def demo_loaded(transactional_db):
    from dapi.demo.seeds import load_demo

    loaded(load_demo)


def options_table(page) -> list[list[str]]:
    table = page.get_by_role("table", name="Options when the runway ends")
    return [[cell.strip() for cell in row.split("\t")] for row in table.locator("tbody tr").all_inner_texts()]


def checked(page, name: str) -> None:
    assert serious_accessibility_violations(page) == [], name
    screenshot(page, f"ledger-{name}")


def test_finance_officer_records_the_jenkins_bid_as_unsuccessful_and_the_options_fall_back(demo_loaded, browser_page):
    page = browser_page
    log_in(page, "finance-officer", settings.DEMO_PASSWORD)
    page.goto("/programmes/jenkins-centre/?today=2023-03-17")
    assert [row[0] for row in options_table(page)] == [
        "1. Continue through a bid to Home Office", "2. Fund locally", "3. Close the programme"]
    page.get_by_role("link", name=re.compile("Record outcome")).click()
    page.wait_for_load_state()
    checked(page, "bid-outcome-form")
    page.get_by_label("Unsuccessful").check()
    fill_date(page, "Date of the outcome", date(2023, 3, 17))
    page.get_by_label("Reason").fill("The Home Office round was oversubscribed.")
    page.get_by_role("button", name="Record outcome").click()
    page.wait_for_load_state()
    assert "Outcome of the bid to" in page.locator(".govuk-notification-banner, main").first.inner_text()

    page.goto("/programmes/jenkins-centre/?today=2023-03-17")
    main = page.locator("main").inner_text()
    assert "No pending bids are recorded." in main
    assert "Unsuccessful on 17 Mar 2023: The Home Office round was oversubscribed." in main
    rows = options_table(page)
    assert rows == [
        ["1. Fund locally", "not stated", "The current annual cost is not recorded."],
        ["2. Close the programme", "£0.00",
         "No further delivery cost; exit costs and support for people on the programme are not recorded here."]]
    checked(page, "jenkins-options-after-the-bid")


def test_the_provider_submits_a_spend_return_and_the_commissioner_queries_it(demo_loaded, browser_page):
    from dapi.funding.models import Agreement, ReturnStatus, SpendReturn

    harbour = Agreement.objects.get(reference="2022-0007", provider__name="Harbour Support Services")
    page = browser_page
    log_in(page, "provider-manager", settings.DEMO_PASSWORD)
    page.goto(f"/agreements/{harbour.pk}/")
    page.get_by_role("button", name="Submit a spend return").click()
    page.wait_for_load_state()
    page.get_by_label("Financial year").fill("2022/23")
    page.get_by_label("Q2: July to September").check()
    page.locator("#id_lines-0-budget_line").fill("Coordinator and navigator salaries")
    page.locator("#id_lines-0-amount").fill("17,500.00")
    page.locator("#id_lines-1-budget_line").fill("Premises and travel")
    page.locator("#id_lines-1-amount").fill("1,200.00")
    page.get_by_role("button", name="Submit return").click()
    page.wait_for_load_state()
    # £18,700.00 against a profile of £22,848.61 is 18% under: the form asks why.
    assert "There is a problem" in page.locator("main").inner_text()
    assert "differs from the profile of £22,848.61 by 18%" in page.locator("main").inner_text()
    checked(page, "spend-return-needs-explanation")
    page.get_by_label("Explanation of the difference from the profile").fill(
        "A navigator post was vacant in August and September.")
    page.get_by_role("button", name="Submit return").click()
    page.wait_for_load_state()
    assert "Spend return for 2022/23 Q2 submitted" in page.locator("main").inner_text()
    checked(page, "agreement-spend-returns-provider")

    page.context.clear_cookies()
    log_in(page, "commissioner", settings.DEMO_PASSWORD)
    page.goto(f"/agreements/{harbour.pk}/")
    page.get_by_role("link", name="2022/23 Q2").click()
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    assert "£18,700.00" in main and "A navigator post was vacant" in main
    page.get_by_label("Query the return").check()
    page.get_by_label("Query or note").fill("Please send the dates the navigator post was vacant.")
    checked(page, "spend-return-review")
    page.get_by_role("button", name="Save review").click()
    page.wait_for_load_state()
    assert "Spend return for 2022/23 Q2 queried" in page.locator("main").inner_text()
    checked(page, "agreement-spend-returns-commissioner")
    spend_return = SpendReturn.objects.get(agreement=harbour)
    assert spend_return.status == ReturnStatus.QUERIED
    assert spend_return.review_note == "Please send the dates the navigator post was vacant."
