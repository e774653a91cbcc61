"""A ranking that failed part-way (its worker stopped, the database went away) says so, and the
force's analysts can run it again from the file that is still held."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from dapi.identification.models import IncidentImport, RankedPerpetrator

from .test_identification_pages import upload


def failed_import(client) -> IncidentImport:
    """An uploaded file whose ranking failed: the state the task leaves when it is stopped
    (tasks.rank_import), with nothing of the attempt kept."""
    imp = IncidentImport.objects.get(pk=upload(client).url.rstrip("/").rsplit("/", 1)[-1])
    RankedPerpetrator.objects.filter(incident_import=imp).delete()
    IncidentImport.objects.filter(pk=imp.pk).update(status="failed", progress="", rows=None, perpetrators=None)
    return IncidentImport.objects.get(pk=imp.pk)


def test_a_failed_ranking_says_so_and_running_it_again_ranks_the_held_file(cast, client_for):
    client = client_for(cast["police-analyst"])
    imp = failed_import(client)
    page = client.get(reverse("identification:import_detail", args=[imp.pk])).content.decode()
    assert "The ranking failed before it finished" in page and "Run the ranking again" in page

    response = client.post(reverse("identification:import_rerun", args=[imp.pk]), follow=True)

    imp.refresh_from_db()
    assert (imp.status, imp.rows, imp.perpetrators) == ("done", 5, 3)
    assert list(RankedPerpetrator.objects.filter(incident_import=imp).values_list("perpetrator_id", flat=True)) == [
        "P2", "P1"]
    assert "The ranking is queued again." in response.content.decode()
    assert LogEntry.objects.get_for_object(imp).filter(actor=cast["police-analyst"], changes__icontains="queued")


def test_only_a_failed_ranking_can_be_run_again(cast, client_for):
    client = client_for(cast["police-analyst"])
    imp = IncidentImport.objects.get(pk=upload(client).url.rstrip("/").rsplit("/", 1)[-1])
    response = client.post(reverse("identification:import_rerun", args=[imp.pk]), follow=True)
    assert "Only a failed ranking can be run again; this import is ranked." in response.content.decode()
    assert IncidentImport.objects.get(pk=imp.pk).status == "done"
    assert RankedPerpetrator.objects.filter(incident_import=imp).count() == 2


@pytest.mark.parametrize("username", ["commissioner", "provider-manager", "perpetrator-worker", "panel-member",
                                      "administrator"])
def test_no_one_but_the_forces_analysts_can_run_a_ranking_again(cast, client_for, username):
    imp = failed_import(client_for(cast["police-analyst"]))
    other = client_for(cast[username])
    assert other.post(reverse("identification:import_rerun", args=[imp.pk])).status_code == 404
    assert IncidentImport.objects.get(pk=imp.pk).status == "failed"
