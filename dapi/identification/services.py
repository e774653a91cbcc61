"""Writes: uploading an incident file (ranked in the background) and referring from a ranking."""

from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.accounts.models import Area
from dapi.audit.services import acting_as
from dapi.cases.models import LawfulBasis, ReferralSource
from dapi.cases.services.referrals import referral_of_new_person_create
from dapi.lib.clock import today

from .models import ImportStatus, IncidentImport
from .tasks import rank_import

ALLOWED = (".csv", ".parquet")


def incident_import_create(*, organisation, upload, as_of, by) -> IncidentImport:
    """Keep the file and queue its ranking. Police analysts of `organisation` (views check)."""
    suffix = Path(upload.name).suffix.lower()
    if suffix not in ALLOWED:
        raise ValidationError({"file": f"Upload a .csv or .parquet file of incidents, not {suffix or 'this'}."})
    with transaction.atomic(), acting_as(by):
        incident_import = IncidentImport(organisation=organisation, uploaded_by=by, as_of=as_of,
                                         original_name=Path(upload.name).name[:200])
        incident_import.file.save(f"import{suffix}", upload, save=False)
        incident_import.save()
        # The queue is a table in the same database: the import and its task commit together, so
        # no import is ever left waiting for a task that was never queued.
        rank_import.enqueue(incident_import.pk)
    return incident_import


def incident_import_rerun(*, incident_import: IncidentImport, by) -> IncidentImport:
    """Queue the ranking of an import again after it failed. Police analysts of its organisation
    (views check). The file is still held: only a rejected file is deleted, and that is final."""
    if incident_import.status != ImportStatus.FAILED:
        raise ValidationError(f"Only a failed ranking can be run again; this import is "
                              f"{incident_import.get_status_display().lower()}.")
    with transaction.atomic(), acting_as(by):
        incident_import.status, incident_import.progress, incident_import.finished_at = ImportStatus.QUEUED, "", None
        incident_import.save(update_fields=["status", "progress", "finished_at"])
        rank_import.enqueue(incident_import.pk)
    return incident_import


def refer_from_ranking(*, ranked, programme, provider, reason: str, by):
    """Refer a ranked perpetrator into a programme: a new pseudonymous person and a Referral
    carrying his RFGV score, profile, rank in his area, area and police identifier."""
    incident_import = ranked.incident_import
    area = Area.objects.filter(name=ranked.area).first()
    if not reason.strip():
        raise ValidationError({"reason": "Say why this programme fits him."})
    return referral_of_new_person_create(
        by=by, programme=programme, provider=provider, source=ReferralSource.POLICE,
        referring_organisation=incident_import.organisation, received_on=today(), reason=reason,
        lawful_basis=LawfulBasis.LAW_ENFORCEMENT, matac_checked=True, matac_rank=ranked.rank, area=area,
        police_perpetrator_id=ranked.perpetrator_id, rfgv_score=Decimal(f"{ranked.score:.4f}"),
        rfgv_profile=incident_import.profile_version)
