"""Every write to the funding ledger: validate, save and audit in one transaction.

Each service takes the acting user as `by`; audit rows are attributed to that user.
Permission to call a service is checked by the caller through access.py.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from dapi.audit.services import acting_as
from dapi.lib.errors import ConflictError

from .models import Agreement, AgreementContribution, Allocation, Award, Basis, Bid, MatchContribution
from dapi.lib.money import format_gbp, shares_by_year


def _save(instance, by):
    instance.full_clean()
    with acting_as(by):
        instance.save()
    return instance


def schedule_total(agreement: Agreement, lines) -> Decimal | None:
    """What an agreement's partner schedule adds up to over its term (None without a term)."""
    if not agreement.start:
        return None
    total = Decimal("0")
    for line in lines:
        shares = shares_by_year(line.amount, line.basis == Basis.PER_ANNUM, agreement.start, agreement.end)
        total += sum(shares.values(), Decimal("0"))
    return total


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
def agreement_create(*, by, contributions=(), decisions=(), **fields) -> Agreement:
    """Create an agreement and its partner schedule. Contributions are (partner, amount, basis, is_cap) dicts."""
    agreement = Agreement(**fields)
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
    """Change an agreement. With `version`, refuse (ConflictError) if it was saved since that version."""
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
def award_create(*, by, **fields) -> Award:
    """Record an award made to a recipient for a programme."""
    return _save(Award(**fields), by)


@transaction.atomic
def award_update(*, award: Award, by, **fields) -> Award:
    for name, value in fields.items():
        setattr(award, name, value)
    return _save(award, by)


@transaction.atomic
def allocation_create(*, by, **fields) -> Allocation:
    """Record money devolved to an area, CSP or partner for one financial year."""
    return _save(Allocation(**fields), by)


@transaction.atomic
def allocation_update(*, allocation: Allocation, by, **fields) -> Allocation:
    for name, value in fields.items():
        setattr(allocation, name, value)
    return _save(allocation, by)


@transaction.atomic
def match_contribution_create(*, by, **fields) -> MatchContribution:
    """Record a partner's match funding for a programme."""
    return _save(MatchContribution(**fields), by)


@transaction.atomic
def bid_create(*, by, **fields) -> Bid:
    """Record a bid to a funding round for a programme."""
    return _save(Bid(**fields), by)
