"""Extract approvals and downloads go through services that check who is asking, write their audit
rows with the change, and write nothing when they refuse (reports/services.py)."""

from datetime import date

import pytest
import time_machine
from auditlog.models import LogEntry
from django.http import Http404

from dapi.accounts.models import Organisation
from dapi.funding.models import Programme
from dapi.reports.models import ExtractApproval, ExtractDownload
from dapi.reports.services import ExtractExpired, extract_approve, extract_download


def approve(by):
    return extract_approve(programme=Programme.objects.get(slug="cleveland-complex-needs"),
                           evaluator=Organisation.objects.get(name="Barefoot Social Research"),
                           approved_on=date(2024, 1, 10), expires_on=date(2024, 4, 10), purpose="Evaluation", by=by)


@pytest.fixture
def approval(cast):
    return approve(cast["commissioner"])


def test_an_approval_is_audited_as_the_approvers(cast, approval):
    entry = LogEntry.objects.get_for_object(approval).get()
    assert (entry.actor, entry.action) == (cast["commissioner"], LogEntry.Action.CREATE)


@pytest.mark.parametrize("username", ["provider-manager", "panel-member", "evaluator", "administrator", None])
def test_an_approval_by_anyone_but_the_lead_commissioners_staff_is_refused_and_writes_nothing(cast, username):
    with pytest.raises(Http404):
        approve(cast[username] if username else None)
    assert not ExtractApproval.objects.exists()
    assert not LogEntry.objects.filter(content_type__model="extractapproval").exists()


@time_machine.travel("2024-02-01 12:00")
def test_a_download_is_recorded_and_audited_as_the_evaluators(cast, approval):
    data, name = extract_download(approval=approval, by=cast["evaluator"])
    assert data.startswith(b"PK") and name == f"extract-cleveland-complex-needs-{approval.pk}.zip"
    download = ExtractDownload.objects.get()
    assert LogEntry.objects.get_for_object(download).get().actor == cast["evaluator"]
    assert LogEntry.objects.get_for_object(approval).filter(action=LogEntry.Action.ACCESS,
                                                            actor=cast["evaluator"]).exists()


@time_machine.travel("2024-02-01 12:00")
@pytest.mark.parametrize("username", ["commissioner", "finance-officer", "provider-manager", "panel-member", None])
def test_a_download_by_anyone_but_the_evaluators_members_is_refused_and_writes_nothing(cast, approval, username):
    before = LogEntry.objects.count()
    with pytest.raises(Http404):
        extract_download(approval=approval, by=cast[username] if username else None)
    assert not ExtractDownload.objects.exists() and LogEntry.objects.count() == before


@time_machine.travel("2024-04-11 09:00")
def test_a_download_after_the_approvals_last_day_is_refused_and_writes_nothing(cast, approval):
    before = LogEntry.objects.count()
    with pytest.raises(ExtractExpired, match="expired on 10 April 2024"):
        extract_download(approval=approval, by=cast["evaluator"])
    assert not ExtractDownload.objects.exists() and LogEntry.objects.count() == before
