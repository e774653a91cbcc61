"""The service navigation links each role to the pages that hold its work, and to no page that
would answer it 404 (dapi/navigation.py)."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from dapi.tests.demo_volume import demo_cases_loaded  # noqa: F401 (a fixture)
from dapi.demo.organisations import DEMO_USERS
from dapi.navigation import LINKS

USERNAMES = [username for username, _, _ in DEMO_USERS]
EXPECTED = {
    "commissioner": ["Home", "Programmes", "Registers", "Decisions", "Resolutions", "Cases", "Reports", "Extracts"],
    "finance-officer": ["Home", "Programmes", "Registers", "Decisions", "Resolutions", "Cases", "Reports", "Extracts"],
    "provider-manager": ["Home", "Programmes", "Decisions", "Cases", "Referrals", "Forum actions", "CARA workshops",
                         "Reports"],
    "perpetrator-worker": ["Home", "Cases", "Forum actions"],
    "partner-support-worker": ["Home", "Cases", "Forum actions"],
    "police-analyst": ["Home", "Identification", "Referrals"],
    "panel-member": ["Home", "Resolutions", "Reports"],
    "evaluator": ["Home", "Extracts"],
    "administrator": ["Home", "Audit log", "Users", "Organisations", "API tokens"],
    "provider-administrator": ["Home", "Audit log", "Users", "Organisations", "API tokens"],
}


@pytest.fixture
def seeded(demo_cases_loaded, db):
    """The seeds' demo and its synthetic cases for every test here, loaded once for the module
    (dapi/tests/demo_volume.py): each test runs in a savepoint, so what it writes is undone."""


@pytest.fixture
def demo(seeded):
    """The demo's synthetic cases (loaded with the seeds for this module)."""


def links(client) -> dict[str, str]:
    """The navigation's links on the home page: text -> address."""
    html = client.get(reverse("home")).content.decode()
    menu = html.split('id="navigation"')[1].split("</ul>")[0]
    return {re.sub(r"<[^>]+>", "", text).strip(): href
            for href, text in re.findall(r'<a class="govuk-service-navigation__link" href="([^"]+)"[^>]*>(.*?)</a>',
                                         menu)}


@pytest.mark.parametrize("username", USERNAMES)
def test_each_role_is_linked_to_the_pages_that_hold_its_work(cast, client_for, demo, username):
    assert list(links(client_for(cast[username]))) == EXPECTED[username]


@pytest.mark.parametrize("username", USERNAMES)
def test_every_link_shown_to_a_role_answers_200_and_no_page_refused_to_it_is_linked(cast, client_for, demo, username):
    client = client_for(cast[username])
    shown = links(client)
    assert {text: client.get(href).status_code for text, href in shown.items()} == dict.fromkeys(shown, 200)
    refused = {reverse(name) for name, _, _ in LINKS if client.get(reverse(name)).status_code == 404}
    assert username.endswith("administrator") or reverse("audit:log") in refused  # the check sees a refusal
    assert set(shown.values()) & refused == set()


def test_a_user_without_a_role_is_linked_only_home(seeded, outsider, client_for):
    assert list(links(client_for(outsider))) == ["Home"]


def test_a_perpetrator_worker_is_not_linked_to_referrals_and_has_none_to_see_there(cast, client_for, demo):
    detail = re.compile(re.escape(reverse("cases:referral_detail", args=[999999])).replace("999999", r"\d+"))
    worker = client_for(cast["perpetrator-worker"])
    assert "Referrals" not in links(worker)
    page = worker.get(reverse("cases:referral_list"))
    assert page.status_code == 200 and not detail.search(page.content.decode())
    manager = client_for(cast["provider-manager"])
    assert "Referrals" in links(manager)
    assert detail.search(manager.get(reverse("cases:referral_list")).content.decode())


def test_the_evaluator_is_linked_to_extracts_before_and_after_one_is_approved_for_them(cast, client_for, demo):
    from dapi.accounts.models import Organisation
    from dapi.funding.models import Programme
    from dapi.reports.services import extract_approve

    client = client_for(cast["evaluator"])
    assert "No extracts approved." in client.get(links(client)["Extracts"]).content.decode()
    extract_approve(programme=Programme.objects.get(slug="cleveland-complex-needs"),
                    evaluator=Organisation.objects.get(name="Barefoot Social Research"), approved_on=date.today(),
                    expires_on=date.today() + timedelta(days=30), purpose="Evaluation", by=cast["commissioner"])
    assert links(client)["Extracts"] == reverse("reports:extract_list")
    assert "No extracts approved." not in client.get(links(client)["Extracts"]).content.decode()
    assert "Download" in client.get(reverse("reports:extract_list")).content.decode()


def test_the_current_page_is_marked_in_the_navigation(cast, client_for, demo):
    html = client_for(cast["police-analyst"]).get(reverse("identification:import_list")).content.decode()
    assert re.search(r'href="/identification/" aria-current="page"', html)
