"""Every write to spend returns: check `by` through access.py, validate, save and audit in one
transaction. `by=None` is the system."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from dapi.audit.services import acting_as
from dapi.lib import clock
from dapi.lib.access import require
from dapi.lib.dates import future_errors
from dapi.lib.errors import ConflictError
from dapi.lib.money import format_gbp, pence

from ..models import Agreement
from ..services.ledger import year_out_of_range
from . import access
from .models import ReturnStatus, SpendReturn, SpendReturnLine
from .periods import in_term, needs_explanation, profile, quarter_label, quarter_start, variance_share

ACCEPT, QUERY = "accept", "query"


def _term(agreement: Agreement) -> str:
    start = f"{agreement.start:%-d %b %Y}" if agreement.start else "a start not stated"
    return f"{start} to {agreement.funded_until:%-d %b %Y}"


def _check(agreement, financial_year, quarter, lines, explanation, submitted_on) -> dict:
    errors = future_errors({"submitted_on": ("The date the return was submitted", submitted_on)})
    label = quarter_label(financial_year, quarter) if quarter in (1, 2, 3, 4) else None
    if (message := year_out_of_range(financial_year)) is not None:
        errors["financial_year"] = message
    elif label is None:
        errors["quarter"] = "Choose a quarter from 1 (April to June) to 4 (January to March)."
    elif not in_term(agreement, financial_year, quarter):
        errors["quarter"] = f"{label} is outside the agreement's term ({_term(agreement)})."
    elif quarter_start(financial_year, quarter) > clock.today():
        begins = quarter_start(financial_year, quarter)
        errors["quarter"] = f"{label} has not begun: spend can be returned from {begins:%-d %b %Y}."
    names = [line["budget_line"].strip().lower() for line in lines]
    if not lines:
        errors["lines"] = "Enter the spend on at least one budget line."
    elif len(set(names)) != len(names):
        errors["lines"] = "Each budget line can appear once: add the amounts of a repeated line together."
    elif any(line["amount"] is None or line["amount"] < 0 for line in lines):
        errors["lines"] = "Enter an amount of £0.00 or more on each budget line."
    if errors:
        return errors
    amount = pence(sum((line["amount"] for line in lines), Decimal("0")))
    expected = profile(agreement, financial_year, quarter)
    if needs_explanation(amount, expected) and not explanation.strip():
        share = variance_share(amount, expected)
        errors["explanation"] = (f"Spend of {format_gbp(amount)} differs from the profile of {format_gbp(expected)} by "
                                 f"{share * 100:.0f}%, more than the {_percent()}% allowed: explain the difference.")
    return errors


def _percent() -> str:
    return f"{settings.DAPI_SPEND_VARIANCE_SHARE * 100:.0f}"


@transaction.atomic
def spend_return_submit(*, by, agreement: Agreement, financial_year: int, quarter: int, lines: list[dict],
                        explanation: str = "", submitted_on: date | None = None) -> SpendReturn:
    """Submit the provider's spend for one quarter of `agreement`, by budget line (dicts of
    budget_line and amount); its total is their sum. The quarter must lie within the agreement's
    term and have begun; when the total differs from the profile by more than
    DAPI_SPEND_VARIANCE_SHARE an explanation is required. A quarter is returned once, except that a
    queried return may be submitted again (it goes back to "submitted"). Managers of the agreement's
    provider may (access.can_submit_return); Http404 for anyone else, with nothing written."""
    require(access.can_submit_return(by, agreement), "No such agreement")
    submitted_on = submitted_on or clock.today()
    errors = _check(agreement, financial_year, quarter, lines, explanation, submitted_on)
    existing = (SpendReturn.objects.select_for_update()
                .filter(agreement=agreement, financial_year=financial_year, quarter=quarter).first())
    if existing is not None and existing.status != ReturnStatus.QUERIED and "quarter" not in errors:
        errors["quarter"] = (f"The return for {existing.label} was already submitted"
                             + (f" on {existing.submitted_on:%-d %b %Y}" if existing.submitted_on else "")
                             + f" and is {existing.get_status_display().lower()}.")
    if errors:
        raise ValidationError(errors)
    amount = pence(sum((line["amount"] for line in lines), Decimal("0")))
    spend_return = existing or SpendReturn(agreement=agreement, financial_year=financial_year, quarter=quarter)
    spend_return.amount, spend_return.submitted_on = amount, submitted_on
    spend_return.profile = profile(agreement, financial_year, quarter)
    spend_return.explanation, spend_return.status = explanation.strip(), ReturnStatus.SUBMITTED
    if existing is not None:
        spend_return.version += 1
    spend_return.full_clean()
    with acting_as(by):
        spend_return.save()
        spend_return.lines.all().delete()
        for line in lines:
            row = SpendReturnLine(spend_return=spend_return, budget_line=line["budget_line"].strip(),
                                  amount=pence(line["amount"]))
            row.full_clean()
            row.save()
    return spend_return


@transaction.atomic
def spend_return_review(*, by, spend_return: SpendReturn, decision: str, note: str = "", version: int | None = None,
                        reviewed_on: date | None = None) -> SpendReturn:
    """Accept a submitted spend return, or query it (a query says what is asked; the provider then
    submits it again). Only a return awaiting review can be reviewed; with `version`, refuse
    (ConflictError) if it changed since. Commissioners and finance officers of the agreement's
    commissioner or programme lead may (access.can_review_return); Http404 for anyone else."""
    require(access.can_review_return(by, spend_return), "No such spend return")
    reviewed_on = reviewed_on or clock.today()
    errors = future_errors({"reviewed_on": ("The review date", reviewed_on)})
    if decision not in (ACCEPT, QUERY):
        errors["decision"] = "Choose whether to accept the return or query it."
    if decision == QUERY and not note.strip():
        errors["note"] = "Say what the provider needs to explain or correct."
    current = SpendReturn.objects.select_for_update().get(pk=spend_return.pk)
    if version is not None and current.version != version:
        raise ConflictError("This spend return was changed by someone else after you opened it. "
                            "Reload it and review it again.")
    if current.status != ReturnStatus.SUBMITTED and "decision" not in errors:
        errors["decision"] = f"This return is already {current.get_status_display().lower()}."
    if errors:
        raise ValidationError(errors)
    with acting_as(by):
        SpendReturn.objects.filter(pk=current.pk).update(version=F("version") + 1)
        current.refresh_from_db(fields=["version"])
        current.status = ReturnStatus.ACCEPTED if decision == ACCEPT else ReturnStatus.QUERIED
        current.review_note, current.reviewed_on = note.strip(), reviewed_on
        current.save()
    return current
