"""The break clause's deadline: the last day notice can be given for it to end the agreement
inside its current term."""

from datetime import date

from dapi.lib.dates import add_months

from .models import Agreement


def last_notice_day(agreement: Agreement) -> date | None:
    """The agreement's end date less its break-clause notice: notice given after this day runs
    past the end, so the break clause can no longer shorten the term. None without a break
    clause (no notice period recorded)."""
    if agreement.break_notice_months is None:
        return None
    return add_months(agreement.end, -agreement.break_notice_months)
