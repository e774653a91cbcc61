"""Targets and KPIs per agreement and financial year (issue 18, item 4): counted from the case data
or entered by the provider, actual against target with a red, amber or green status."""

import json
from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse

from dapi.cases.models import CaseMember, MemberRole
from dapi.cases.tests.builders import tatc_case
from dapi.funding import services
from dapi.funding.models import Agreement, Measure, Target
from dapi.funding.targets import AMBER, GREEN, RED, status_of, target_rows

END_OF_YEAR = date(2023, 3, 31)


@pytest.fixture
def harbour(seeded):
    """Harbour's grant: 1 Jul 2022 - 31 Oct 2023."""
    return Agreement.objects.get(reference="2022-0007", provider__name="Harbour Support Services")


def supported_victims(cast, n: int) -> None:
    for _ in range(n):
        case, victim, _ = tatc_case(cast, referred_on=date(2022, 9, 1))
        CaseMember.objects.filter(pk=victim.pk).update(offered_support_on=date(2022, 9, 5),
                                                       engaged_support_on=date(2022, 9, 12))


@pytest.mark.parametrize("actual, expected, status", [
    (95, Decimal("100"), GREEN), (94, Decimal("100"), AMBER), (80, Decimal("100"), AMBER), (79, Decimal("100"), RED),
    (0, Decimal("0"), GREEN), (None, Decimal("10"), None)])
def test_the_status_follows_the_configured_thresholds(actual, expected, status):
    assert status_of(actual, expected) == status


def test_the_thresholds_are_configuration(settings):
    settings.DAPI_KPI_AMBER_PERCENT = 50
    assert status_of(60, Decimal("100")) == AMBER


def test_a_counted_target_takes_its_actual_from_the_case_data(harbour, cast):
    supported_victims(cast, 2)
    target = services.target_set(by=cast["finance-officer"], agreement=harbour, measure=Measure.VICTIMS_SUPPORTED,
                                 financial_year=2022, target=10)
    [row] = target_rows(harbour, [target], END_OF_YEAR)
    assert (row.start, row.end, row.actual, row.expected, row.status) == (
        date(2022, 7, 1), END_OF_YEAR, 2, Decimal("10.0"), RED)
    assert LogEntry.objects.get_for_object(target).get().actor == cast["finance-officer"]


def test_a_year_in_progress_is_judged_pro_rata(harbour, cast):
    supported_victims(cast, 2)
    target = services.target_set(by=None, agreement=harbour, measure=Measure.VICTIMS_SUPPORTED,
                                 financial_year=2022, target=4)
    # 1 Jul - 30 Sep 2022 is 92 of the 274 days the grant covers in 2022/23: 1.3 expected, 2 done.
    [row] = target_rows(harbour, [target], date(2022, 9, 30))
    assert (row.expected, row.actual, row.status) == (Decimal("1.3"), 2, GREEN)


def test_the_provider_enters_its_own_measure_and_only_its_own(harbour, cast):
    target = services.target_set(by=cast["commissioner"], agreement=harbour, measure=Measure.PROVIDER,
                                 name="Group sessions delivered", financial_year=2022, target=40)
    done = services.target_record_actual(by=cast["provider-manager"], target=target, actual=33)
    [row] = target_rows(harbour, [done], END_OF_YEAR)
    assert (row.actual, row.status) == (33, AMBER)
    with pytest.raises(Http404):
        services.target_record_actual(by=cast["commissioner"], target=target, actual=40)
    with pytest.raises(Http404):
        services.target_set(by=cast["provider-manager"], agreement=harbour, measure=Measure.REFERRALS,
                            financial_year=2022, target=1)
    counted = services.target_set(by=None, agreement=harbour, measure=Measure.REFERRALS, financial_year=2022,
                                  target=5)
    with pytest.raises(ValidationError) as caught:
        services.target_record_actual(by=cast["provider-manager"], target=counted, actual=5)
    assert caught.value.message_dict["actual"] == ["This measure is counted from the case data: it cannot be entered."]


def test_bad_targets_are_refused_and_nothing_is_written(harbour):
    with pytest.raises(ValidationError) as caught:
        services.target_set(by=None, agreement=harbour, measure=Measure.REFERRALS, financial_year=2024, target=5)
    assert caught.value.message_dict["financial_year"] == [
        "2024/25 is outside the agreement's term: choose a year it touches."]
    with pytest.raises(ValidationError) as caught:
        services.target_set(by=None, agreement=harbour, measure=Measure.PROVIDER, financial_year=2022, target=5)
    assert "Name what the provider counts" in caught.value.message_dict["name"][0]
    with pytest.raises(ValidationError):
        services.target_set(by=None, agreement=harbour, measure="made-up", financial_year=2022, target=5)
    assert not Target.objects.exists()


def test_setting_a_target_again_replaces_it(harbour):
    services.target_set(by=None, agreement=harbour, measure=Measure.REFERRALS, financial_year=2022, target=5)
    again = services.target_set(by=None, agreement=harbour, measure=Measure.REFERRALS, financial_year=2022, target=8)
    assert list(Target.objects.values_list("target", flat=True)) == [8] and again.version == 2


def test_the_agreement_page_shows_targets_with_their_status(harbour, cast, client_for):
    supported_victims(cast, 2)
    services.target_set(by=None, agreement=harbour, measure=Measure.VICTIMS_SUPPORTED, financial_year=2022, target=2)
    provider_measure = services.target_set(by=None, agreement=harbour, measure=Measure.PROVIDER,
                                           name="Group sessions delivered", financial_year=2022, target=40)
    url = reverse("funding:agreement_detail", args=[harbour.pk])
    html = client_for(cast["provider-manager"]).get(url, {"today": "2023-03-31"}).content.decode()
    assert "Victims engaged with support" in html and "govuk-tag--green" in html
    assert reverse("funding:target_actual", args=[provider_measure.pk]) in html
    response = client_for(cast["provider-manager"]).post(reverse("funding:target_actual", args=[provider_measure.pk]),
                                                         {"actual": "-3"})
    assert response.status_code == 200 and "Ensure this value is greater than or equal to 0." in response.content.decode()


def test_the_commissioner_sets_a_target_on_the_page(harbour, cast, client_for):
    url = reverse("funding:target_create", args=[harbour.pk])
    response = client_for(cast["commissioner"]).post(url, {"measure": "referrals", "financial_year": "2022/23",
                                                           "target": "30"})
    assert response.status_code == 302
    assert Target.objects.get(agreement=harbour).target == 30
    assert client_for(cast["provider-manager"]).get(url).status_code == 404


def test_the_api_sets_targets_and_reports_them(harbour, cast, client_for):
    commissioner = client_for(cast["commissioner"])
    url = f"/api/agreements/{harbour.pk}/targets"
    bad = commissioner.post(url, json.dumps({"measure": "referrals", "financial_year": "2030/31", "target": 3}),
                            content_type="application/json")
    assert bad.status_code == 422 and "financial_year" in bad.json()["errors"]
    made = commissioner.post(url, json.dumps({"measure": "provider", "name": "Group sessions delivered",
                                              "financial_year": "2022/23", "target": 40}),
                             content_type="application/json")
    assert made.status_code == 201, made.content
    provider = client_for(cast["provider-manager"])
    entered = provider.post(f"/api/targets/{made.json()['id']}/actual", json.dumps({"actual": 40}),
                            content_type="application/json")
    assert entered.status_code == 201 and entered.json()["actual"] == 40
    listed = provider.get(f"{url}?today=2023-03-31").json()["results"]
    assert [(t["label"], t["status"], t["source"]) for t in listed] == [("Group sessions delivered", "green", "provider")]


def test_the_dashboard_and_the_panel_pack_show_targets_under_disclosure_control(harbour, cast, client_for):
    from dapi.lib.money import FinancialYear
    from dapi.reports.evidence import programme_evidence

    supported_victims(cast, 2)
    services.target_set(by=None, agreement=harbour, measure=Measure.VICTIMS_SUPPORTED, financial_year=2022, target=2)
    services.target_set(by=None, agreement=harbour, measure=Measure.PROVIDER, name="Group sessions delivered",
                        financial_year=2022, target=10)
    published = programme_evidence(harbour.programme, FinancialYear(2022), END_OF_YEAR, published=True)
    assert [(t.label, t.actual, t.status) for t in published.targets] == [
        ("Group sessions delivered", "not entered", None), ("Victims engaged with support", "<5", "hidden")]
    internal = programme_evidence(harbour.programme, FinancialYear(2022), END_OF_YEAR, published=False)
    assert [(t.actual, t.status) for t in internal.targets][1] == ("2", GREEN)
    html = client_for(cast["commissioner"]).get(reverse("reports:dashboard", args=["cleveland-complex-needs"]),
                                                {"period": "2022/23", "today": "2023-03-31"}).content.decode()
    assert "Targets and KPIs, 2022/23" in html and "Group sessions delivered" in html
