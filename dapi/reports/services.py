"""Writes for evaluator extracts: approval and each audited download."""

from datetime import date

from django.db import transaction

from dapi.audit.services import acting_as, record_access

from .extracts import extract_zip
from .models import ExtractApproval, ExtractDownload


@transaction.atomic
def extract_approve(*, programme, evaluator, approved_on: date, expires_on: date, purpose: str, by) -> ExtractApproval:
    """A commissioner or finance officer of the programme's lead commissioner approves (views check)."""
    approval = ExtractApproval(programme=programme, evaluator=evaluator, approved_by=by, approved_on=approved_on,
                               expires_on=expires_on, purpose=purpose)
    approval.full_clean()
    with acting_as(by):
        approval.save()
    return approval


@transaction.atomic
def extract_download(*, approval: ExtractApproval, by) -> tuple[bytes, str]:
    """Build the bundle for a member of the approved evaluator and record the download (views
    check the member and the expiry)."""
    data, rows = extract_zip(approval.programme, approval.evaluator, approval)
    with acting_as(by):
        ExtractDownload.objects.create(approval=approval, downloaded_by=by, rows=rows)
    record_access(approval, by=by)
    return data, f"extract-{approval.programme.slug}-{approval.pk}.zip"
