"""Co-funding rules on an agreement and a co-funder's cut: recording a cut changes nothing in the
ledger (it is a proposal, cofunding.proposal shows what it would do); applying it, with the approved
decision record that approves it, replaces the agreement's schedule with the proposed one in one
transaction, and links the decision from the decisions side.

Whoever may change the agreement's programme's ledger may (access.can_change_programme); anyone else
gets Http404 with nothing written. Audit rows are attributed to `by`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.lib.dates import future_errors
from dapi.lib.money import FinancialYear

from ..cofunding import CutRefused, proposal
from ..models import (
    Agreement, AgreementContribution, CoFunderCut, CutStatus, FundingCondition, FundingStatus, MirroredReduction,
)
from .events import approving_decision_errors
from .ledger import agreement_update, may_change, out_of_range, save_audited, year_out_of_range


def _partner_errors(agreement: Agreement, **partners) -> dict[str, str]:
    """An error for each of `partners` (field: organisation) with no line in the agreement's schedule."""
    paying = set(agreement.contributions.values_list("partner", flat=True))
    return {name: f"{org} has no line in this agreement's schedule: choose one of its partners."
            for name, org in partners.items() if org is not None and org.pk not in paying}


def _lines(agreement: Agreement) -> list[AgreementContribution]:
    return list(agreement.contributions.select_related("partner").order_by("start", "-amount", "pk"))


@transaction.atomic
def mirror_rule_add(*, agreement: Agreement, by, partner, follows, source: str = "") -> MirroredReduction:
    """Record that `partner` may reduce its contribution by any percentage `follows` cuts its own."""
    may_change(by, agreement.programme, "No such agreement")
    errors = _partner_errors(agreement, partner=partner, follows=follows)
    if partner is None:
        errors["partner"] = "Choose the partner whose contribution follows the cut."
    if follows is None:
        errors["follows"] = "Choose the partner whose cut it follows."
    if partner is not None and follows is not None and partner.pk == follows.pk:
        errors["follows"] = "A partner cannot follow its own cut: choose another partner."
    elif not errors and agreement.mirrored_reductions.filter(partner=partner, follows=follows).exists():
        errors["follows"] = f"{partner} already follows {follows}'s cuts on this agreement."
    if errors:
        raise ValidationError(errors)
    return save_audited(MirroredReduction(agreement=agreement, partner=partner, follows=follows,
                                          source=source.strip()), by)


@transaction.atomic
def funding_condition_add(*, agreement: Agreement, by, partner, funding: str, funder=None, known_by=None,
                          status: str = FundingStatus.UNKNOWN, source: str = "") -> FundingCondition:
    """Record that `partner`'s contribution depends on `funding` (from `funder`, when named) being
    forthcoming, with its status and the day it should be known by."""
    may_change(by, agreement.programme, "No such agreement")
    errors = _partner_errors(agreement, partner=partner) | out_of_range({"known_by": known_by})
    if partner is None:
        errors["partner"] = "Choose the partner whose contribution depends on the funding."
    if not funding.strip():
        errors["funding"] = "Name the funding it depends on, e.g. Ministry of Justice victims' grant."
    if errors:
        raise ValidationError(errors)
    return save_audited(FundingCondition(agreement=agreement, partner=partner, funding=funding.strip(), funder=funder,
                                         known_by=known_by, status=status, source=source.strip()), by)


@transaction.atomic
def funding_condition_set_status(*, condition: FundingCondition, by, status: str, known_by=None) -> FundingCondition:
    """Say whether the funding a contribution depends on is confirmed, not forthcoming or still not
    known (and by when it should be)."""
    may_change(by, condition.agreement.programme, "No such funding condition")
    errors = out_of_range({"known_by": known_by})
    if status not in FundingStatus.values:
        errors["status"] = "Choose confirmed, not forthcoming or not yet known."
    if errors:
        raise ValidationError(errors)
    locked = FundingCondition.objects.select_for_update().get(pk=condition.pk)
    locked.status, locked.known_by, locked.version = status, known_by, locked.version + 1
    return save_audited(locked, by)


@transaction.atomic
def cofunder_cut_record(*, agreement: Agreement, by, partner, from_year: int, recorded_on, percentage=None,
                        amount=None, note: str = "") -> CoFunderCut:
    """Record that `partner` cuts its contribution from the financial year `from_year`, by a percentage
    (over 0, at most 100) or by an amount a year (at most what it pays that year), as it said on
    `recorded_on`. Nothing in the ledger changes: the cut and the mirrored reductions are a proposal
    until cofunder_cut_apply."""
    may_change(by, agreement.programme, "No such agreement")
    errors = _partner_errors(agreement, partner=partner) | out_of_range({"recorded_on": recorded_on})
    errors |= future_errors({"recorded_on": ("The day the cut was made known", recorded_on)})
    if recorded_on is None:
        errors.setdefault("recorded_on", "Enter the day the co-funder made the cut known.")
    if partner is None:
        errors["partner"] = "Choose the partner that cuts its contribution."
    if from_year is None:
        errors["from_year"] = "Enter the financial year the cut starts, like 2024/25."
    elif (message := year_out_of_range(from_year)) is not None:
        errors["from_year"] = message
    if (percentage is None) == (amount is None):
        errors["percentage"] = "Enter the cut as a percentage or as an amount a year (one of them)."
    elif percentage is not None and not 0 < percentage <= 100:
        errors["percentage"] = "Enter a percentage more than 0 and at most 100."
    elif amount is not None and amount <= 0:
        errors["amount"] = "Enter an amount a year of more than £0.00."
    if errors:
        raise ValidationError(errors)
    cut = CoFunderCut(agreement=agreement, partner=partner, from_year=from_year, percentage=percentage, amount=amount,
                      recorded_on=recorded_on, note=note.strip())
    try:
        proposal(agreement, _lines(agreement), list(agreement.mirrored_reductions.all()), cut)
    except CutRefused as why:
        raise ValidationError({why.field: str(why)}) from None
    return save_audited(cut, by)


@transaction.atomic
def cofunder_cut_apply(*, cut: CoFunderCut, by, decision, applied_on) -> CoFunderCut:
    """Apply a proposed cut, with the mirrored reductions, to the agreement's schedule as the
    approved `decision` (one of the programme's) approves it on `applied_on` (not after today). A cut
    already applied is refused."""
    may_change(by, cut.agreement.programme, "No such cut")
    locked = CoFunderCut.objects.select_for_update().select_related("agreement__programme", "partner").get(pk=cut.pk)
    agreement = Agreement.objects.select_for_update().select_related("programme").get(pk=locked.agreement_id)
    if locked.status == CutStatus.APPLIED:
        raise ValidationError({"__all__": f"This cut was already applied on {locked.applied_on:%-d %b %Y}."})
    errors = approving_decision_errors(agreement, decision, "the cut") | out_of_range({"applied_on": applied_on})
    errors |= future_errors({"applied_on": ("The day the decision was applied", applied_on)})
    if applied_on is None:
        errors.setdefault("applied_on", "Enter the day the decision took effect.")
    if errors:
        raise ValidationError(errors)
    try:
        proposed = proposal(agreement, _lines(agreement), list(agreement.mirrored_reductions.all()), locked)
    except CutRefused as why:
        raise ValidationError({"__all__": f"The cut no longer fits the agreement's schedule: {why} "
                                          f"({FinancialYear(locked.from_year)})."}) from None
    agreement_update(agreement=agreement, by=by, contributions=proposed.lines)
    locked.status, locked.applied_on = CutStatus.APPLIED, applied_on
    save_audited(locked, by)
    locked.decisions.add(decision)
    return locked
