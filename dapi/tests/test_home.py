"""The home page: what each role sees first."""

from datetime import date
from html import unescape

import pytest
import time_machine
from django.urls import reverse

from dapi.demo.organisations import DEMO_USERS

PANELS = ["programmes", "overdue-resolutions", "agreements", "panel-resolutions", "evaluations", "extracts",
          "incident-imports", "administration", "caseload"]
INCIDENTS = ("incident_id,occurred_on,area,perpetrator_id,victim_id,offence,perpetrator_age\n"
             "I1,2024-03-01,Middlesbrough,P1,V1,CA,30\nI2,2024-02-01,Middlesbrough,P1,V2,ABH,30\n"
             "I3,2024-03-20,Hartlepool,P2,V3,SA,40\n")


def home(client, query=""):
    response = client.get(reverse("home") + query)
    return response, unescape(response.content.decode())


@pytest.mark.parametrize("username", [username for username, _, _ in DEMO_USERS])
def test_home_page_renders_for_every_demo_user(cast, client_for, username):
    response, html = home(client_for(cast[username]))
    assert response.status_code == 200
    assert "Sign out" in html


def test_anonymous_user_is_sent_to_sign_in(seeded, client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@time_machine.travel("2023-04-01 09:00 +0100", tick=False)
def test_commissioner_sees_their_programmes_runway_and_overdue_resolutions(cast, client_for):
    _, html = home(client_for(cast["commissioner"]))
    assert "Your programmes" in html
    assert "Jenkins Centre domestic abuse perpetrator programme" in html
    assert "Funding ended" in html  # Jenkins Centre, on 1 Apr 2023
    overdue = html.split('id="overdue-resolutions"')[1]
    assert "short-written statement" in overdue  # due 17 Mar 2023
    assert "copy of the evaluation" not in overdue  # due 30 Jun 2023


def test_commissioner_home_can_be_viewed_as_of_a_date(cast, client_for):
    _, html = home(client_for(cast["commissioner"]), "?today=2023-02-01")
    assert "Cliff edge" in html
    assert "No open resolution is past its due date." in html


def test_finance_officer_sees_the_same_programmes(cast, client_for):
    _, html = home(client_for(cast["finance-officer"]), "?today=2023-02-01")
    assert "Your programmes" in html and "Cleveland complex needs" in html


def test_provider_manager_sees_their_organisations_agreements(cast, client_for):
    _, html = home(client_for(cast["provider-manager"]))
    assert "Your organisation's agreements" in html
    assert "Harbour Support Services grant, perpetrator programme 2022/23" in html
    assert "Interim Perpetrators with Multiple Unmet Needs Coordinator" in html
    assert "My Sister's Place grant" not in html
    assert "Your programmes" not in html


def test_panel_member_sees_their_panels_open_resolutions(cast, client_for):
    _, html = home(client_for(cast["panel-member"]))
    assert "Your panel's open resolutions" in html
    assert "short-written statement" in html
    assert "contents of the report be noted" not in html  # done


def test_evaluator_sees_their_evaluation(cast, client_for):
    _, html = home(client_for(cast["evaluator"]), "?today=2023-01-01")
    assert "Independent evaluation of the perpetrator programme" in html
    assert "Overdue" in html  # due 30 Sep 2022, still in progress


def test_administrator_sees_the_audit_log_link_and_their_organisations_users(cast, client_for):
    _, html = home(client_for(cast["administrator"]))
    assert reverse("audit:log") in html
    assert "Users of the organisations you administer" in html
    assert "Office of the Police and Crime Commissioner for Cleveland" in html
    assert ">commissioner<" in html  # a member of the Cleveland OPCC


def test_police_analyst_sees_their_forces_imports_and_rankings(cast, client_for, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from dapi.accounts.models import Organisation
    from dapi.identification.services import incident_import_create

    incident_import_create(organisation=Organisation.objects.get(name="Cleveland Police"), as_of=date(2024, 3, 31),
                           upload=SimpleUploadedFile("incidents.csv", INCIDENTS.encode()), by=cast["police-analyst"])
    _, html = home(client_for(cast["police-analyst"]))
    panel = html.split('id="incident-imports"')[1]
    assert "incidents.csv" in panel and "31 Mar 2024" in panel and "Ranked" in panel
    assert ">2</td>" in panel  # perpetrators ranked
    assert "All 1 import, and upload an incident file" in panel
    assert "not built yet" not in html


def test_police_analyst_without_imports_is_invited_to_upload_one(cast, client_for):
    _, html = home(client_for(cast["police-analyst"]))
    assert "No incident file has been uploaded yet." in html
    assert reverse("identification:import_list") in html
    assert "not built yet" not in html and "govuk-table" not in html


@time_machine.travel("2024-02-01 12:00")
def test_evaluator_sees_the_extracts_approved_for_them_with_a_download_link(cast, client_for):
    from dapi.accounts.models import Organisation
    from dapi.funding.models import Programme
    from dapi.reports.services import extract_approve

    approval = extract_approve(programme=Programme.objects.get(slug="cleveland-complex-needs"),
                               evaluator=Organisation.objects.get(name="Barefoot Social Research"),
                               approved_on=date(2024, 1, 10), expires_on=date(2024, 4, 10),
                               purpose="Home Office evaluation of the pilot", by=cast["commissioner"])
    _, html = home(client_for(cast["evaluator"]))
    panel = html.split('id="extracts"')[1]
    assert "Home Office evaluation of the pilot" in panel and "10 Apr 2024" in panel
    assert reverse("reports:extract_download", args=[approval.pk]) in panel
    assert "not built yet" not in html
    _, commissioner_html = home(client_for(cast["commissioner"]))
    assert 'id="extracts"' not in commissioner_html  # they approved it; they do not download it


def test_an_expired_extract_is_shown_expired_without_a_download_link(cast, client_for):
    from dapi.accounts.models import Organisation
    from dapi.funding.models import Programme
    from dapi.reports.services import extract_approve

    with time_machine.travel("2024-01-10 12:00"):
        approval = extract_approve(programme=Programme.objects.get(slug="cleveland-complex-needs"),
                                   evaluator=Organisation.objects.get(name="Barefoot Social Research"),
                                   approved_on=date(2024, 1, 10), expires_on=date(2024, 4, 10),
                                   purpose="Home Office evaluation of the pilot", by=cast["commissioner"])
    with time_machine.travel("2024-05-01 12:00"):
        _, html = home(client_for(cast["evaluator"]))
    panel = html.split('id="extracts"')[1]
    assert "Expired" in panel and reverse("reports:extract_download", args=[approval.pk]) not in panel


def test_evaluator_without_extracts_sees_no_extract_panel(cast, client_for):
    _, html = home(client_for(cast["evaluator"]))
    assert 'id="evaluations"' in html and 'id="extracts"' not in html


@pytest.mark.parametrize("username,panels", [
    ("commissioner", {"programmes", "overdue-resolutions"}),
    ("finance-officer", {"programmes", "overdue-resolutions"}),
    ("provider-manager", {"agreements"}),
    ("perpetrator-worker", set()),
    ("partner-support-worker", set()),
    ("police-analyst", {"incident-imports"}),
    ("panel-member", {"panel-resolutions"}),
    ("evaluator", {"evaluations"}),
    ("administrator", {"administration"}),
    ("provider-administrator", {"administration"}),
])
def test_each_role_sees_only_the_panels_its_access_yields(cast, client_for, username, panels):
    _, html = home(client_for(cast[username]))
    shown = {p for p in PANELS if f'id="{p}"' in html}
    assert shown == panels


def test_a_worker_with_nothing_in_their_caseload_is_told_nothing_is_waiting(cast, client_for):
    _, html = home(client_for(cast["perpetrator-worker"]))
    assert "Nothing is waiting for you here yet." in html
    assert "Your account has no role" not in html


@pytest.mark.parametrize("username", ["perpetrator-worker", "partner-support-worker", "provider-manager"])
def test_case_workers_see_their_caseload_counts(cast, client_for, username):
    from dapi.cases.tests.builders import tatc_case

    tatc_case(cast)
    _, html = home(client_for(cast[username]))
    assert "Your caseload" in html and "1 open case: 1 referred, 0 assessment, 0 active." in html


def test_a_user_without_a_role_is_told_to_ask_an_administrator(seeded, outsider, client_for):
    response, html = home(client_for(outsider))
    assert response.status_code == 200
    assert "Your account has no role in any organisation yet." in html
    assert "Nothing is waiting for you here yet." not in html


@time_machine.travel("2024-03-15 09:00 +0000", tick=False)
def test_commissioner_sees_what_needs_their_action(cast, client_for):
    response, html = home(client_for(cast["commissioner"]))
    assert response.status_code == 200
    panel = html.split('id="needs-action"')[1]
    assert "Cliff edge" in panel and "Hampshire domestic abuse perpetrator service" in panel
    assert "Bid decision overdue" in panel and "Overdue" in panel


@time_machine.travel("2023-03-01 09:00 +0000", tick=False)
def test_forum_actions_in_the_needs_action_list_show_only_to_those_who_see_the_case_and_are_audited(
        cast, client_for):
    from auditlog.models import LogEntry

    from dapi.cases.forums.tests.test_forums import forum
    from dapi.cases.forums.services import forum_action_create, forum_listing_create
    from dapi.cases.tests.builders import HARBOUR, org, tatc_case

    case, _, _ = tatc_case(cast)
    worker = cast["perpetrator-worker"]
    listing = forum_listing_create(case=case, forum=forum("MATAC"), meeting_on=date(2023, 2, 9), by=worker)
    forum_action_create(listing=listing, side="perpetrator", description="Synthetic: serve a notice",
                        owner=org(HARBOUR), due_on=date(2023, 2, 20), by=worker)
    from django.contrib.contenttypes.models import ContentType

    case_reads = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, object_pk=str(case.pk),
                                         content_type=ContentType.objects.get_for_model(case))
    before = case_reads.count()
    _, html = home(client_for(worker))
    panel = html.split('id="needs-action"')[1]
    assert f"on case {case.reference} due 20 Feb 2023" in panel and "serve a notice" not in panel
    assert case_reads.count() == before + 1  # (his name on the worker's home is a read of his details)
    _, html = home(client_for(cast["commissioner"]))
    assert case.reference not in html.split('id="needs-action"')[1]


def test_someone_with_no_membership_has_no_needs_action_list(outsider, client_for):
    response, html = home(client_for(outsider))
    assert response.status_code == 200 and 'id="needs-action"' not in html
