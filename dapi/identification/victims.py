"""The police incidents of victims of police-referred cases, for the MARAC escalation criterion
(DOMAIN.md section 5; issue 17, item 8).

Where the data allows: a victim linked to a case whose referral carries a force's police identifier,
with a police identifier of her own (`IdentifyingDetails.police_person_id`). Her incidents are the
rows of that force's newest ranked import naming her as the victim (any perpetrator), never another
force's, and with no fallback, as for the case's own outcomes (outcomes.py). They are computed by
the background tasks (tasks.py) when such an import is ranked and when her identifier is set, and
stored (`VictimIncidents`); the cases app reads the stored dates through
settings.DAPI_VICTIM_INCIDENT_DATES (`stored_incident_dates`) when a DASH is recorded.
"""

from dataclasses import dataclass
from datetime import date

import polars as pl
from django.db.models import QuerySet

from dapi.cases.models import CaseMember, MemberRole

from .engine import Profile, victim_incident_dates
from .models import IncidentImport, VictimIncidents


@dataclass
class Found:
    """One victim's incidents as computed, ready to store."""

    member: CaseMember
    police_person_id: str
    dates: list[date]


def police_victims(members: QuerySet[CaseMember] | None = None) -> list[tuple[CaseMember, int, str]]:
    """(victim, referring force, her police identifier) for each victim (of `members`, or all) of a
    case referred with a force's police identifier, who has a police identifier of her own."""
    members = CaseMember.objects.all() if members is None else members
    rows = members.filter(role=MemberRole.VICTIM, case__referral__isnull=False,
                          person__identifying_details__isnull=False).exclude(
        case__referral__police_perpetrator_id="").exclude(person__identifying_details__police_person_id="") \
        .select_related("case__referral", "person__identifying_details").order_by("pk")
    return [(m, m.case.referral.referring_organisation_id, m.person.identifying_details.police_person_id)
            for m in rows]


def force_victims(force_id: int) -> list[tuple[CaseMember, str]]:
    """(victim, her police identifier) of the cases the force referred with its identifier."""
    return [(m, pid) for m, force, pid in police_victims(CaseMember.objects.filter(
        case__referral__referring_organisation_id=force_id))]


def compute(incidents: pl.LazyFrame, incident_import: IncidentImport, victims: list[tuple[CaseMember, str]],
            profile: Profile) -> list[Found]:
    """The incident dates of `victims` (each of a case referred by the import's force) from
    `incidents`, the import's validated rows (all of them, or those naming these victims)."""
    if not victims:
        return []
    dates = victim_incident_dates(incidents, [pid for _, pid in victims], incident_import.as_of, profile)
    return [Found(member=m, police_person_id=pid, dates=dates[pid]) for m, pid in victims]


def stored_incident_dates(member: CaseMember) -> list[date]:
    """The dates of her stored police incidents (settings.DAPI_VICTIM_INCIDENT_DATES): none where the
    data does not allow (no police referral, no police identifier of hers), none computed yet, or
    computed for an identifier she no longer has."""
    stored = VictimIncidents.objects.filter(member=member).select_related("member__person__identifying_details") \
        .first()
    if stored is None:
        return []
    details = getattr(stored.member.person, "identifying_details", None)
    if details is None or details.police_person_id != stored.police_person_id:
        return []
    return [date.fromisoformat(d) for d in stored.incident_dates]
