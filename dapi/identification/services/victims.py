"""The stored police incidents of victims: written by the background tasks (tasks.py) as the system,
each victim's replaced in one transaction with its audit entry. As for outcomes
(services/outcomes.py), the entries name the analyst whose upload the incidents come from, and
record which import they come from, never her identifier or the dates."""

from django.db import transaction

from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require

from ..models import IncidentImport, VictimIncidents
from ..victims import Found


def victim_incidents_save(*, incident_import: IncidentImport, found: list[Found], by) -> int:
    """Store each victim's incident dates (replacing what was stored for her). Only the system
    computes them (404 for a person). All or nothing; one audit entry per victim. Returns how many
    were stored."""
    require(is_system(by))
    with transaction.atomic(), acting_as(incident_import.uploaded_by):
        for f in found:
            VictimIncidents.objects.update_or_create(member=f.member, defaults={
                "incident_import": incident_import, "police_person_id": f.police_person_id,
                "incident_dates": [d.isoformat() for d in f.dates]})
    return len(found)


def victim_incidents_clear(*, member_ids, by) -> int:
    """Remove the stored incidents of victims that no longer have any to count (no police
    identifier, no ranked import of the referring force). Only the system; audited per victim."""
    require(is_system(by))
    removed = 0
    with transaction.atomic():
        for stored in VictimIncidents.objects.filter(member__in=member_ids).select_related(
                "incident_import__uploaded_by"):
            with acting_as(stored.incident_import.uploaded_by):
                stored.delete()
            removed += 1
    return removed
