"""The administrators' audit log page."""

from html import unescape

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from dapi.accounts.models import Membership, Organisation, Role, User
from dapi.audit.services import acting_as


def get(client, query=""):
    response = client.get(reverse("audit:log") + query)
    return response, unescape(response.content.decode())


def test_commissioner_gets_404(cast, client_for):
    assert get(client_for(cast["commissioner"]))[0].status_code == 404


def test_outsider_gets_404(seeded, outsider, client_for):
    assert get(client_for(outsider))[0].status_code == 404


def test_administrator_sees_their_organisations_entries_newest_first(cast, client_for):
    change_website(CLEVELAND, cast["commissioner"], "https://example.org/first-change")
    change_website(CLEVELAND, cast["commissioner"], "https://example.org/second-change")
    response, html = get(client_for(cast["administrator"]), f"?action={LogEntry.Action.UPDATE}")
    assert response.status_code == 200
    first, second = LogEntry.objects.filter(action=LogEntry.Action.UPDATE).order_by("pk")
    assert "2 entries" in html
    def shown(entry):
        return f'{entry.timestamp:%-d %b %Y}</span> <span class="dapi-nowrap">{entry.timestamp:%H:%M:%S}</span>'

    assert html.index(shown(second)) <= html.index(shown(first))
    assert html.count('<td class="govuk-table__cell">commissioner') == 2


def test_entries_are_paginated_fifty_a_page(cast, client_for):
    for n in range(55):
        change_website(CLEVELAND, cast["administrator"], f"https://example.org/change-{n}")
    total = LogEntry.objects.filter(actor=cast["administrator"]).count()
    assert 50 < total < 100
    _, html = get(client_for(cast["administrator"]), "?actor=administrator")
    assert html.count('<tr class="govuk-table__row">') == 50 + 1  # and the header row
    _, html = get(client_for(cast["administrator"]), "?actor=administrator&page=2")
    assert f"{total} entries" in html
    assert html.count('<tr class="govuk-table__row">') == total - 50 + 1


CLEVELAND = "Office of the Police and Crime Commissioner for Cleveland"


def change_website(organisation_name, by, website):
    organisation = Organisation.objects.get(name=organisation_name)
    with acting_as(by):
        organisation.website = website
        organisation.save()


def test_filtering_by_action_shows_only_that_action(cast, client_for):
    change_website("Jenkins Centre", cast["administrator"], "https://example.org/updated-for-the-audit-test")
    _, html = get(client_for(cast["administrator"]), f"?action={LogEntry.Action.UPDATE}")
    assert "1 entry" in html
    assert ">Update</strong>" in html
    assert ">Create</strong>" not in html
    assert "website" in html  # the changed field's name
    assert "updated-for-the-audit-test" not in html  # never its value


def test_filtering_by_object_type_and_actor(cast, client_for):
    # The seeds are loaded by the system (no actor): the administrator's own change is the one to find.
    change_website("Jenkins Centre", cast["administrator"], "https://example.org/changed-by-the-administrator")
    organisation_type = ContentType.objects.get_for_model(Organisation)
    _, html = get(client_for(cast["administrator"]), f"?content_type={organisation_type.pk}&actor=administrator")
    assert "1 entry" in html and "Jenkins Centre" in html
    _, html = get(client_for(cast["administrator"]), f"?content_type={organisation_type.pk}")
    # The administrator's own change, and the system's creation of their own organisation (not of the others).
    assert "2 entries" in html and CLEVELAND in html
    _, html = get(client_for(cast["administrator"]), "?actor=commissioner")
    assert "0 entries" in html


def test_filtering_by_dates(cast, client_for):
    _, html = get(client_for(cast["administrator"]), "?date_to=2000-01-01")
    assert "0 entries" in html
    _, html = get(client_for(cast["administrator"]), "?date_from=not-a-date")
    assert "Enter a real date" in html


def test_administrator_does_not_see_what_members_of_other_organisations_did(cast, client_for):
    stranger = User.objects.create_user("stranger", password="stranger-password-123")
    Membership.objects.create(user=stranger, organisation=Organisation.objects.get(name="Jenkins Centre"),
                              role=Role.PROVIDER_MANAGER)
    change_website("Jenkins Centre", stranger, "https://example.org/changed-by-a-stranger")
    _, html = get(client_for(cast["administrator"]), f"?action={LogEntry.Action.UPDATE}")
    assert "stranger" not in html
    assert "0 entries" in html
