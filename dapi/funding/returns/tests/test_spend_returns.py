"""Quarterly spend returns (issue 18, item 3): the provider submits spend by budget line, explains a
difference from the profile beyond the configured share, the commissioner accepts or queries it, a
late return is flagged, and only accepted returns count as spend."""

import json
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse

from dapi.funding.models import Agreement, ReturnStatus, SpendReturn
from dapi.funding.returns import services
from dapi.funding.returns.selectors import agreement_returns
from dapi.lib import clock
from dapi.lib.errors import ConflictError
from dapi.lib.money import FinancialYear

# Harbour: £121,197.00 over 1 Jul 2022 - 31 Oct 2023 (488 days); 2022/23 Q2 is 92 of them.
PROFILE_Q2 = Decimal("22848.61")


@pytest.fixture
def harbour(seeded):
    return Agreement.objects.get(reference="2022-0007", provider__name="Harbour Support Services")


def lines(*amounts):
    names = ["Staff", "Premises", "Evaluation", "Travel"]
    return [{"budget_line": name, "amount": Decimal(a)} for name, a in zip(names, amounts)]


def submit(agreement, by=None, year=2022, quarter=2, spend=("20000.00", "2848.61"), **kwargs):
    return services.spend_return_submit(by=by, agreement=agreement, financial_year=year, quarter=quarter,
                                        lines=lines(*spend), **kwargs)


def test_the_provider_submits_spend_by_budget_line_against_the_profile(harbour, cast):
    r = submit(harbour, by=cast["provider-manager"], submitted_on=date(2022, 10, 20))
    assert (r.amount, r.profile, r.variance, r.status) == (PROFILE_Q2, PROFILE_Q2, Decimal("0.00"), ReturnStatus.SUBMITTED)
    assert [(line.budget_line, line.amount) for line in r.lines.order_by("pk")] == [
        ("Staff", Decimal("20000.00")), ("Premises", Decimal("2848.61"))]
    assert LogEntry.objects.get_for_object(r).get().actor == cast["provider-manager"]


@pytest.mark.parametrize("year, quarter", [(2022, 1), (2023, 4), (2019, 2)])
def test_a_return_for_a_quarter_outside_the_agreement_is_refused(harbour, cast, year, quarter):
    with pytest.raises(ValidationError) as caught:
        submit(harbour, by=cast["provider-manager"], year=year, quarter=quarter)
    assert caught.value.message_dict["quarter"] == [
        f"{year}/{str(year + 1)[2:]} Q{quarter} is outside the agreement's term (1 Jul 2022 to 31 Oct 2023)."]
    assert not SpendReturn.objects.filter(agreement=harbour).exists()


def test_a_quarter_that_has_not_begun_a_year_out_of_range_or_a_quarter_past_four_is_refused(harbour):
    next_year = FinancialYear.of(clock.today()).start_year + 1
    harbour.end = FinancialYear(next_year).end
    with pytest.raises(ValidationError) as caught:
        submit(harbour, year=next_year, quarter=1)
    assert "has not begun" in caught.value.message_dict["quarter"][0]
    with pytest.raises(ValidationError) as caught:
        submit(harbour, year=9999, quarter=1)
    assert caught.value.message_dict["financial_year"][0].startswith("Enter a financial year from 1999/00 to ")
    with pytest.raises(ValidationError) as caught:
        submit(harbour, quarter=5)
    assert caught.value.message_dict["quarter"] == ["Choose a quarter from 1 (April to June) to 4 (January to March)."]


def test_spend_beyond_the_configured_share_of_the_profile_needs_an_explanation(harbour, settings):
    with pytest.raises(ValidationError) as caught:
        submit(harbour, spend=("20000.00",))  # 12.5% under the profile
    assert caught.value.message_dict["explanation"] == [
        "Spend of £20,000.00 differs from the profile of £22,848.61 by 12%, more than the 10% allowed: "
        "explain the difference."]
    settings.DAPI_SPEND_VARIANCE_SHARE = Decimal("0.15")
    assert submit(harbour, spend=("20000.00",)).explanation == ""


def test_an_explained_variance_is_accepted_with_its_explanation(harbour):
    r = submit(harbour, spend=("30000.00",), explanation="Two quarters of evaluation fees were paid at once.")
    assert r.variance == Decimal("7151.39") and r.explanation.startswith("Two quarters")


@pytest.mark.parametrize("bad, message", [
    ([], "Enter the spend on at least one budget line."),
    ([{"budget_line": "Staff", "amount": Decimal("1")}, {"budget_line": " staff", "amount": Decimal("2")}],
     "Each budget line can appear once: add the amounts of a repeated line together."),
    ([{"budget_line": "Staff", "amount": Decimal("-1")}], "Enter an amount of £0.00 or more on each budget line."),
])
def test_bad_budget_lines_are_refused_and_nothing_is_written(harbour, bad, message):
    with pytest.raises(ValidationError) as caught:
        services.spend_return_submit(by=None, agreement=harbour, financial_year=2022, quarter=2, lines=bad)
    assert caught.value.message_dict["lines"] == [message]
    assert not SpendReturn.objects.exists()


def test_a_quarter_is_returned_once_unless_queried(harbour, cast):
    first = submit(harbour, by=cast["provider-manager"])
    with pytest.raises(ValidationError) as caught:
        submit(harbour, by=cast["provider-manager"])
    assert "already submitted" in caught.value.message_dict["quarter"][0]
    services.spend_return_review(by=cast["commissioner"], spend_return=first, decision=services.QUERY,
                                 note="Premises look high: send the invoice.")
    again = submit(harbour, by=cast["provider-manager"], spend=("21000.00", "1848.61"))
    assert again.pk == first.pk and again.status == ReturnStatus.SUBMITTED
    assert [line.amount for line in again.lines.order_by("pk")] == [Decimal("21000.00"), Decimal("1848.61")]


def test_the_commissioner_accepts_or_queries_and_a_query_says_what_is_asked(harbour, cast):
    r = submit(harbour)
    with pytest.raises(ValidationError) as caught:
        services.spend_return_review(by=cast["commissioner"], spend_return=r, decision=services.QUERY, note="")
    assert caught.value.message_dict["note"] == ["Say what the provider needs to explain or correct."]
    done = services.spend_return_review(by=cast["finance-officer"], spend_return=r, decision=services.ACCEPT)
    assert done.status == ReturnStatus.ACCEPTED and done.reviewed_on is not None
    assert LogEntry.objects.get_for_object(r).order_by("-timestamp").first().actor == cast["finance-officer"]
    with pytest.raises(ValidationError) as caught:
        services.spend_return_review(by=cast["commissioner"], spend_return=r, decision=services.QUERY, note="Why?")
    assert caught.value.message_dict["decision"] == ["This return is already accepted."]


def test_a_review_of_a_return_changed_since_it_was_read_is_refused(harbour, cast):
    r = submit(harbour)
    with pytest.raises(ConflictError):
        services.spend_return_review(by=cast["commissioner"], spend_return=r, decision=services.ACCEPT,
                                     version=r.version - 1)
    r.refresh_from_db()
    assert r.status == ReturnStatus.SUBMITTED


def test_only_the_provider_submits_and_only_the_commissioning_side_reviews(harbour, cast):
    for role in ("commissioner", "finance-officer", "perpetrator-worker", "panel-member"):
        with pytest.raises(Http404):
            submit(harbour, by=cast[role])
    r = submit(harbour, by=cast["provider-manager"])
    for role in ("provider-manager", "perpetrator-worker", "evaluator"):
        with pytest.raises(Http404):
            services.spend_return_review(by=cast[role], spend_return=r, decision=services.ACCEPT)
    r.refresh_from_db()
    assert r.status == ReturnStatus.SUBMITTED


def test_a_late_return_and_a_missing_one_are_flagged_with_a_configurable_due_date(harbour, cast, settings):
    submit(harbour, submitted_on=date(2022, 11, 15))  # Q2 ends 30 Sep: due 30 Oct
    rows = agreement_returns(cast["commissioner"], harbour, date(2023, 1, 15))
    assert [(row.label, row.due_on, row.late_on(date(2023, 1, 15))) for row in rows.rows] == [
        ("2022/23 Q2", date(2022, 10, 30), True), ("2022/23 Q3", date(2023, 1, 30), False),
        ("2022/23 Q4", date(2023, 4, 30), False)]
    assert [row.label for row in rows.late] == ["2022/23 Q2"]
    settings.DAPI_SPEND_RETURN_DUE_DAYS = 60
    rows = agreement_returns(cast["commissioner"], harbour, date(2023, 3, 15))
    assert [row.label for row in rows.late] == ["2022/23 Q3"]  # Q2 was in time; Q3 missing past 1 Mar


def test_the_agreement_page_flags_late_returns_and_offers_the_provider_the_form(harbour, cast, client_for):
    url = reverse("funding:agreement_detail", args=[harbour.pk])
    html = client_for(cast["provider-manager"]).get(url, {"today": "2023-02-15"}).content.decode()
    assert "2 returns late as of 15 Feb 2023: 2022/23 Q2, 2022/23 Q3." in html
    assert "Submit a spend return" in html


@time_machine.travel("2023-01-10 12:00", tick=False)
def test_the_provider_submits_on_the_page_and_the_commissioner_queries_it(harbour, cast, client_for):
    client = client_for(cast["provider-manager"])
    url = reverse("funding:spend_return_submit", args=[harbour.pk])
    form = {"financial_year": "2022/23", "quarter": "2", "lines-TOTAL_FORMS": "6", "lines-INITIAL_FORMS": "0",
            "lines-0-budget_line": "Staff", "lines-0-amount": "15,000.00"}
    bad = client.post(url, form)
    assert bad.status_code == 200 and "explain the difference" in bad.content.decode()
    outside = client.post(url, {**form, "financial_year": "2022/23", "quarter": "1"})
    assert "is outside the agreement&#x27;s term" in outside.content.decode()
    done = client.post(url, {**form, "explanation": "A coordinator post was vacant for two months."})
    assert done.status_code == 302
    r = SpendReturn.objects.get(agreement=harbour)
    assert (r.amount, r.submitted_on) == (Decimal("15000.00"), date(2023, 1, 10))
    commissioner = client_for(cast["commissioner"])
    detail = commissioner.get(reverse("funding:spend_return_detail", args=[r.pk])).content.decode()
    assert "Review the return" in detail and "A coordinator post was vacant" in detail
    reviewed = commissioner.post(reverse("funding:spend_return_review", args=[r.pk]), {
        "decision": "query", "note": "Send the vacancy dates.", "version": r.version})
    assert reviewed.status_code == 302
    r.refresh_from_db()
    assert (r.status, r.review_note) == (ReturnStatus.QUERIED, "Send the vacancy dates.")


def test_the_api_submits_and_reviews_a_return(harbour, cast, client_for):
    provider = client_for(cast["provider-manager"])
    url = f"/api/agreements/{harbour.pk}/spend-returns"
    body = {"financial_year": "2022/23", "quarter": 2,
            "lines": [{"budget_line": "Staff", "amount": "22848.61"}]}
    outside = provider.post(url, json.dumps({**body, "quarter": 1}), content_type="application/json")
    assert outside.status_code == 422 and "quarter" in outside.json()["errors"]
    created = provider.post(url, json.dumps(body), content_type="application/json")
    assert created.status_code == 201, created.content
    r = created.json()
    assert (r["amount"], r["profile"], r["status"], r["due_on"]) == ("22848.61", "22848.61", "submitted", "2022-10-30")
    denied = provider.post(f"/api/spend-returns/{r['id']}/review", json.dumps({"decision": "accept"}),
                           content_type="application/json")
    assert denied.status_code == 404
    commissioner = client_for(cast["commissioner"])
    stale = commissioner.post(f"/api/spend-returns/{r['id']}/review",
                              json.dumps({"decision": "accept", "version": r["version"] + 1}),
                              content_type="application/json")
    assert stale.status_code == 409
    accepted = commissioner.post(f"/api/spend-returns/{r['id']}/review", json.dumps({"decision": "accept"}),
                                 content_type="application/json")
    assert accepted.status_code == 201 and accepted.json()["status"] == "accepted"
    assert [x["id"] for x in provider.get(f"/api/spend-returns?agreement={harbour.pk}").json()["results"]] == [r["id"]]
