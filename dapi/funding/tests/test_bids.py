"""Bids and their outcomes (issue 18, item 1): recorded through the service, the pages and the API;
the runway, the pending bids and the options read the ledger, so they change at once."""

import json
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse

from dapi.funding import services
from dapi.funding.ledger import load_ledger
from dapi.funding.models import Award, Bid, BidStatus, FundingRound, Programme
from dapi.funding.runway import programme_runway

MARCH_17 = date(2023, 3, 17)


@pytest.fixture
def jenkins(seeded):
    return Programme.objects.get(slug="jenkins-centre")


@pytest.fixture
def jenkins_bid(jenkins):
    return Bid.objects.get(programme=jenkins)


def options(programme, today=MARCH_17):
    return [o.key for o in programme_runway(load_ledger(programme), today).options]


def new_bid(programme, by=None, **changes):
    fields = {"round": FundingRound.objects.get(bids__programme=programme), "amount_requested": Decimal("240000.00"),
              "submitted_on": date(2023, 1, 20)}
    return services.bid_create(by=by, programme=programme, **(fields | changes))


def test_finance_officer_records_the_jenkins_bid_unsuccessful_and_the_options_fall_back(jenkins, jenkins_bid, cast):
    assert options(jenkins) == ["bid", "local", "close"]
    services.bid_record_outcome(bid=jenkins_bid, by=cast["finance-officer"], outcome=BidStatus.UNSUCCESSFUL,
                                decided_on=MARCH_17, reason="The round was oversubscribed.")
    jenkins_bid.refresh_from_db()
    assert (jenkins_bid.status, jenkins_bid.decided_on) == (BidStatus.UNSUCCESSFUL, MARCH_17)
    assert options(jenkins) == ["local", "close"]
    assert programme_runway(load_ledger(jenkins), MARCH_17).pending_bids == []
    assert not Award.objects.filter(bid=jenkins_bid).exists()
    entry = LogEntry.objects.get_for_object(jenkins_bid).order_by("-timestamp").first()
    assert entry.actor == cast["finance-officer"] and "status" in entry.changes_dict


def test_a_bid_outcome_dated_before_its_submission_is_refused_and_nothing_is_written(jenkins, cast):
    bid = new_bid(jenkins, by=cast["finance-officer"])
    with pytest.raises(ValidationError) as caught:
        services.bid_record_outcome(bid=bid, by=cast["finance-officer"], outcome=BidStatus.SUCCESSFUL,
                                    decided_on=date(2023, 1, 19))
    assert caught.value.message_dict["decided_on"] == [
        "The outcome cannot be dated before the bid was submitted (20 Jan 2023)."]
    bid.refresh_from_db()
    assert bid.status == BidStatus.PENDING and not Award.objects.filter(bid=bid).exists()


@time_machine.travel("2023-03-20 12:00", tick=False)
def test_a_bid_outcome_in_the_future_is_refused(jenkins_bid, cast):
    with pytest.raises(ValidationError) as caught:
        services.bid_record_outcome(bid=jenkins_bid, by=cast["finance-officer"], outcome=BidStatus.WITHDRAWN,
                                    decided_on=date(2023, 3, 21))
    assert "cannot be in the future" in caught.value.message_dict["decided_on"][0]


def test_an_unsuccessful_outcome_needs_the_reason(jenkins_bid, cast):
    with pytest.raises(ValidationError) as caught:
        services.bid_record_outcome(bid=jenkins_bid, by=cast["finance-officer"], outcome=BidStatus.UNSUCCESSFUL,
                                    decided_on=MARCH_17, reason="  ")
    assert caught.value.message_dict["reason"] == ["Enter the reason the funder gave, or “Not given”."]


def test_an_unknown_outcome_is_refused(jenkins_bid, cast):
    with pytest.raises(ValidationError) as caught:
        services.bid_record_outcome(bid=jenkins_bid, by=cast["finance-officer"], outcome="pending", decided_on=MARCH_17)
    assert "Choose the outcome" in caught.value.message_dict["outcome"][0]


def test_a_successful_bid_becomes_an_award_linked_to_the_bid_and_its_decision_and_extends_the_runway(jenkins, cast):
    bid = new_bid(jenkins)
    decision = jenkins.decisions.first()
    services.bid_record_outcome(bid=bid, by=cast["commissioner"], outcome=BidStatus.SUCCESSFUL, decided_on=MARCH_17,
                                decision=decision)
    award = Award.objects.get(bid=bid)
    assert (award.amount, award.start, award.end, award.awarded_on) == (
        Decimal("240000.00"), date(2023, 4, 1), date(2025, 3, 31), MARCH_17)
    assert award.funder == bid.round.stream.funder and award.recipient == jenkins.lead_commissioner
    assert list(award.decisions.all()) == [decision]
    runway = programme_runway(load_ledger(jenkins), MARCH_17)
    assert runway.runway_end == date(2025, 3, 31) and not runway.cliff_edge


def test_a_partly_successful_bid_is_awarded_the_amount_given_which_must_be_below_the_request(jenkins, cast):
    bid = new_bid(jenkins)
    for amount, message in [(None, "Enter the amount awarded, more than £0.00."),
                            (Decimal("240000.00"), "A partly successful bid is awarded less than the £240,000.00 "
                                                   "requested; record a successful bid instead.")]:
        with pytest.raises(ValidationError) as caught:
            services.bid_record_outcome(bid=bid, by=cast["commissioner"], outcome=BidStatus.PARTLY_SUCCESSFUL,
                                        decided_on=MARCH_17, amount=amount)
        assert caught.value.message_dict["amount"] == [message]
    services.bid_record_outcome(bid=bid, by=cast["commissioner"], outcome=BidStatus.PARTLY_SUCCESSFUL,
                                decided_on=MARCH_17, amount=Decimal("150000.00"))
    assert Award.objects.get(bid=bid).amount == Decimal("150000.00")


def test_a_decision_of_another_programme_is_refused(jenkins, cast):
    bid = new_bid(jenkins)
    other = Programme.objects.get(slug="cleveland-complex-needs").decisions.exclude(programmes=jenkins).first()
    with pytest.raises(ValidationError) as caught:
        services.bid_record_outcome(bid=bid, by=cast["commissioner"], outcome=BidStatus.SUCCESSFUL,
                                    decided_on=MARCH_17, decision=other)
    assert caught.value.message_dict["decision"] == ["Choose one of this programme's decision records."]
    assert not Award.objects.filter(bid=bid).exists()


def test_an_outcome_cannot_be_recorded_twice(jenkins_bid, cast):
    services.bid_record_outcome(bid=jenkins_bid, by=cast["commissioner"], outcome=BidStatus.WITHDRAWN,
                                decided_on=MARCH_17)
    with pytest.raises(ValidationError) as caught:
        services.bid_record_outcome(bid=jenkins_bid, by=cast["finance-officer"], outcome=BidStatus.SUCCESSFUL,
                                    decided_on=MARCH_17)
    assert caught.value.message_dict["outcome"] == ["This bid's outcome was already recorded: Withdrawn on 17 Mar 2023."]
    assert not Award.objects.filter(bid=jenkins_bid).exists()


@pytest.mark.parametrize("role", ["provider-manager", "panel-member", "evaluator", "police-analyst"])
def test_who_may_not_change_the_ledger_cannot_record_an_outcome_or_a_bid(jenkins, jenkins_bid, cast, role):
    with pytest.raises(Http404):
        services.bid_record_outcome(bid=jenkins_bid, by=cast[role], outcome=BidStatus.WITHDRAWN, decided_on=MARCH_17)
    with pytest.raises(Http404):
        new_bid(jenkins, by=cast[role])
    jenkins_bid.refresh_from_db()
    assert jenkins_bid.status == BidStatus.PENDING and Bid.objects.filter(programme=jenkins).count() == 1


def test_a_bid_period_outside_the_round_or_submitted_in_the_future_is_refused(jenkins, cast):
    with pytest.raises(ValidationError) as caught:
        new_bid(jenkins, period_start=date(2023, 1, 1), period_end=date(2024, 3, 31))
    assert caught.value.message_dict["period_start"] == [
        "The period bid for must lie within the round's period, 1 Apr 2023 to 31 Mar 2025."]
    with pytest.raises(ValidationError) as caught:
        new_bid(jenkins, submitted_on=date(2999, 1, 1))
    assert "cannot be in the future" in caught.value.message_dict["submitted_on"][0]
    assert Bid.objects.filter(programme=jenkins).count() == 1


def test_the_bid_create_service_writes_an_audit_row(jenkins, cast):
    bid = new_bid(jenkins, by=cast["commissioner"])
    assert LogEntry.objects.get_for_object(bid).get().actor == cast["commissioner"]


# -- pages ---------------------------------------------------------------------------------------


def test_the_finance_officer_records_an_outcome_on_the_page_and_the_overdue_bid_is_gone(jenkins_bid, cast, client_for):
    client = client_for(cast["finance-officer"])
    page = client.get("/programmes/jenkins-centre/?today=2024-03-15").content.decode()
    assert "Decision overdue" in page and "Record outcome" in page
    url = reverse("funding:bid_outcome", args=[jenkins_bid.pk])
    response = client.post(url, {"outcome": "unsuccessful", "decided_on": "2023-03-17", "reason": "Oversubscribed"})
    assert response.status_code == 302
    page = client.get("/programmes/jenkins-centre/?today=2024-03-15").content.decode()
    assert "Decision overdue" not in page and "No pending bids are recorded." in page
    assert "Unsuccessful on 17 Mar 2023: Oversubscribed" in page


def test_the_outcome_page_shows_a_date_before_submission_on_its_field(jenkins, cast, client_for):
    bid = new_bid(jenkins)
    response = client_for(cast["commissioner"]).post(reverse("funding:bid_outcome", args=[bid.pk]), {
        "outcome": "withdrawn", "decided_on": "2023-01-01"})
    html = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in html
    assert "The outcome cannot be dated before the bid was submitted (20 Jan 2023)." in html


def test_a_bid_is_added_on_the_page(jenkins, cast, client_for):
    rnd = FundingRound.objects.get(bids__programme=jenkins)
    response = client_for(cast["commissioner"]).post(reverse("funding:bid_create", args=["jenkins-centre"]), {
        "round": rnd.pk, "amount_requested": "£120,000.00", "submitted_on": "2023-02-01"})
    assert response.status_code == 302
    assert Bid.objects.filter(programme=jenkins, amount_requested=Decimal("120000.00")).exists()


def test_the_provider_manager_gets_no_outcome_page(jenkins_bid, cast, client_for):
    response = client_for(cast["provider-manager"]).get(reverse("funding:bid_outcome", args=[jenkins_bid.pk]))
    assert response.status_code == 404
    assert client_for(cast["finance-officer"]).get(reverse("funding:bid_outcome", args=[jenkins_bid.pk])).status_code == 200


# -- API -----------------------------------------------------------------------------------------


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_the_api_creates_a_bid_and_records_its_outcome(jenkins, cast, client_for):
    client = client_for(cast["finance-officer"])
    rnd = FundingRound.objects.get(bids__programme=jenkins)
    created = post(client, "/api/bids", {"programme": "jenkins-centre", "round_id": rnd.pk,
                                         "amount_requested": "90000.00", "submitted_on": "2023-02-01"})
    assert created.status_code == 201, created.content
    bid = created.json()
    assert (bid["status"], bid["period_start"], bid["amount_requested"]) == ("pending", "2023-04-01", "90000.00")
    early = post(client, f"/api/bids/{bid['id']}/outcome", {"outcome": "successful", "decided_on": "2023-01-31"})
    assert early.status_code == 422 and "decided_on" in early.json()["errors"]
    done = post(client, f"/api/bids/{bid['id']}/outcome", {"outcome": "successful", "decided_on": "2023-03-17"})
    assert done.status_code == 201, done.content
    assert done.json()["status"] == "successful" and done.json()["award_id"] == Award.objects.get(bid_id=bid["id"]).pk
    listed = client.get("/api/bids?programme=jenkins-centre").json()["results"]
    assert {b["status"] for b in listed} == {"pending", "successful"}


def test_the_api_refuses_an_outcome_to_the_provider_as_not_found(jenkins_bid, cast, client_for):
    response = post(client_for(cast["provider-manager"]), f"/api/bids/{jenkins_bid.pk}/outcome",
                    {"outcome": "withdrawn", "decided_on": "2023-03-17"})
    assert response.status_code == 404 and response.json() == {"detail": "No such bid"}
    jenkins_bid.refresh_from_db()
    assert jenkins_bid.status == BidStatus.PENDING
