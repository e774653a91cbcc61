"""Every write to the funding ledger: check, validate, save and audit in one transaction.

Each service takes the acting user as `by` and refuses (Http404, as for a programme that does not
exist) unless `by` may change the programme's ledger: commissioners and finance officers of its
lead commissioner (access.can_change_programme). `by=None` is the system (the demo loader, an
operator's command): it may. Audit rows are attributed to `by`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from dapi.audit.services import acting_as
from dapi.lib import clock
from dapi.lib.access import require
from dapi.lib.errors import ConflictError
from dapi.lib.money import format_gbp

from .. import access
from ..models import Agreement, AgreementContribution, Allocation, Award, Basis, Programme
from ..reconcile import schedule_total

__all__ = [
    "agreement_create", "agreement_update", "allocation_create", "allocation_update", "award_create", "award_update",
    "schedule_total",
]


def may_change(by, programme: Programme, what: str = "No such programme", moved_to: Programme | None = None) -> None:
    """Refuse (Http404 `what`) unless `by` may change `programme`'s ledger, and the ledger of the
    programme a record is moved to, if it is."""
    require(access.can_change_programme(by, programme), what)
    if moved_to is not None:
        require(access.can_change_programme(by, moved_to), "No such programme")


def out_of_range(dates: dict[str, object]) -> dict[str, str]:
    """An error naming each of `dates` (field: date) outside 1 Jan 2000 to ten years after today: the
    runway and the tables spread money over every financial year between a record's dates."""
    first, last = clock.EARLIEST, clock.latest()
    return {name: f"Enter a date from {first:%-d %b %Y} to {last:%-d %b %Y}." for name, day in dates.items()
            if day is not None and not first <= day <= last}


def year_out_of_range(financial_year: int) -> str | None:
    """Why a financial year is not accepted (outside clock.period_bounds), or None."""
    first, last = clock.period_bounds()
    if first.start_year <= financial_year <= last.start_year:
        return None
    return f"Enter a financial year from {first} to {last}."


def save_audited(instance, by):
    instance.full_clean()
    with acting_as(by):
        instance.save()
    return instance


def _validate_schedule(agreement: Agreement, lines) -> None:
    errors = []
    if lines and not agreement.start and any(line.basis == Basis.PER_ANNUM for line in lines):
        errors.append(ValidationError("A per-annum amount needs a term: enter the agreement's start date.", code="no_term"))
    total = schedule_total(agreement, lines)
    if agreement.value is not None and total is not None and total > agreement.value and not any(line.is_cap for line in lines):
        errors.append(ValidationError(
            f"The partner lines add up to {format_gbp(total)} over the term, more than the agreement's value of "
            f"{format_gbp(agreement.value)}.",
            code="exceeds_total"))
    if errors:
        raise ValidationError({"contributions": errors})


@transaction.atomic
def agreement_create(*, by, programme: Programme, contributions=(), **fields) -> Agreement:
    """Record an agreement of `programme` and its partner schedule (dicts of partner, amount,
    basis, is_cap, condition). Whoever may change the programme's ledger may; Http404 for anyone
    else, with nothing written."""
    may_change(by, programme)
    agreement = Agreement(programme=programme, **fields)
    agreement.full_clean()
    lines = [AgreementContribution(agreement=agreement, **c) for c in contributions]
    _validate_schedule(agreement, lines)
    with acting_as(by):
        agreement.save()
        for line in lines:
            line.agreement = agreement
            line.full_clean()
            line.save()
    return agreement


@transaction.atomic
def agreement_update(*, agreement: Agreement, by, version: int | None = None, contributions=None, **fields) -> Agreement:
    """Change an agreement (and, with `contributions`, replace its schedule). With `version`,
    refuse (ConflictError) if it was saved since that version. Whoever may change its programme's
    ledger may; Http404 for anyone else, with nothing written."""
    may_change(by, agreement.programme, "No such agreement", fields.get("programme"))
    for name, value in fields.items():
        setattr(agreement, name, value)
    agreement.full_clean()
    lines = ([AgreementContribution(agreement=agreement, **c) for c in contributions] if contributions is not None
             else list(agreement.contributions.all()))
    _validate_schedule(agreement, lines)
    with acting_as(by):
        if version is not None:
            updated = Agreement.objects.filter(pk=agreement.pk, version=version).update(version=F("version") + 1)
            if not updated:
                raise ConflictError("This agreement was changed by someone else after you opened it. "
                                    "Reload it and make your change again.")
            agreement.version = version + 1
        else:
            agreement.version += 1
        agreement.save()
        if contributions is not None:
            agreement.contributions.all().delete()
            for line in lines:
                line.full_clean()
                line.save()
    return agreement


@transaction.atomic
def award_create(*, by, programme: Programme, **fields) -> Award:
    """Record an award made to a recipient for `programme`. Whoever may change the programme's
    ledger may; Http404 for anyone else, with nothing written."""
    may_change(by, programme)
    return save_audited(Award(programme=programme, **fields), by)


@transaction.atomic
def award_update(*, award: Award, by, **fields) -> Award:
    """Change an award. Whoever may change its programme's ledger may; Http404 for anyone else."""
    may_change(by, award.programme, "No such award", fields.get("programme"))
    for name, value in fields.items():
        setattr(award, name, value)
    return save_audited(award, by)


@transaction.atomic
def allocation_create(*, by, programme: Programme, **fields) -> Allocation:
    """Record money of `programme` devolved to an area, CSP or partner for one financial year.
    Whoever may change the programme's ledger may; Http404 for anyone else, with nothing written."""
    may_change(by, programme)
    return save_audited(Allocation(programme=programme, **fields), by)


@transaction.atomic
def allocation_update(*, allocation: Allocation, by, **fields) -> Allocation:
    """Change an allocation. Whoever may change its programme's ledger may; Http404 for anyone else."""
    may_change(by, allocation.programme, "No such allocation", fields.get("programme"))
    for name, value in fields.items():
        setattr(allocation, name, value)
    return save_audited(allocation, by)
