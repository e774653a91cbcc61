"""The API tokens page: owners list and revoke their own tokens; an administrator lists and revokes
those of their organisation's users; nobody else sees them (404, as for a token that is not there)."""

from datetime import UTC, datetime, timedelta
from html import unescape

import time_machine
from auditlog.models import LogEntry
from django.urls import reverse

from dapi.accounts.models import ApiToken
from dapi.accounts.services import api_token_create

MADE = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def bearer(plaintext):
    return {"Authorization": f"Bearer {plaintext}"}


def page(client) -> str:
    response = client.get(reverse("api_token_list"))
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_the_owner_sees_when_each_token_was_made_expires_and_was_last_used(cast, client_for, client):
    with time_machine.travel(MADE, tick=False):
        _, plaintext = api_token_create(user=cast["commissioner"], name="budget spreadsheet", by=None)
        api_token_create(user=cast["commissioner"], name="never used", by=None)
    with time_machine.travel(MADE + timedelta(hours=2), tick=False):
        assert client.get("/api/programmes", headers=bearer(plaintext)).status_code == 200
    html = page(client_for(cast["commissioner"]))
    assert "Your tokens" in html
    assert "budget spreadsheet" in html and "never used" in html
    assert "23 Nov 2026 10:00" in html  # made
    assert "21 Feb 2027 10:00" in html  # expires, 90 days on
    assert "23 Nov 2026 12:00" in html  # last used
    assert "Never" in html
    assert "Tokens of your organisation's users" not in html
    assert plaintext not in html


def test_the_owner_revokes_a_token_and_it_stops_working(cast, client_for):
    token, plaintext = api_token_create(user=cast["commissioner"], name="spreadsheet", by=None)
    client = client_for(cast["commissioner"])
    confirm = client.get(reverse("api_token_revoke", args=[token.pk]))
    assert confirm.status_code == 200
    assert "Revoke the API token “spreadsheet”" in unescape(confirm.content.decode())
    token.refresh_from_db()
    assert not token.revoked  # opening the page changes nothing
    response = client.post(reverse("api_token_revoke", args=[token.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("api_token_list")
    token.refresh_from_db()
    assert token.revoked
    assert client.get("/api/programmes", headers=bearer(plaintext)).status_code == 401
    html = page(client)
    assert "Revoked" in html and "is revoked: it no longer works" in html


def test_an_administrator_lists_and_revokes_the_tokens_of_their_organisations_users(cast, client_for):
    # The demo administrator administers Cleveland's OPCC, where the finance officer works.
    token, plaintext = api_token_create(user=cast["finance-officer"], name="budget model", by=None)
    outside, _ = api_token_create(user=cast["perpetrator-worker"], name="case system", by=None)
    client = client_for(cast["administrator"])
    html = page(client)
    assert "Tokens of your organisation's users" in html
    assert "budget model" in html and "finance-officer" in html
    assert "case system" not in html
    assert client.post(reverse("api_token_revoke", args=[token.pk])).status_code == 302
    token.refresh_from_db()
    assert token.revoked
    entry = LogEntry.objects.get_for_object(token).get(action=LogEntry.Action.UPDATE)
    assert entry.actor == cast["administrator"] and set(entry.changes_dict) == {"revoked"}
    assert client.post(reverse("api_token_revoke", args=[outside.pk])).status_code == 404
    outside.refresh_from_db()
    assert not outside.revoked


def test_nobody_else_sees_or_revokes_a_token(cast, client_for):
    token, plaintext = api_token_create(user=cast["commissioner"], name="spreadsheet", by=None)
    missing = ApiToken.objects.order_by("-pk").first().pk + 1
    # A colleague in the same organisation, and someone elsewhere: the same 404 as a token that is not there.
    for username in ("finance-officer", "provider-manager"):
        client = client_for(cast[username])
        assert "spreadsheet" not in page(client)
        for url in (reverse("api_token_revoke", args=[token.pk]), reverse("api_token_revoke", args=[missing])):
            assert client.get(url).status_code == 404
            assert client.post(url).status_code == 404
        client.post(reverse("logout"))
    token.refresh_from_db()
    assert not token.revoked


def test_signed_out_the_pages_ask_for_sign_in(cast, client):
    token, _ = api_token_create(user=cast["commissioner"], name="spreadsheet", by=None)
    for url in (reverse("api_token_list"), reverse("api_token_revoke", args=[token.pk])):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert client.post(reverse("api_token_revoke", args=[token.pk])).status_code == 302
    token.refresh_from_db()
    assert not token.revoked


def test_an_expired_token_is_shown_as_expired_and_offers_no_revoke(cast, client_for):
    with time_machine.travel(MADE, tick=False):
        token, _ = api_token_create(user=cast["commissioner"], name="old report", by=None)
    with time_machine.travel(MADE + timedelta(days=91), tick=False):
        html = page(client_for(cast["commissioner"]))
    assert "Expired" in html
    assert reverse("api_token_revoke", args=[token.pk]) not in html


def test_the_navigation_offers_the_page_to_token_owners_and_administrators(cast, client_for):
    api_token_create(user=cast["commissioner"], name="spreadsheet", by=None)
    link = f'href="{reverse("api_token_list")}"'
    for username, shown in (("commissioner", True), ("administrator", True), ("panel-member", False)):
        client = client_for(cast[username])
        assert (link in client.get(reverse("home")).content.decode()) is shown, username
        client.post(reverse("logout"))
