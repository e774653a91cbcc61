"""Contract events through their services (issue 18, item 5): an extension exercised, a variation, break
notice, a termination and grant conditions; each changes the agreement (and so the runway) at once, is
refused with the field named when the input is wrong, and is refused (404, nothing written) to whoever
may not change the programme's ledger."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from dapi.funding import services
from dapi.funding.ledger import load_ledger
from dapi.funding.models import (
    Agreement, AgreementStatus, BreakNotice, Extension, GrantCondition, Termination, Variation,
)
from dapi.funding.notice import last_notice_day
from dapi.funding.runway import programme_runway

TODAY = date(2024, 3, 15)
D = Decimal


@pytest.fixture(autouse=True)
def demonstration_date(monkeypatch):
    monkeypatch.setenv("DAPI_TODAY", TODAY.isoformat())


@pytest.fixture
def hampshire(seeded) -> Agreement:
    return Agreement.objects.get(title="Domestic Abuse Perpetrators Service (Hampshire and Southampton)")


@pytest.fixture
def hampshire_decision(hampshire):
    """PCCML/000407/2018, read through the programme (funding stands below decisions)."""
    return hampshire.programme.decisions.get(reference="PCCML/000407/2018")


@pytest.fixture
def harbour(seeded) -> Agreement:
    return Agreement.objects.get(reference="2022-0007", provider__name="Harbour Support Services")


def errors_of(call) -> dict:
    with pytest.raises(ValidationError) as e:
        call()
    return {name: " ".join(messages) for name, messages in e.value.message_dict.items()}


def runway_end(agreement) -> date:
    return programme_runway(load_ledger(agreement.programme), TODAY).runway_end


# -- extension -----------------------------------------------------------------------------------

def test_an_extension_moves_the_end_and_the_runway_at_once(hampshire, hampshire_decision):
    assert runway_end(hampshire) == date(2024, 3, 31)
    event = services.agreement_extend(agreement=hampshire, by=None, exercised_on=date(2024, 3, 1),
                                      new_end=date(2026, 3, 31), decision=hampshire_decision)
    hampshire.refresh_from_db()
    assert hampshire.end == date(2026, 3, 31) and hampshire.version == 2
    assert (event.previous_end, event.new_end) == (date(2024, 3, 31), date(2026, 3, 31))
    assert list(event.decisions.all()) == [hampshire_decision]
    assert runway_end(hampshire) == date(2026, 3, 31)
    # The break clause's deadline moves with the end.
    assert last_notice_day(hampshire) == date(2025, 9, 30)


@pytest.mark.parametrize("new_end, message", [
    (date(2026, 4, 1), "The extension options reach 31 Mar 2026 at the latest"),
    (date(2024, 3, 31), "The new end must be after the current end, 31 Mar 2024."),
    (date(2023, 3, 31), "The new end must be after the current end, 31 Mar 2024."),
])
def test_an_extension_past_the_option_or_not_after_the_end_is_refused(hampshire, hampshire_decision, new_end, message):
    errors = errors_of(lambda: services.agreement_extend(agreement=hampshire, by=None, exercised_on=date(2024, 3, 1),
                                                         new_end=new_end, decision=hampshire_decision))
    assert message in errors["new_end"]
    hampshire.refresh_from_db()
    assert hampshire.end == date(2024, 3, 31) and not Extension.objects.exists()


def test_an_extension_needs_an_approved_decision_of_the_programme_and_a_past_date(hampshire, hampshire_decision, harbour):
    errors = errors_of(lambda: services.agreement_extend(agreement=hampshire, by=None, exercised_on=date(2024, 3, 16),
                                                         new_end=date(2025, 3, 31), decision=None))
    assert errors["decision"] == "Choose the decision record that approved the extension."
    assert errors["exercised_on"].startswith("The day the extension was agreed cannot be in the future: 16 Mar 2024")
    cleveland = harbour.decisions.first()
    assert "Choose one of Hampshire" in errors_of(lambda: services.agreement_extend(
        agreement=hampshire, by=None, exercised_on=date(2024, 3, 1), new_end=date(2025, 3, 31),
        decision=cleveland))["decision"]
    hampshire.programme.decisions.filter(pk=hampshire_decision.pk).update(status="draft")
    hampshire_decision.refresh_from_db()
    assert "is draft, not approved" in errors_of(lambda: services.agreement_extend(
        agreement=hampshire, by=None, exercised_on=date(2024, 3, 1), new_end=date(2025, 3, 31),
        decision=hampshire_decision))["decision"]


def test_an_agreement_without_an_extension_option_cannot_be_extended(harbour):
    errors = errors_of(lambda: services.agreement_extend(agreement=harbour, by=None, exercised_on=date(2023, 1, 1),
                                                         new_end=date(2024, 3, 31), decision=harbour.decisions.first()))
    assert "no extension option" in errors["new_end"]


def test_only_whoever_changes_the_programmes_ledger_may_record_events(cast, hampshire, hampshire_decision, harbour):
    # The commissioner's OPCC pays into Hampshire's contract; Hampshire County Council leads it.
    with pytest.raises(Http404):
        services.agreement_extend(agreement=hampshire, by=cast["commissioner"], exercised_on=date(2024, 3, 1),
                                  new_end=date(2026, 3, 31), decision=hampshire_decision)
    for role in ("provider-manager", "perpetrator-worker", "panel-member"):
        with pytest.raises(Http404):
            services.condition_add(agreement=harbour, by=cast[role], text="Quarterly monitoring returns")
    assert not Extension.objects.exists() and not GrantCondition.objects.exists()
    services.condition_add(agreement=harbour, by=cast["finance-officer"], text="Quarterly monitoring returns")


# -- variation -----------------------------------------------------------------------------------

def test_a_variation_changes_the_value_and_term_with_its_decision(harbour):
    decision = harbour.decisions.get()
    event = services.agreement_vary(agreement=harbour, by=None, varied_on=date(2023, 6, 1), decision=decision,
                                    description="Navigator hours increased", new_value=D("131197.00"),
                                    new_end=date(2023, 12, 31))
    harbour.refresh_from_db()
    assert (harbour.value, harbour.end) == (D("131197.00"), date(2023, 12, 31))
    assert (event.previous_value, event.previous_end) == (D("121197.00"), date(2023, 10, 31))
    assert list(event.decisions.all()) == [decision]


def test_a_variation_without_a_decision_or_a_change_is_refused(harbour):
    errors = errors_of(lambda: services.agreement_vary(agreement=harbour, by=None, varied_on=date(2023, 6, 1),
                                                       decision=None, description="", new_value=None))
    assert errors["decision"] == "Choose the decision record that approved the variation."
    assert errors["description"] == "Say what the variation changes and why."
    assert errors["new_value"] == "Enter the new value, the new end date, or both."
    errors = errors_of(lambda: services.agreement_vary(
        agreement=harbour, by=None, varied_on=date(2023, 6, 1), decision=harbour.decisions.get(), description="x",
        new_value=harbour.value))
    assert errors["new_value"].startswith("Nothing changes")
    assert not Variation.objects.exists()


def test_a_variation_before_the_start_or_past_the_extension_options_is_refused(hampshire, hampshire_decision):
    vary = lambda **kw: services.agreement_vary(agreement=hampshire, by=None, varied_on=date(2024, 1, 1),  # noqa: E731
                                                decision=hampshire_decision, description="Term changed", **kw)
    assert "cannot be before it" in errors_of(lambda: vary(new_end=date(2019, 3, 1)))["new_end"]
    assert "extension options reach 31 Mar 2026" in errors_of(lambda: vary(new_end=date(2027, 3, 31)))["new_end"]


# -- break notice ----------------------------------------------------------------------------------

def test_break_notice_brings_the_end_forward_and_the_extension_options_lapse(hampshire):
    services.agreement_extend(agreement=hampshire, by=None, exercised_on=date(2024, 3, 1), new_end=date(2026, 3, 31),
                              decision=hampshire.programme.decisions.get(reference="PCCML/000407/2018"))
    hampshire.refresh_from_db()
    notice = services.break_notice_give(agreement=hampshire, by=None, given_on=date(2024, 3, 14), given_by="provider",
                                        effective_on=date(2024, 9, 30))
    hampshire.refresh_from_db()
    assert (hampshire.end, hampshire.extension_until) == (date(2024, 9, 30), None)
    assert (notice.previous_end, notice.previous_extension_until) == (date(2026, 3, 31), date(2026, 3, 31))
    r = programme_runway(load_ledger(hampshire.programme), TODAY)
    assert r.runway_end == date(2024, 9, 30) and r.extension_options == []
    assert "already given on 14 Mar 2024" in errors_of(lambda: services.break_notice_give(
        agreement=hampshire, by=None, given_on=date(2024, 3, 14), given_by="commissioner",
        effective_on=date(2024, 9, 30)))["__all__"]


@pytest.mark.parametrize("given_on, effective_on, field, message", [
    (date(2023, 9, 1), date(2024, 2, 28), "effective_on",
     "With 6 months' notice given on 1 Sep 2023, the agreement can end on 1 Mar 2024 at the earliest."),
    (date(2023, 10, 1), date(2024, 3, 31), "given_on",
     "The last day notice could be given to end the agreement before its end (31 Mar 2024) was 30 Sep 2023."),
    (date(2024, 3, 20), date(2024, 9, 30), "given_on", "cannot be in the future"),
    (date(2023, 9, 1), date(2024, 4, 30), "effective_on", "already ends on 31 Mar 2024"),
])
def test_break_notice_too_short_too_late_or_in_the_future_is_refused(hampshire, given_on, effective_on, field, message):
    errors = errors_of(lambda: services.break_notice_give(agreement=hampshire, by=None, given_on=given_on,
                                                          given_by="commissioner", effective_on=effective_on))
    assert message in errors[field]
    assert not BreakNotice.objects.exists()


def test_break_notice_needs_a_break_clause(harbour):
    assert errors_of(lambda: services.break_notice_give(agreement=harbour, by=None, given_on=date(2023, 1, 1),
                                                        given_by="provider", effective_on=date(2023, 7, 1)))[
        "__all__"] == "This agreement records no break clause: record a termination instead."


# -- termination ---------------------------------------------------------------------------------

def test_a_termination_sets_the_status_and_stops_the_runway(hampshire):
    event = services.agreement_terminate(agreement=hampshire, by=None, terminated_on=date(2024, 1, 31),
                                         reason="Provider entered administration")
    hampshire.refresh_from_db()
    assert (hampshire.status, hampshire.terminated_on) == (AgreementStatus.TERMINATED, date(2024, 1, 31))
    assert event.previous_status == AgreementStatus.ACTIVE
    assert programme_runway(load_ledger(hampshire.programme), TODAY).state == "ended"
    assert "was terminated on 31 Jan 2024" in errors_of(lambda: services.agreement_terminate(
        agreement=hampshire, by=None, terminated_on=date(2024, 2, 1), reason="Again"))["__all__"]


@pytest.mark.parametrize("terminated_on, reason, field, message", [
    (date(2024, 3, 16), "Breach", "terminated_on", "cannot be in the future: 16 Mar 2024 is after today"),
    (date(2019, 1, 1), "Breach", "terminated_on", "cannot end before that"),
    (date(2024, 1, 1), "  ", "reason", "Enter the reason the agreement was terminated."),
])
def test_a_termination_in_the_future_before_the_start_or_without_a_reason_is_refused(
        hampshire, terminated_on, reason, field, message):
    errors = errors_of(lambda: services.agreement_terminate(agreement=hampshire, by=None, terminated_on=terminated_on,
                                                            reason=reason))
    assert message in errors[field]
    assert not Termination.objects.exists()


# -- grant conditions ------------------------------------------------------------------------------

def test_a_condition_is_added_and_met_with_its_evidence(harbour):
    condition = services.condition_add(agreement=harbour, by=None, text="Evaluation framework agreed with Barefoot",
                                       due_on=date(2022, 12, 31))
    met = services.condition_meet(condition=condition, by=None, met_on=date(2022, 12, 1),
                                  evidence="Framework signed at the project board",
                                  evidence_url="https://example.org/framework.pdf")
    assert met.met_on == date(2022, 12, 1) and met.is_met
    assert "already met on 1 Dec 2022" in errors_of(lambda: services.condition_meet(
        condition=condition, by=None, met_on=date(2022, 12, 2), evidence="again"))["met_on"]


def test_a_condition_met_in_the_future_or_without_evidence_is_refused(harbour):
    condition = services.condition_add(agreement=harbour, by=None, text="Safeguarding policy", due_on=None)
    errors = errors_of(lambda: services.condition_meet(condition=condition, by=None, met_on=date(2024, 4, 1)))
    assert errors["met_on"].startswith("The day the condition was met cannot be in the future: 01 Apr 2024")
    assert errors["evidence"] == "Describe the evidence, link to it, or both."
    assert errors_of(lambda: services.condition_add(agreement=harbour, by=None, text=" "))["text"]
    condition.refresh_from_db()
    assert condition.met_on is None
