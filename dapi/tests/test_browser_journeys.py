"""Each role's main task in a real browser (Debian chromium via Playwright), signing in through the
pages (with the second factor where the role needs one), checked with axe-core and photographed to
var/screenshots/journey-<role>.png (linked from the README). Every page must also pass the Content
Security Policy with nothing blocked (browser.py)."""

import base64
import re
from datetime import date, timedelta

import pytest
from django.conf import settings

from .browser import (  # noqa: F401
    browser_page, fill_date, log_in, screenshot, serious_accessibility_violations, tables_cut_short,
)
from .demo_snapshot import loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]

INCIDENTS = ("incident_id,occurred_on,area,perpetrator_id,victim_id,offence,perpetrator_age\n"
             "I1,2024-03-01,Middlesbrough,P1,V1,CA,30\nI2,2024-02-01,Middlesbrough,P1,V2,ABH,30\n"
             "I3,2024-03-20,Hartlepool,P2,V3,SA,40\n")


@pytest.fixture
def demo(transactional_db):
    from dapi.demo.cases import load_demo_cases
    from dapi.demo.seeds import load_demo

    loaded(load_demo)
    loaded(load_demo_cases)


def accessible(page, name):
    assert serious_accessibility_violations(page) == [], name
    screenshot(page, f"journey-{name}")


def test_commissioner_sees_the_jenkins_centre_cliff_edge_and_the_programme_dashboard(demo, browser_page):
    page = browser_page
    log_in(page, "commissioner", settings.DEMO_PASSWORD)
    page.get_by_role("link", name="Programmes").first.click()
    page.goto("/programmes/jenkins-centre/?today=2023-02-01")
    assert "Cliff edge" in page.locator("main").inner_text()
    page.goto("/reports/programmes/cleveland-complex-needs/")
    main = page.locator("main").inner_text()
    assert "Referrals" in main and "Cases" in main
    accessible(page, "commissioner")


def test_finance_officer_changes_an_agreement_and_sees_it_saved(demo, browser_page):
    from dapi.funding.models import Agreement

    agreement = Agreement.objects.filter(provider__name="Harbour Support Services").order_by("pk").first()
    page = browser_page
    log_in(page, "finance-officer", settings.DEMO_PASSWORD)
    page.goto(f"/agreements/{agreement.pk}/edit/")
    page.get_by_label("Title").fill(agreement.title + " (varied)")
    page.get_by_role("button", name=re.compile("Save")).click()
    page.wait_for_load_state()
    assert agreement.title + " (varied)" in page.locator("main").inner_text()
    assert Agreement.objects.get(pk=agreement.pk).version == agreement.version + 1
    accessible(page, "finance-officer")


def test_provider_manager_reads_a_referral_and_its_eligibility_in_words(demo, browser_page):
    page = browser_page
    log_in(page, "provider-manager", settings.DEMO_PASSWORD)
    assert page.url.endswith("/")  # through the code step to the home page
    page.get_by_role("link", name="Referrals").first.click()
    page.locator("main table a").first.click()
    main = page.locator("main").inner_text()
    assert "eligible" in main.lower()
    accessible(page, "provider-manager")


def test_perpetrator_worker_records_an_attended_session(demo, browser_page):
    from dapi.cases.models import Case, Contact

    page = browser_page
    log_in(page, "perpetrator-worker", settings.DEMO_PASSWORD)
    case = Case.objects.filter(status="active", assignments__worker__username="perpetrator-worker").order_by("pk").first()
    before = Contact.objects.filter(case=case).count()
    page.get_by_role("link", name="Cases").first.click()
    page.get_by_role("link", name=case.reference).click()
    page.goto(f"/cases/{case.pk}/contacts/perpetrator/add/")
    fill_date(page, re.compile("^Date"), date(2024, 6, 3))
    page.get_by_label("Attended", exact=True).check()
    page.get_by_role("button", name=re.compile("Save|Record")).click()
    page.wait_for_load_state()
    if Contact.objects.filter(case=case).count() == before:  # the form named what is missing
        accessible(page, "perpetrator-worker-form")
        pytest.fail(page.locator(".govuk-error-summary").inner_text())
    accessible(page, "perpetrator-worker")


def test_partner_support_worker_opens_a_victims_record_and_safety_plan_form(demo, browser_page):
    from dapi.cases.models import Case

    case = Case.objects.filter(status="active").order_by("reference").first()
    victim = case.members.get(role="victim")
    page = browser_page
    log_in(page, "partner-support-worker", settings.DEMO_PASSWORD)
    page.goto(f"/cases/{case.pk}/")
    page.get_by_role("link", name=f"Open record of {victim.person.reference}").click()
    assert victim.person.identifying_details.full_name in page.locator("main").inner_text()
    accessible(page, "partner-support-worker")
    page.goto(f"/cases/{case.pk}/victims/{victim.pk}/safety-plans/add/")
    assert serious_accessibility_violations(page) == []


def test_police_analyst_uploads_incidents_and_reads_the_ranking(demo, browser_page, tmp_path):
    path = tmp_path / "incidents.csv"
    path.write_text(INCIDENTS)
    page = browser_page
    log_in(page, "police-analyst", settings.DEMO_PASSWORD)
    page.get_by_role("link", name="Identification").first.click()
    page.get_by_label("Incident file").set_input_files(str(path))
    fill_date(page, "Rank as of", date(2024, 3, 31))
    page.get_by_role("button", name="Upload and rank").click()
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    assert "2 perpetrators with an incident in the window" in main
    assert "65.5829" in main  # P1 in Middlesbrough, as computed by hand in test_identification_pages
    assert tables_cut_short(page) == []  # every column of the ranking in sight at 1280 px
    accessible(page, "police-analyst")


def test_panel_member_reads_the_resolutions_and_their_due_dates(demo, browser_page):
    page = browser_page
    log_in(page, "panel-member", settings.DEMO_PASSWORD)
    page.get_by_role("link", name="Resolutions").first.click()
    main = page.locator("main").inner_text()
    assert "2023" in main
    accessible(page, "panel-member")


def test_evaluator_downloads_an_approved_pseudonymised_extract(demo, browser_page):
    from dapi.accounts.models import Organisation, User
    from dapi.funding.models import Programme
    from dapi.reports.models import ExtractDownload
    from dapi.reports.services import extract_approve

    extract_approve(programme=Programme.objects.get(slug="cleveland-complex-needs"),
                    evaluator=Organisation.objects.get(name="Barefoot Social Research"), approved_on=date.today(),
                    expires_on=date.today() + timedelta(days=30), purpose="Outcome evaluation",
                    by=User.objects.get(username="commissioner"))
    page = browser_page
    log_in(page, "evaluator", settings.DEMO_PASSWORD)
    page.get_by_role("link", name="Extracts").first.click()
    accessible(page, "evaluator")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("^Download")).first.click()
    assert download.value.suggested_filename.endswith(".zip")
    assert ExtractDownload.objects.filter(downloaded_by__username="evaluator").count() == 1


def test_administrator_reads_the_audit_log(demo, browser_page):
    page = browser_page
    log_in(page, "administrator", settings.DEMO_PASSWORD)
    page.get_by_role("link", name="Audit log").first.click()
    assert page.locator("h1").inner_text() == "Audit log"
    assert page.locator("main table tbody tr").count() > 0
    assert tables_cut_short(page) == []  # every column of the log in sight at 1280 px
    accessible(page, "administrator")


def test_a_new_worker_enrols_an_authenticator_app_at_first_sign_in(demo, browser_page):
    from django_otp.oath import totp

    from dapi.accounts.models import Membership, Organisation, Role, User

    user = User.objects.create_user("new-worker", password="a long new-worker password")
    Membership.objects.create(user=user, organisation=Organisation.objects.get(name="Harbour Support Services"),
                              role=Role.PERPETRATOR_WORKER)
    page = browser_page
    log_in(page, "new-worker", "a long new-worker password")
    assert page.locator("h1").inner_text() == "Set up your authenticator app"
    assert page.get_by_role("img", name="QR code for adding dapi to an authenticator app").is_visible()
    accessible(page, "enrol-authenticator")
    key = page.locator("#totp-secret").inner_text().replace(" ", "")
    code = f"{totp(base64.b32decode(key + '=' * (-len(key) % 8))):06d}"
    page.get_by_label("Code from your authenticator app").fill(code)
    page.get_by_role("button", name="Finish setting up").click()
    page.wait_for_load_state()
    assert "Your authenticator app is set up" in page.locator("main").inner_text()
