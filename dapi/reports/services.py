"""Writes for evaluator extracts (approval and each audited download) and the audited downloads of
open data and Home Office returns."""

from datetime import date

from auditlog.models import LogEntry
from django.db import transaction

from dapi.audit.services import acting_as, record_access
from dapi.lib.access import require
from dapi.lib.clock import today

from . import access
from .extracts import extract_zip
from .models import ExtractApproval, ExtractDownload
from .opendata import FORMATS, OpenDataFile, open_data_file
from .periods import Quarter
from .returns import home_office_csv


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


# -- downloads -------------------------------------------------------------------------------------

def _log_download(programmes, *, by, note: str) -> None:
    """An `access` audit entry on each programme a download held, naming what was downloaded."""
    with acting_as(by):
        for programme in programmes:
            LogEntry.objects.log_create(programme, force_log=True, action=LogEntry.Action.ACCESS, changes=None,
                                        additional_data={"note": note})


def open_data_download(*, standard: str, fmt: str, uri: str, by) -> OpenDataFile:
    """The 360Giving package or sheet, or the OCDS release package, of the programmes `by` publishes
    (access.open_data_programme_list_for; 404 for anyone else, and for a format there is not), built as
    `dapi export` builds it, and its download written to the audit log on each of those programmes.
    NothingToPublish when they hold nothing to publish."""
    require((standard, fmt) in FORMATS, "No such download")
    programmes = list(access.programmes_to_publish(by))
    file = open_data_file(standard, fmt, uri=uri, programmes=programmes)
    with transaction.atomic():
        _log_download(programmes, by=by, note=f"Downloaded {file.filename}: {file.summary}")
    return file


def home_office_return_download(*, programme, quarter: Quarter, as_of: date, by) -> tuple[str, str]:
    """The Home Office return of `programme` (fetched through access.home_office_programme_get_for) for
    `quarter` as of `as_of`, as `dapi report home-office` writes it, and its file name; the download is
    written to the audit log on the programme."""
    require(access.open_data_programme_list_for(by).filter(pk=programme.pk).exists(), "No such programme")
    text = home_office_csv(programme, quarter, as_of)
    code = f"{quarter.year.start_year}Q{quarter.number}"
    with transaction.atomic():
        _log_download([programme], by=by, note=f"Downloaded the Home Office return for {code} as of {as_of.isoformat()}")
    return text, f"home-office-return-{programme.slug}-{code}.csv"
