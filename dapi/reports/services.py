"""Writes for evaluator extracts: approval and each audited download."""

from datetime import date

from django.db import transaction

from dapi.audit.services import acting_as, record_access
from dapi.lib.access import require
from dapi.lib.clock import today

from . import access
from .extracts import extract_zip
from .models import ExtractApproval, ExtractDownload


class ExtractExpired(Exception):
    """The approval's last day has passed: the evaluator can no longer download it."""

    def __init__(self, approval: ExtractApproval):
        super().__init__(f"This extract expired on {approval.expires_on:%-d %B %Y}.")
        self.approval = approval


def extract_approve(*, programme, evaluator, approved_on: date, expires_on: date, purpose: str, by) -> ExtractApproval:
    """Let `evaluator` download pseudonymised extracts of `programme` until `expires_on`.
    Commissioners and finance officers of the programme's lead commissioner (404 for anyone else,
    the system included: an approval names who approved it). The approval and its audit row are
    saved together."""
    require(access.can_approve_extract(by, programme))
    approval = ExtractApproval(programme=programme, evaluator=evaluator, approved_by=by, approved_on=approved_on,
                               expires_on=expires_on, purpose=purpose)
    approval.full_clean()
    with transaction.atomic(), acting_as(by):
        approval.save()
    return approval


def extract_download(*, approval: ExtractApproval, by) -> tuple[bytes, str]:
    """Build the bundle for a member of the approved evaluator (404 for anyone else, the system
    included: a download names who made it) and record the download and the read, together.
    Refuses (ExtractExpired) after the approval's last day."""
    require(access.can_download_extract(by, approval), "No such extract")
    if approval.expires_on < today():
        raise ExtractExpired(approval)
    with transaction.atomic():
        data, rows = extract_zip(approval.programme, approval.evaluator, approval)
        with acting_as(by):
            ExtractDownload.objects.create(approval=approval, downloaded_by=by, rows=rows)
        record_access(approval, by=by)
    return data, f"extract-{approval.programme.slug}-{approval.pk}.zip"
