"""Writes to the ledger: bad input is refused with a message on the field and nothing saved;
every write leaves an audit row naming who made it."""

from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from dapi.funding import services
from dapi.lib.errors import ConflictError
from dapi.funding.models import Agreement, AgreementContribution, Allocation, Award, Basis, Organisation, Programme


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
