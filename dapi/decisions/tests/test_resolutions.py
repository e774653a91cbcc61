"""Resolutions of panels and boards: overdue first, recorded and changed by commissioners."""

from html import unescape

from django.urls import reverse

from dapi.decisions.models import Meeting, Resolution


def meeting():
    return Meeting.objects.get(title__startswith="Police and Crime Panel")


def statement():
    return Resolution.objects.get(number="2", meeting=meeting())


def test_overdue_resolutions_come_first(cast, client_for):
    response = client_for(cast["commissioner"]).get(reverse("decisions:resolution_list") + "?today=2023-04-01")
    html = unescape(response.content.decode())
    overdue, upcoming = html.split('id="open"')
    assert "short-written statement" in overdue
    assert "copy of the evaluation" in upcoming
    assert "copy of the evaluation" not in overdue
    assert "contents of the report be noted" not in html  # done


def test_before_the_due_dates_nothing_is_overdue(cast, client_for):
    response = client_for(cast["commissioner"]).get(reverse("decisions:resolution_list") + "?today=2023-02-01")
    assert "No open resolution is past its due date." in unescape(response.content.decode())


def test_panel_member_sees_their_panels_resolutions_but_may_not_change_them(cast, client_for):
    client = client_for(cast["panel-member"])
    html = unescape(client.get(reverse("decisions:meeting_detail", args=[meeting().pk])).content.decode())
    assert "short-written statement" in html
    assert "Add resolution" not in html
    assert client.get(reverse("decisions:resolution_edit", args=[statement().pk])).status_code == 404
    assert client.get(reverse("decisions:resolution_create", args=[meeting().pk])).status_code == 404


def test_provider_manager_of_another_area_gets_404_on_the_meeting(cast, client_for):
    assert client_for(cast["provider-manager"]).get(
        reverse("decisions:meeting_detail", args=[meeting().pk])).status_code == 404


def test_commissioner_records_a_resolution(cast, client_for):
    response = client_for(cast["commissioner"]).post(
        reverse("decisions:resolution_create", args=[meeting().pk]),
        {"number": "4", "text": "That a contingency plan be brought to the next panel.", "owner": "OPCC",
         "due_on": "2023-06-30", "trigger": "", "status": "open", "completed_on": ""})
    assert response.status_code == 302
    assert meeting().resolutions.filter(number="4", owner="OPCC").exists()


def test_a_resolution_without_text_is_refused(cast, client_for):
    before = Resolution.objects.count()
    response = client_for(cast["commissioner"]).post(
        reverse("decisions:resolution_create", args=[meeting().pk]), {"number": "4", "text": "", "status": "open"})
    assert 'id="id_text-error"' in response.content.decode()
    assert Resolution.objects.count() == before


def edit(resolution, **overrides):
    d = {"number": resolution.number, "text": resolution.text, "owner": resolution.owner, "due_on": "2023-03-17",
         "trigger": resolution.trigger, "status": "open", "completed_on": "", "version": str(resolution.version)}
    d.update(overrides)
    return d


def test_commissioner_marks_a_resolution_done(cast, client_for):
    resolution = statement()
    response = client_for(cast["commissioner"]).post(
        reverse("decisions:resolution_edit", args=[resolution.pk]), edit(resolution, status="done", completed_on="2023-03-20"))
    assert response.status_code == 302
    resolution.refresh_from_db()
    assert resolution.status == "done"
    assert resolution.version == 2


def test_an_edit_from_a_stale_version_shows_the_conflict(cast, client_for):
    resolution = statement()
    stale = edit(resolution, owner="Me")
    client = client_for(cast["commissioner"])
    client.post(reverse("decisions:resolution_edit", args=[resolution.pk]), edit(resolution, owner="Them"))
    response = client.post(reverse("decisions:resolution_edit", args=[resolution.pk]), stale)
    assert "This resolution was changed by someone else after you opened it." in unescape(response.content.decode())
    resolution.refresh_from_db()
    assert resolution.owner == "Them"
