"""The case-data counts of an agreement's targets (funding.targets calls this through
`settings.DAPI_KPI_COUNTS`): the programme's counts for the period, for the cases the agreement's
provider delivers (referrals it received; cases it holds on the perpetrator side)."""

from datetime import date

from dapi.cases.models import CaseStatus

from .counts import programme_counts, total


def agreement_counts(agreement, start: date, end: date) -> dict[str, int]:
    """Referrals received, perpetrators engaged (assessment and a session), cases completed and
    victims engaged with support, from `start` to `end`, for the agreement's provider; {} when the
    agreement names no provider."""
    if agreement.provider_id is None:
        return {}
    counts = programme_counts(agreement.programme_id, start, end)
    provider = agreement.provider_id
    return {
        "referrals": sum(n for (_, p, _), n in counts["referrals"].items() if p == provider),
        "engaged": total(counts["engaged"], None, provider),
        "completed": total(counts["cases"], None, provider, CaseStatus.COMPLETED),
        "victims_supported": total(counts["engaged_victims"], None, provider),
    }
