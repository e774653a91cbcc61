"""Writes to the ledger: bad input is refused with a message on the field and nothing saved;
every write leaves an audit row naming who made it; whoever may not change the programme's ledger
is refused as if it did not exist (Http404) and nothing is written."""

from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.http import Http404

from dapi.accounts.models import Organisation
from dapi.funding import services
from dapi.funding.models import (
    Agreement, AgreementContribution, Allocation, Award, Basis, Bid, FundingRound, MatchContribution, Programme,
)
from dapi.lib.errors import ConflictError


@pytest.fixture
def cleveland(seeded):
    return Programme.objects.get(slug="cleveland-complex-needs")


def agreement_fields(programme, **overrides):
    fields = {
        "programme": programme, "kind": "grant", "title": "Test grant",
        "commissioner": programme.lead_commissioner,
        "provider": Organisation.objects.get(name="Harbour Support Services"),
        "value": Decimal("1000.00"), "start": date(2024, 4, 1), "end": date(2025, 3, 31), "status": "approved",
    }
    return fields | overrides


def refused(call) -> dict:
    counts = (Agreement.objects.count(), AgreementContribution.objects.count(), Award.objects.count(), Allocation.objects.count())
    with pytest.raises(ValidationError) as caught:
        call()
    assert (Agreement.objects.count(), AgreementContribution.objects.count(), Award.objects.count(),
            Allocation.objects.count()) == counts
    return caught.value.message_dict


def test_negative_agreement_value_is_refused_on_the_value_field(cleveland, cast):
    errors = refused(lambda: services.agreement_create(by=cast["commissioner"],
                                                       **agreement_fields(cleveland, value=Decimal("-1"))))
    assert errors["value"] == ["Enter an amount of £0.00 or more."]


def test_an_end_before_the_start_is_refused_on_the_end_field(cleveland, cast):
    errors = refused(lambda: services.agreement_create(
        by=cast["commissioner"], **agreement_fields(cleveland, start=date(2025, 1, 1), end=date(2024, 1, 1))))
    assert errors["end"] == ["The end date must be on or after the start date."]


def test_partner_lines_exceeding_the_agreement_value_are_refused_and_nothing_is_saved(cleveland, cast):
    opcc = cleveland.lead_commissioner
    errors = refused(lambda: services.agreement_create(
        by=cast["commissioner"], contributions=[{"partner": opcc, "amount": Decimal("600"), "basis": Basis.TOTAL},
                                                {"partner": opcc, "amount": Decimal("500"), "basis": Basis.TOTAL}],
        **agreement_fields(cleveland)))
    assert errors["contributions"] == [
        "The partner lines add up to £1,100.00 over the term, more than the agreement's value of £1,000.00."]


def test_a_per_annum_line_without_a_term_is_refused(cleveland, cast):
    errors = refused(lambda: services.agreement_create(
        by=cast["commissioner"], contributions=[{"partner": cleveland.lead_commissioner, "amount": Decimal("10"),
                                                 "basis": Basis.PER_ANNUM}],
        **agreement_fields(cleveland, start=None)))
    assert errors["contributions"] == ["A per-annum amount needs a term: enter the agreement's start date."]


def test_negative_award_and_allocation_amounts_are_refused(cleveland, cast):
    ho = Organisation.objects.get(name="Home Office")
    errors = refused(lambda: services.award_create(
        by=cast["commissioner"], funder=ho, recipient=cleveland.lead_commissioner, programme=cleveland, title="x",
        amount=Decimal("-0.01"), awarded_on=date(2024, 1, 1), start=date(2024, 1, 1), end=date(2024, 12, 31)))
    assert errors["amount"] == ["Enter an amount of £0.00 or more."]
    errors = refused(lambda: services.allocation_create(
        by=cast["commissioner"], programme=cleveland, recipient=ho, financial_year=2024, amount=Decimal("-5")))
    assert errors["amount"] == ["Enter an amount of £0.00 or more."]


def test_creating_an_agreement_writes_an_audit_row_naming_the_actor(cleveland, cast):
    agreement = services.agreement_create(by=cast["finance-officer"], **agreement_fields(cleveland))
    entry = LogEntry.objects.get_for_object(agreement).get()
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == cast["finance-officer"]


def test_updating_with_a_stale_version_is_a_conflict_and_changes_nothing(cleveland, cast):
    agreement = services.agreement_create(by=cast["commissioner"], **agreement_fields(cleveland))
    services.agreement_update(agreement=Agreement.objects.get(pk=agreement.pk), by=cast["commissioner"], version=1,
                              title="First edit")
    with pytest.raises(ConflictError):
        services.agreement_update(agreement=Agreement.objects.get(pk=agreement.pk), by=cast["finance-officer"],
                                  version=1, title="Second edit from a stale form")
    assert Agreement.objects.get(pk=agreement.pk).title == "First edit"


def test_an_update_is_audited_with_the_changed_field(cleveland, cast):
    agreement = services.agreement_create(by=cast["commissioner"], **agreement_fields(cleveland))
    services.agreement_update(agreement=agreement, by=cast["finance-officer"], value=Decimal("900.00"))
    entry = LogEntry.objects.get_for_object(agreement).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == cast["finance-officer"]
    assert "value" in entry.changes_dict


# -- every service: audited as its actor; refused (404) for anyone who may not change the ledger ---------


def home_office():
    return Organisation.objects.get(name="Home Office")


def award_fields(programme):
    return {"programme": programme, "funder": home_office(), "recipient": programme.lead_commissioner,
            "title": "Service test award", "amount": Decimal("10.00"), "awarded_on": date(2024, 1, 1),
            "start": date(2024, 4, 1), "end": date(2025, 3, 31)}


def create(kind: str, programme, by):
    """Record one row of `kind` for `programme` through its service, as `by`."""
    if kind == "agreement":
        return services.agreement_create(by=by, **agreement_fields(programme), contributions=[
            {"partner": programme.lead_commissioner, "amount": Decimal("100.00"), "basis": Basis.TOTAL}])
    if kind == "award":
        return services.award_create(by=by, **award_fields(programme))
    if kind == "allocation":
        return services.allocation_create(by=by, programme=programme, recipient=programme.lead_commissioner,
                                          financial_year=2024, amount=Decimal("10.00"))
    if kind == "match contribution":
        return services.match_contribution_create(by=by, programme=programme, partner=programme.lead_commissioner,
                                                  amount=Decimal("10.00"), start=date(2024, 4, 1), end=date(2025, 3, 31))
    return services.bid_create(by=by, programme=programme, round=FundingRound.objects.get(name__startswith="2023-25"),
                               applicant=programme.lead_commissioner, amount_requested=Decimal("10.00"))


def change(kind: str, row, by):
    """Change one row of `kind` through its update service, as `by`."""
    if kind == "agreement":
        return services.agreement_update(agreement=row, by=by, title="Changed by the service test")
    if kind == "award":
        return services.award_update(award=row, by=by, title="Changed by the service test")
    return services.allocation_update(allocation=row, by=by, purpose="Changed by the service test")


CREATED = ["agreement", "award", "allocation", "match contribution", "bid"]
CHANGED = ["agreement", "award", "allocation"]
MODELS = (Agreement, AgreementContribution, Award, Allocation, MatchContribution, Bid)


def ledger_counts():
    return tuple(model.objects.count() for model in MODELS) + (LogEntry.objects.count(),)


@pytest.mark.parametrize("kind", CREATED)
def test_recording_each_kind_of_row_writes_its_audit_row_naming_the_actor(kind, cleveland, cast):
    row = create(kind, cleveland, cast["finance-officer"])
    entry = LogEntry.objects.get_for_object(row).get()
    assert (entry.action, entry.actor) == (LogEntry.Action.CREATE, cast["finance-officer"])


@pytest.mark.parametrize("kind", CHANGED)
def test_changing_each_kind_of_row_writes_its_audit_row_naming_the_actor(kind, cleveland, cast):
    row = create(kind, cleveland, None)
    change(kind, row, cast["commissioner"])
    entry = LogEntry.objects.get_for_object(row).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == cast["commissioner"]
    assert {"title", "purpose"} & set(entry.changes_dict)


@pytest.mark.parametrize("kind", CREATED)
def test_the_system_records_rows_of_any_programme_audited_with_no_actor(kind, cast):
    hampshire = Programme.objects.get(slug="hampshire-perpetrator")
    row = create(kind, hampshire, None)
    assert LogEntry.objects.get_for_object(row).get().actor is None


@pytest.mark.parametrize("who", ["commissioner", "provider-manager", "police-analyst", "outsider"])
@pytest.mark.parametrize("kind", CREATED)
def test_recording_a_row_for_a_programme_you_may_not_change_is_refused_as_not_found_and_writes_nothing(
        kind, who, cast, outsider):
    # The commissioner sees the Hampshire programme (the OPCC pays into it) but Hampshire County Council leads it.
    hampshire = Programme.objects.get(slug="hampshire-perpetrator")
    before = ledger_counts()
    with pytest.raises(Http404, match="No such programme"):
        create(kind, hampshire, outsider if who == "outsider" else cast[who])
    assert ledger_counts() == before


@pytest.mark.parametrize("who", ["provider-manager", "administrator", "outsider"])
@pytest.mark.parametrize("kind", CHANGED)
def test_changing_a_row_you_may_not_change_is_refused_as_not_found_and_writes_nothing(kind, who, cleveland, cast,
                                                                                      outsider):
    row = create(kind, cleveland, None)
    before = ledger_counts()
    with pytest.raises(Http404, match=f"No such {kind}"):
        change(kind, type(row).objects.get(pk=row.pk), outsider if who == "outsider" else cast[who])
    assert ledger_counts() == before
    name = "purpose" if kind == "allocation" else "title"
    assert getattr(type(row).objects.get(pk=row.pk), name) == getattr(row, name)


def test_moving_a_row_to_a_programme_you_may_not_change_is_refused(cleveland, cast):
    award = create("award", cleveland, None)
    hampshire = Programme.objects.get(slug="hampshire-perpetrator")
    with pytest.raises(Http404, match="No such programme"):
        services.award_update(award=award, by=cast["commissioner"], programme=hampshire)
    assert Award.objects.get(pk=award.pk).programme == cleveland
