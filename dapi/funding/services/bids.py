"""Bids to funding rounds and their outcomes, and match contributions: the writes that move a
programme's runway, pending bids and options (they read the ledger, so they change at once).

Whoever may change the programme's ledger may (access.can_change_programme: commissioners and
finance officers of its lead commissioner; `by=None`, the system); anyone else gets Http404 with
nothing written. Audit rows are attributed to `by`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.audit.services import acting_as
from dapi.lib.dates import future_errors
from dapi.lib.money import format_gbp

from ..models import BID_OUTCOMES as OUTCOMES, Award, Bid, BidStatus, MatchContribution, Programme
from .ledger import may_change, out_of_range, save_audited

def _check_bid(bid: Bid) -> None:
    errors = out_of_range({"submitted_on": bid.submitted_on, "decided_on": bid.decided_on,
                           "period_start": bid.period_start, "period_end": bid.period_end})
    errors |= future_errors({"submitted_on": ("The date the bid was submitted", bid.submitted_on),
                             "decided_on": ("The outcome date", bid.decided_on)})
    start, end = bid.period
    rnd = bid.round
    if not errors.get("period_start") and (start < rnd.period_start or end > rnd.period_end):
        errors["period_start"] = (f"The period bid for must lie within the round's period, "
                                  f"{rnd.period_start:%-d %b %Y} to {rnd.period_end:%-d %b %Y}.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def bid_create(*, by, programme: Programme, **fields) -> Bid:
    """Record a bid to a funding round for `programme` (amount requested, the period bid for, the
    day it was submitted; the applicant defaults to the lead commissioner). Whoever may change the
    programme's ledger may; Http404 for anyone else, with nothing written."""
    may_change(by, programme)
    fields.setdefault("applicant", programme.lead_commissioner)
    bid = Bid(programme=programme, **fields)
    bid.full_clean()
    _check_bid(bid)
    return save_audited(bid, by)


@transaction.atomic
def bid_record_outcome(*, bid: Bid, by, outcome: str, decided_on, reason: str = "", amount=None, decision=None,
                       award_title: str = "") -> Bid:
    """Record a pending bid's outcome on `decided_on` (not before it was submitted, not after today):
    successful or partly successful (an award from the round's funder to the applicant for the period
    bid for, of `amount`: a partly successful bid needs it, below the amount requested; a successful
    one defaults to the amount requested; linked to the approving `decision`, one of the programme's,
    when given), unsuccessful (with the reason) or withdrawn. A bid whose outcome is already recorded
    is refused, so two people cannot record two outcomes. Whoever may change the programme's ledger
    may; Http404 for anyone else, with nothing written."""
    may_change(by, bid.programme, "No such bid")
    locked = Bid.objects.select_for_update().select_related("round__stream__funder", "programme").get(pk=bid.pk)
    if locked.status != BidStatus.PENDING:
        raise ValidationError({"outcome": f"This bid's outcome was already recorded: {locked.get_status_display()}"
                                          + (f" on {locked.decided_on:%-d %b %Y}." if locked.decided_on else ".")})
    errors: dict[str, str] = {}
    if outcome not in OUTCOMES:
        errors["outcome"] = "Choose the outcome: successful, partly successful, unsuccessful or withdrawn."
    if decided_on is None:
        errors["decided_on"] = "Enter the date of the outcome."
    if outcome == BidStatus.UNSUCCESSFUL and not reason.strip():
        errors["reason"] = "Enter the reason the funder gave, or “Not given”."
    if outcome == BidStatus.PARTLY_SUCCESSFUL:
        if amount is None or amount <= 0:
            errors["amount"] = "Enter the amount awarded, more than £0.00."
        elif locked.amount_requested is not None and amount >= locked.amount_requested:
            errors["amount"] = (f"A partly successful bid is awarded less than the {format_gbp(locked.amount_requested)} "
                                f"requested; record a successful bid instead.")
    if decision is not None and not locked.programme.decisions.filter(pk=decision.pk).exists():
        errors["decision"] = "Choose one of this programme's decision records."
    if errors:
        raise ValidationError(errors)
    locked.status, locked.decided_on, locked.outcome_reason = outcome, decided_on, reason.strip()
    locked.full_clean()
    _check_bid(locked)
    with acting_as(by):
        locked.save()
        if outcome in (BidStatus.SUCCESSFUL, BidStatus.PARTLY_SUCCESSFUL):
            start, end = locked.period
            rnd = locked.round
            award = Award(
                funder=rnd.stream.funder, recipient=locked.applicant, programme=locked.programme, round=rnd, bid=locked,
                title=award_title.strip() or f"{rnd.name} award", awarded_on=decided_on, start=start, end=end,
                amount=amount if amount is not None else locked.amount_requested)
            award.full_clean()
            award.save()
            if decision is not None:
                award.decisions.add(decision)
    return locked


def match_errors(programme: Programme, award: Award | None) -> dict[str, str]:
    if award is not None and award.programme_id != programme.pk:
        return {"award": f"Choose an award of {programme.name}."}
    return {}


@transaction.atomic
def match_contribution_create(*, by, programme: Programme, **fields) -> MatchContribution:
    """Record a partner's match funding for `programme`: cash, or in kind with how it was valued, as
    a total or per annum over its term, meeting the match condition of `award` (one of the
    programme's) when given. Whoever may change the programme's ledger may; Http404 for anyone
    else, with nothing written."""
    may_change(by, programme)
    errors = match_errors(programme, fields.get("award")) | out_of_range(
        {"start": fields.get("start"), "end": fields.get("end")})
    if errors:
        raise ValidationError(errors)
    return save_audited(MatchContribution(programme=programme, **fields), by)
