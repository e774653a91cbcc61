"""The home page: what each role sees first."""

from html import unescape

import pytest
import time_machine
from django.urls import reverse

from dapi.demo.organisations import DEMO_USERS


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


@pytest.mark.parametrize("username,words", [
    ("police-analyst", "Incident imports"),
])
def test_roles_whose_work_comes_later_are_told_so_without_invented_data(cast, client_for, username, words):
    _, html = home(client_for(cast[username]))
    assert words in html
    assert "not built yet" in html
    assert "govuk-table" not in html


@pytest.mark.parametrize("username", ["perpetrator-worker", "partner-support-worker", "provider-manager"])
def test_case_workers_see_their_caseload_counts(cast, client_for, username):
    from dapi.cases.tests.builders import tatc_case

    tatc_case(cast)
    _, html = home(client_for(cast[username]))
    assert "Your caseload" in html and "1 open case: 1 referred, 0 assessment, 0 active." in html


def test_a_user_without_a_role_is_told_to_ask_an_administrator(seeded, outsider, client_for):
    _, html = home(client_for(outsider))
    assert "Your account has no role in any organisation yet." in html
