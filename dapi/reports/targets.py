"""Targets and KPIs of a programme's agreements for the dashboard and the panel pack: actual against
target with its red, amber or green status (funding.targets). Counts taken from the case data pass
disclosure control when published, and a hidden count's status is not shown either (with the target
and the thresholds known, a status could narrow the count down)."""

from dataclasses import dataclass

from dapi.funding.models import Target
from dapi.funding.targets import target_rows
from dapi.lib.money import FinancialYear

from .disclosure import protect_count


@dataclass
class TargetLine:
    agreement: str
    label: str
    source: str
    target: int
    expected: object
    actual: str
    status: str | None  # green, amber, red; "hidden" where the count is; None when there is nothing to judge


def target_evidence(ev) -> list[TargetLine]:
    """The targets of the programme's agreements for the financial year of the evidence's period (a year,
    or a quarter of the Home Office return), as of its date."""
    year = FinancialYear.of(ev.period.start).start_year
    targets = list(Target.objects.filter(agreement__programme=ev.programme, financial_year=year)
                   .order_by("agreement", "measure", "name"))
    agreements = {a.pk: a for a in ev.ledger.agreements}
    lines = []
    for agreement_id in dict.fromkeys(t.agreement_id for t in targets):
        agreement = agreements[agreement_id]
        mine = [t for t in targets if t.agreement_id == agreement_id]
        for row in target_rows(agreement, mine, ev.as_of):
            status, actual = row.status, "not entered" if row.actual is None else f"{row.actual:,}"
            if row.actual is not None and row.target.counted and ev.published:
                cell = protect_count(row.actual)
                actual = cell.text
                status = "hidden" if cell.hidden else status
            name = agreement.provider.name if agreement.provider else agreement.title
            lines.append(TargetLine(name, row.target.label, row.source, row.target.target, row.expected, actual, status))
    return lines
