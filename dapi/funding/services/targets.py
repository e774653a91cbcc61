"""Targets and KPIs of agreements: the commissioning side sets them; the provider enters the actual
of a measure it reports (counted measures come from the case data and cannot be entered)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.audit.services import acting_as
from dapi.lib import clock
from dapi.lib.access import require
from dapi.lib.errors import ConflictError
from dapi.lib.money import FinancialYear, overlap_days

from .. import access
from ..models import Agreement, Target
from .ledger import may_change, save_audited, year_out_of_range


@transaction.atomic
def target_set(*, by, agreement: Agreement, measure: str, financial_year: int, target: int, name: str = "") -> Target:
    """Set the target of one measure of `agreement` for a financial year that the agreement's term
    touches (again: the new figure replaces the old). Whoever may change the agreement's programme's
    ledger may; Http404 for anyone else, with nothing written."""
    may_change(by, agreement.programme, "No such agreement")
    if (message := year_out_of_range(financial_year)) is not None:
        raise ValidationError({"financial_year": message})
    fy = FinancialYear(financial_year)
    if overlap_days(agreement.start or fy.start, agreement.funded_until, fy.start, fy.end) == 0:
        raise ValidationError({"financial_year": f"{fy} is outside the agreement's term: choose a year it touches."})
    existing = Target.objects.filter(agreement=agreement, measure=measure, name=name.strip(),
                                     financial_year=financial_year).first()
    row = existing or Target(agreement=agreement, measure=measure, name=name.strip(), financial_year=financial_year)
    row.target = target
    if existing:
        row.version += 1
    return save_audited(row, by)


@transaction.atomic
def target_record_actual(*, by, target: Target, actual: int, version: int | None = None) -> Target:
    """Enter what the provider achieved on a measure it reports. Managers of the agreement's
    provider may (access.manages_provider); Http404 for anyone else. A counted measure is refused
    (its actual comes from the case data); with `version`, a target changed since is refused."""
    require(access.manages_provider(by, target.agreement), "No such target")
    if target.counted:
        raise ValidationError({"actual": "This measure is counted from the case data: it cannot be entered."})
    if actual is None or actual < 0:
        raise ValidationError({"actual": "Enter a whole number, 0 or more."})
    current = Target.objects.select_for_update().get(pk=target.pk)
    if version is not None and current.version != version:
        raise ConflictError("This target was changed by someone else after you opened it. Reload it and enter "
                            "the figure again.")
    current.actual, current.actual_entered_on, current.version = actual, clock.today(), current.version + 1
    current.full_clean()
    with acting_as(by):
        current.save()
    return current
