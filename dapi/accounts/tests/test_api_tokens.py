"""API tokens: made once, kept only as a hash, expiring, revocable, and audited."""

import hashlib
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from dapi.accounts.models import ApiToken
from dapi.accounts.services import api_token_authenticate, api_token_create, api_token_revoke


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_a_token_is_stored_only_as_its_sha256(cast):
    token, plaintext = api_token_create(user=cast["commissioner"], name="spreadsheet", by=None)
    token.refresh_from_db()
    assert token.key_hash == hashlib.sha256(plaintext.encode()).hexdigest()
    stored = list(ApiToken.objects.values_list(flat=False))
    assert not any(plaintext in str(value) for row in stored for value in row)


def test_two_tokens_never_share_a_plaintext(cast):
    _, one = api_token_create(user=cast["commissioner"], name="one", by=None)
    _, two = api_token_create(user=cast["commissioner"], name="two", by=None)
    assert one != two


def test_a_token_authenticates_as_its_user_with_the_same_permissions_as_the_pages(cast, client):
    _, plaintext = api_token_create(user=cast["provider-manager"], name="returns", by=None)
    response = client.get("/api/agreements", headers=bearer(plaintext))
    assert response.status_code == 200
    assert {a["provider"]["name"] for a in response.json()["results"]} == {"Harbour Support Services"}
    assert client.get("/api/programmes/hampshire-perpetrator", headers=bearer(plaintext)).status_code == 404


def test_using_a_token_notes_when_it_was_last_used(cast, client):
    token, plaintext = api_token_create(user=cast["commissioner"], name="spreadsheet", by=None)
    assert token.last_used_at is None
    client.get("/api/programmes", headers=bearer(plaintext))
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_revoked_token_gets_401(cast, client):
    token, plaintext = api_token_create(user=cast["commissioner"], name="spreadsheet", by=None)
    assert client.get("/api/programmes", headers=bearer(plaintext)).status_code == 200
    api_token_revoke(token=token, by=None)
    response = client.get("/api/programmes", headers=bearer(plaintext))
    assert response.status_code == 401
    assert set(response.json()) == {"detail"}


def test_a_revoked_token_cannot_write_either(cast, client):
    token, plaintext = api_token_create(user=cast["commissioner"], name="spreadsheet", by=None)
    api_token_revoke(token=token, by=None)
    response = client.post("/api/resolutions", "{}", content_type="application/json", headers=bearer(plaintext))
    assert response.status_code == 401


@pytest.mark.parametrize("header", ["Bearer dapi_not-a-token", "Bearer ", "Token whatever", "Basic Zm9vOmJhcg=="])
def test_an_unknown_or_malformed_token_gets_401(header, seeded, client):
    assert client.get("/api/programmes", headers={"Authorization": header}).status_code == 401


def test_a_deactivated_users_token_gets_401(cast, client):
    _, plaintext = api_token_create(user=cast["commissioner"], name="spreadsheet", by=None)
    cast["commissioner"].is_active = False
    cast["commissioner"].save()
    assert client.get("/api/programmes", headers=bearer(plaintext)).status_code == 401
    assert api_token_authenticate(plaintext) is None


def test_making_and_revoking_a_token_is_audited_without_its_hash(cast):
    token, _ = api_token_create(user=cast["commissioner"], name="spreadsheet", by=cast["administrator"])
    api_token_revoke(token=token, by=cast["administrator"])
    entries = list(LogEntry.objects.get_for_object(token).order_by("timestamp"))
    assert [e.action for e in entries] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE]
    assert all(e.actor == cast["administrator"] for e in entries)
    assert all("key_hash" not in (e.changes_dict or {}) for e in entries)


def test_the_api_token_command_prints_a_working_token_once(cast, client):
    out, err = StringIO(), StringIO()
    call_command("api_token", "finance-officer", "--name", "budget model", stdout=out, stderr=err)
    plaintext = out.getvalue().strip()
    assert plaintext.startswith("dapi_")
    assert "shown once" in err.getvalue()
    assert ApiToken.objects.get(user=cast["finance-officer"]).name == "budget model"
    assert client.get("/api/programmes", headers=bearer(plaintext)).status_code == 200


def test_the_api_token_command_revokes_by_name(cast, client):
    out = StringIO()
    call_command("api_token", "finance-officer", "--name", "budget model", stdout=out, stderr=StringIO())
    plaintext = out.getvalue().strip()
    call_command("api_token", "finance-officer", "--name", "budget model", "--revoke", stdout=StringIO())
    assert client.get("/api/programmes", headers=bearer(plaintext)).status_code == 401


def test_the_api_token_command_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="No user called 'nobody'"):
        call_command("api_token", "nobody", "--name", "x")


# -- expiry and last use ------------------------------------------------------------------------

MADE = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def test_a_token_works_for_90_days_and_then_gets_401(cast, client):
    with time_machine.travel(MADE, tick=False):
        token, plaintext = api_token_create(user=cast["commissioner"], name="spreadsheet", by=None)
    assert token.expires_at == MADE + timedelta(days=90)
    with time_machine.travel(MADE + timedelta(days=90) - timedelta(seconds=1), tick=False):
        assert client.get("/api/programmes", headers=bearer(plaintext)).status_code == 200
    with time_machine.travel(MADE + timedelta(days=90), tick=False):
        response = client.get("/api/programmes", headers=bearer(plaintext))
        assert response.status_code == 401
        assert api_token_authenticate(plaintext) is None


def test_how_long_a_token_works_is_configuration(cast, client, settings):
    settings.DAPI_API_TOKEN_DAYS = 7
    with time_machine.travel(MADE, tick=False):
        token, plaintext = api_token_create(user=cast["commissioner"], name="spreadsheet", by=None)
    assert token.expires_at == MADE + timedelta(days=7)
    with time_machine.travel(MADE + timedelta(days=8), tick=False):
        assert client.get("/api/programmes", headers=bearer(plaintext)).status_code == 401


def token_writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].startswith("UPDATE") and "accounts_apitoken" in q["sql"]]


def test_last_use_is_written_at_most_once_a_minute(cast, client):
    with time_machine.travel(MADE, tick=False):
        token, plaintext = api_token_create(user=cast["commissioner"], name="spreadsheet", by=None)
        with CaptureQueriesContext(connection) as first:
            assert client.get("/api/programmes", headers=bearer(plaintext)).status_code == 200
    with time_machine.travel(MADE + timedelta(seconds=59), tick=False):
        with CaptureQueriesContext(connection) as again:
            assert client.get("/api/programmes", headers=bearer(plaintext)).status_code == 200
    token.refresh_from_db()
    assert len(token_writes(first.captured_queries)) == 1
    assert token_writes(again.captured_queries) == []
    assert token.last_used_at == MADE
    with time_machine.travel(MADE + timedelta(minutes=1), tick=False):
        assert client.get("/api/programmes", headers=bearer(plaintext)).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at == MADE + timedelta(minutes=1)


def test_the_api_token_command_says_when_the_token_expires(cast):
    err = StringIO()
    with time_machine.travel(MADE, tick=False):
        call_command("api_token", "finance-officer", "--name", "budget model", stdout=StringIO(), stderr=err)
    assert "working until 2027-02-21 10:00 UTC" in err.getvalue()


# -- who may revoke -----------------------------------------------------------------------------


def test_a_token_can_be_revoked_by_its_owner_and_their_organisations_administrator_only(cast):
    token, _ = api_token_create(user=cast["commissioner"], name="spreadsheet", by=None)
    for stranger in ("finance-officer", "provider-manager", "perpetrator-worker"):
        with pytest.raises(Http404):
            api_token_revoke(token=token, by=cast[stranger])
    token.refresh_from_db()
    assert not token.revoked
    api_token_revoke(token=token, by=cast["commissioner"])
    other, _ = api_token_create(user=cast["finance-officer"], name="budget", by=None)
    api_token_revoke(token=other, by=cast["administrator"])
    assert ApiToken.objects.filter(revoked=True).count() == 2


def test_an_administrator_cannot_revoke_a_token_outside_their_organisations(cast):
    token, _ = api_token_create(user=cast["perpetrator-worker"], name="case system", by=None)
    with pytest.raises(Http404):
        api_token_revoke(token=token, by=cast["administrator"])


def test_a_token_lifetime_under_a_day_is_a_startup_error(settings):
    from dapi.accounts.checks import accounts_settings

    settings.DAPI_API_TOKEN_DAYS = 0
    assert [e.id for e in accounts_settings(None)] == ["dapi.accounts.E003"]
