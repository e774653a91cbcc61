"""Contract events and grant conditions: each written with the change it makes to the agreement, in
one transaction, so the runway, the schedule and the OCDS release read the new position at once.

An extension moves the end (after the current end, not after `extension_until`); a variation changes
the value or the end; break-clause notice brings the end forward to the day it takes effect (at
least the notice period after it was given) and lets the extension options lapse; a termination sets
the status and the day it ended. An extension and a variation need their approving decision record,
an approved one of the programme's, linked from the decisions side as a bid's award is. Dates of
what has happened cannot be after today, and the refusal names the field.

Whoever may change the agreement's programme's ledger may (access.can_change_programme: commissioners
and finance officers of its lead commissioner; `by=None`, the system); anyone else gets Http404 with
nothing written. Audit rows are attributed to `by`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.audit.services import acting_as
from dapi.lib.dates import add_months, future_errors
from dapi.lib.money import format_gbp

from ..models import (
    Agreement, AgreementStatus, BreakNotice, Extension, GrantCondition, NoticeParty, Termination, Variation,
)
from ..notice import last_notice_day
from .ledger import agreement_update, may_change, out_of_range, save_audited

APPROVED = "approved"  # decisions.DecisionStatus.APPROVED: funding stands below decisions and cannot import it


def _day(value) -> str:
    return f"{value:%-d %b %Y}"


def approving_decision_errors(agreement: Agreement, decision, what: str) -> dict[str, str]:
    """Why `decision` cannot approve `what` on `agreement`: missing, not one of its programme's decision
    records, or not approved."""
    if decision is None:
        return {"decision": f"Choose the decision record that approved {what}."}
    if not agreement.programme.decisions.filter(pk=decision.pk).exists():
        return {"decision": f"Choose one of {agreement.programme.name}'s decision records."}
    if decision.status != APPROVED:
        return {"decision": f"{decision} is {decision.get_status_display().lower()}, not approved: choose the "
                            f"decision record that approved {what}."}
    return {}


def _locked(agreement: Agreement) -> Agreement:
    """The agreement read again under a row lock, so two people cannot record two events on one version."""
    return Agreement.objects.select_for_update().select_related("programme").get(pk=agreement.pk)


def _running(agreement: Agreement, doing: str) -> dict[str, str]:
    if agreement.status == AgreementStatus.DRAFT:
        return {"__all__": f"This agreement is a draft: change it instead of recording {doing}."}
    if agreement.status == AgreementStatus.TERMINATED:
        ended = f" on {_day(agreement.terminated_on)}" if agreement.terminated_on else ""
        return {"__all__": f"This agreement was terminated{ended}: {doing} cannot be recorded."}
    return {}


def _changed(agreement: Agreement, by, value_field: str, **fields) -> Agreement:
    """agreement_update, with a schedule that no longer fits the value told at `value_field`."""
    try:
        return agreement_update(agreement=agreement, by=by, **fields)
    except ValidationError as e:
        errors = getattr(e, "error_dict", {})
        if "contributions" in errors:
            raise ValidationError({value_field: [m for err in errors.pop("contributions") for m in err.messages]
                                   + ["Enter the agreement's new total value."]}) from None
        raise


def _linked(event, decision, by):
    with acting_as(by):
        event.save()
        if decision is not None:
            event.decisions.add(decision)
    return event


@transaction.atomic
def agreement_extend(*, agreement: Agreement, by, exercised_on, new_end, decision, new_value=None,
                     note: str = "") -> Extension:
    """Exercise the agreement's extension option to `new_end` (after its current end, not after
    `extension_until`), agreed on `exercised_on`, approved by `decision`; `new_value`, when the
    extension adds money, is the agreement's new total value."""
    may_change(by, agreement.programme, "No such agreement")
    a = _locked(agreement)
    errors = _running(a, "an extension") | approving_decision_errors(a, decision, "the extension")
    errors |= out_of_range({"exercised_on": exercised_on, "new_end": new_end})
    errors |= future_errors({"exercised_on": ("The day the extension was agreed", exercised_on)})
    if exercised_on is None:
        errors.setdefault("exercised_on", "Enter the day the extension was agreed.")
    if new_end is None:
        errors.setdefault("new_end", "Enter the new end date.")
    elif not a.extension_until or a.extension_until <= a.end:
        errors.setdefault("new_end", f"This agreement has no extension option beyond its end ({_day(a.end)}): "
                                     f"record a variation instead.")
    elif new_end <= a.end:
        errors.setdefault("new_end", f"The new end must be after the current end, {_day(a.end)}.")
    elif new_end > a.extension_until:
        errors.setdefault("new_end", f"The extension options reach {_day(a.extension_until)} at the latest: "
                                     f"enter that date or an earlier one.")
    if errors:
        raise ValidationError(errors)
    event = Extension(agreement=a, exercised_on=exercised_on, previous_end=a.end, new_end=new_end,
                      previous_value=a.value, new_value=new_value, note=note.strip())
    event.full_clean()
    _changed(a, by, "new_value", end=new_end, **({"value": new_value} if new_value is not None else {}))
    return _linked(event, decision, by)


@transaction.atomic
def agreement_vary(*, agreement: Agreement, by, varied_on, description: str, decision, new_value=None,
                   new_end=None) -> Variation:
    """Vary the agreement's value (`new_value`, its new total) or term (`new_end`), or both, as agreed
    on `varied_on` and approved by `decision`. Published as an OCDS contract amendment."""
    may_change(by, agreement.programme, "No such agreement")
    a = _locked(agreement)
    errors = _running(a, "a variation") | approving_decision_errors(a, decision, "the variation")
    errors |= out_of_range({"varied_on": varied_on, "new_end": new_end})
    errors |= future_errors({"varied_on": ("The day the variation was agreed", varied_on)})
    if varied_on is None:
        errors.setdefault("varied_on", "Enter the day the variation was agreed.")
    if not description.strip():
        errors["description"] = "Say what the variation changes and why."
    if new_value is None and new_end is None:
        errors.setdefault("new_value", "Enter the new value, the new end date, or both.")
    elif (new_value is None or new_value == a.value) and (new_end is None or new_end == a.end):
        errors.setdefault("new_value", f"Nothing changes: the value is {format_gbp(a.value)} and the agreement "
                                       f"ends on {_day(a.end)}.")
    if new_end is not None and "new_end" not in errors:
        if a.start and new_end < a.start:
            errors["new_end"] = f"The agreement starts on {_day(a.start)}: the new end cannot be before it."
        elif a.extension_until and new_end > a.extension_until:
            errors["new_end"] = (f"The agreement's extension options reach {_day(a.extension_until)}: a later end "
                                 f"needs the extension options changed first.")
    if errors:
        raise ValidationError(errors)
    event = Variation(agreement=a, varied_on=varied_on, description=description.strip(), previous_value=a.value,
                      new_value=new_value, previous_end=a.end, new_end=new_end)
    event.full_clean()
    fields = {"end": new_end} if new_end is not None else {}
    _changed(a, by, "new_value", **fields, **({"value": new_value} if new_value is not None else {}))
    return _linked(event, decision, by)


@transaction.atomic
def break_notice_give(*, agreement: Agreement, by, given_on, given_by: str, effective_on,
                      note: str = "") -> BreakNotice:
    """Record notice given under the break clause on `given_on` by the commissioner or the provider:
    the agreement ends on `effective_on` (the notice period after `given_on` at the earliest, not
    after its current end), and its extension options lapse."""
    may_change(by, agreement.programme, "No such agreement")
    a = _locked(agreement)
    errors = _running(a, "break notice")
    if a.break_notice_months is None:
        errors.setdefault("__all__", "This agreement records no break clause: record a termination instead.")
    elif a.break_notices.exists():
        given = a.break_notices.order_by("given_on").first()
        errors.setdefault("__all__", f"Notice was already given on {_day(given.given_on)}.")
    if given_by not in NoticeParty.values:
        errors["given_by"] = "Choose who gave notice: the commissioner or the provider."
    errors |= out_of_range({"given_on": given_on, "effective_on": effective_on})
    errors |= future_errors({"given_on": ("The day notice was given", given_on)})
    if given_on is None:
        errors.setdefault("given_on", "Enter the day notice was given.")
    if effective_on is None:
        errors.setdefault("effective_on", "Enter the day the agreement ends under the notice.")
    if not errors:
        deadline = last_notice_day(a)
        earliest = add_months(given_on, a.break_notice_months)
        if a.start and given_on < a.start:
            errors["given_on"] = f"The agreement starts on {_day(a.start)}: notice cannot be given before it."
        elif given_on > deadline:
            errors["given_on"] = (f"The last day notice could be given to end the agreement before its end "
                                  f"({_day(a.end)}) was {_day(deadline)}.")
        elif effective_on < earliest:
            errors["effective_on"] = (f"With {a.break_notice_months} months' notice given on {_day(given_on)}, "
                                      f"the agreement can end on {_day(earliest)} at the earliest.")
        elif effective_on > a.end:
            errors["effective_on"] = f"The agreement already ends on {_day(a.end)}: notice cannot end it later."
    if errors:
        raise ValidationError(errors)
    event = BreakNotice(agreement=a, given_on=given_on, given_by=given_by, effective_on=effective_on,
                        previous_end=a.end, previous_extension_until=a.extension_until, note=note.strip())
    event.full_clean()
    agreement_update(agreement=a, by=by, end=effective_on, extension_until=None)
    return _linked(event, None, by)


@transaction.atomic
def agreement_terminate(*, agreement: Agreement, by, terminated_on, reason: str) -> Termination:
    """End the agreement early on `terminated_on` (within its term, not after today) for `reason`:
    its status becomes terminated and the runway stops there."""
    may_change(by, agreement.programme, "No such agreement")
    a = _locked(agreement)
    errors = _running(a, "a termination")
    errors |= out_of_range({"terminated_on": terminated_on})
    errors |= future_errors({"terminated_on": ("The day the agreement was terminated", terminated_on)})
    if terminated_on is None:
        errors.setdefault("terminated_on", "Enter the day the agreement was terminated.")
    elif "terminated_on" not in errors:
        if a.start and terminated_on < a.start:
            errors["terminated_on"] = f"The agreement starts on {_day(a.start)}: it cannot end before that."
        elif terminated_on > a.end:
            errors["terminated_on"] = (f"The agreement ends on {_day(a.end)}: after that day it has ended, not "
                                       f"been terminated.")
    if not reason.strip():
        errors["reason"] = "Enter the reason the agreement was terminated."
    if errors:
        raise ValidationError(errors)
    event = Termination(agreement=a, terminated_on=terminated_on, reason=reason.strip(), previous_status=a.status)
    event.full_clean()
    agreement_update(agreement=a, by=by, status=AgreementStatus.TERMINATED, terminated_on=terminated_on)
    return _linked(event, None, by)


@transaction.atomic
def condition_add(*, agreement: Agreement, by, text: str, due_on=None) -> GrantCondition:
    """Add a condition to the agreement's checklist, due by `due_on` when it has a date."""
    may_change(by, agreement.programme, "No such agreement")
    errors = out_of_range({"due_on": due_on})
    if not text.strip():
        errors["text"] = "Enter the condition as the agreement states it."
    if errors:
        raise ValidationError(errors)
    return save_audited(GrantCondition(agreement=agreement, text=text.strip(), due_on=due_on), by)


@transaction.atomic
def condition_meet(*, condition: GrantCondition, by, met_on, evidence: str = "", evidence_url: str = "") -> GrantCondition:
    """Record that a condition was met on `met_on` (not after today), with its evidence: what it was,
    a link to it, or both. A condition already met is refused."""
    may_change(by, condition.agreement.programme, "No such condition")
    locked = GrantCondition.objects.select_for_update().get(pk=condition.pk)
    if locked.is_met:
        raise ValidationError({"met_on": f"This condition was already met on {_day(locked.met_on)}."})
    errors = out_of_range({"met_on": met_on})
    errors |= future_errors({"met_on": ("The day the condition was met", met_on)})
    if met_on is None:
        errors.setdefault("met_on", "Enter the day the condition was met.")
    if not evidence.strip() and not evidence_url.strip():
        errors["evidence"] = "Describe the evidence, link to it, or both."
    if errors:
        raise ValidationError(errors)
    locked.met_on, locked.evidence, locked.evidence_url = met_on, evidence.strip(), evidence_url.strip()
    return save_audited(locked, by)
