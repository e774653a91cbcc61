"""The programme dashboard and the pack download, per role."""

import pytest
from django.urls import reverse

from dapi.tests.demo_volume import demo_cases_loaded  # noqa: F401 (a fixture)


@pytest.fixture
def seeded(demo_cases_loaded, db):
    """The seeds' demo and its synthetic cases for every test here, loaded once for the module
    (dapi/tests/demo_volume.py): each test runs in a savepoint, so what it writes is undone."""


@pytest.fixture
def demo(seeded):
    """The demo's synthetic cases (loaded with the seeds for this module)."""


def test_a_commissioner_sees_exact_counts_charts_and_tables(cast, client_for, demo):
    client = client_for(cast["commissioner"])
    response = client.get(reverse("reports:dashboard", args=["cleveland-complex-needs"]),
                          {"period": "2023/24", "today": "2023-06-01"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Exact counts, for internal use" in html
    assert html.count("<svg") >= 3 and "Funding by source and financial year" in html
    assert "Cases by status at the end of the year" in html
    assert "&lt;5" not in html


def test_a_panel_member_sees_the_jenkins_centre_with_disclosure_control(cast, client_for, seeded):
    client = client_for(cast["panel-member"])
    assert "Jenkins Centre" in client.get(reverse("reports:report_list")).content.decode()
    html = client.get(reverse("reports:dashboard", args=["jenkins-centre"]),
                      {"period": "2022/23", "today": "2023-02-01"}).content.decode()
    assert "Cliff edge" in html and "with disclosure control" in html
    # the panel has not met about Cleveland's programme
    assert client.get(reverse("reports:dashboard", args=["cleveland-complex-needs"])).status_code == 404


@pytest.mark.parametrize("username", ["perpetrator-worker", "partner-support-worker", "police-analyst", "evaluator"])
def test_roles_without_programmes_get_404(cast, client_for, seeded, username):
    client = client_for(cast[username])
    assert client.get(reverse("reports:dashboard", args=["cleveland-complex-needs"])).status_code == 404
    assert client.get(reverse("reports:panel_pack", args=["cleveland-complex-needs", "pdf"])).status_code == 404


def test_the_pack_downloads_as_a_pdf(cast, client_for, demo):
    response = client_for(cast["commissioner"]).get(
        reverse("reports:panel_pack", args=["cleveland-complex-needs", "pdf"]), {"period": "2023/24"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "panel-pack-cleveland-complex-needs-2023-24.pdf" in response["Content-Disposition"]


def test_filtering_by_an_area_outside_the_programme_is_refused_on_the_form(cast, client_for, demo):
    from dapi.accounts.models import Area

    leicester = Area.objects.get(name="Leicester")
    html = client_for(cast["commissioner"]).get(
        reverse("reports:dashboard", args=["cleveland-complex-needs"]),
        {"period": "2023/24", "area": leicester.pk}).content.decode()
    assert "Select a valid choice" in html


def test_filtering_by_provider_narrows_the_counts(cast, client_for, demo):
    from dapi.accounts.models import Organisation

    msp = Organisation.objects.get(name="My Sister's Place")
    html = client_for(cast["commissioner"]).get(
        reverse("reports:dashboard", args=["cleveland-complex-needs"]),
        {"period": "2023/24", "provider": msp.pk, "today": "2023-06-01"}).content.decode()
    assert "Total</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">0</td>" in html


def test_spend_is_shown_against_budget_by_partner_and_quarter(cast, client_for, seeded):
    from decimal import Decimal

    from dapi.funding.models import Agreement
    from dapi.funding.returns.services import ACCEPT, spend_return_review, spend_return_submit

    harbour = Agreement.objects.get(title__startswith="Harbour Support Services grant")
    submitted = spend_return_submit(by=None, agreement=harbour, financial_year=2022, quarter=2,
                                    lines=[{"budget_line": "Staff", "amount": Decimal("20000.00")}],
                                    explanation="A coordinator post was vacant for a month.")

    def dashboard():
        return client_for(cast["commissioner"]).get(reverse("reports:dashboard", args=["cleveland-complex-needs"]),
                                                    {"period": "2022/23", "today": "2023-01-15"}).content.decode()

    assert "£20,000.00" not in dashboard()  # submitted, not yet accepted: not spend
    spend_return_review(by=None, spend_return=submitted, decision=ACCEPT)
    html = dashboard()
    assert "Spend against budget by partner and quarter, 2022/23" in html
    # Harbour: 121,197.00 over 1 Jul 2022 - 31 Oct 2023 (488 days); Q2 2022/23 is 92 of them
    assert "£22,848.61" in html and "£20,000.00" in html and "none accepted" in html
