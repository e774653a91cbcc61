"""Lockout after wrong passwords (django-axes), on the username-and-address pair, with the client's
address taken from the connection or, behind trusted proxies, from their forwarding header."""

from html import unescape

import pytest
import time_machine
from auditlog.models import LogEntry
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

WRONG = "not-the-password"
ATTACKER = "203.0.113.5"
COLLEAGUE = "198.51.100.7"
PROXY = "10.0.0.1"


def attempt(client, username, password, address, forwarded=None, header="HTTP_X_FORWARDED_FOR"):
    extra = {"REMOTE_ADDR": address}
    if forwarded is not None:
        extra[header] = forwarded
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def lock(client, username, address, forwarded=None):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, username, WRONG, address, forwarded)


# -- a direct deployment (no proxy trusted, the default) ----------------------------------------


def test_no_proxy_is_trusted_by_default():
    assert settings.DAPI_TRUSTED_PROXY_COUNT == 0
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_failures_for_made_up_usernames_lock_nobody_else_out_of_that_address(cast, client):
    for n in range(3 * settings.AXES_FAILURE_LIMIT):
        assert attempt(client, f"no-such-user-{n % 3}", WRONG, ATTACKER).status_code in (200, 429)
    assert attempt(client, "commissioner", settings.DEMO_PASSWORD, ATTACKER).status_code == 302


def test_a_username_locked_from_one_address_still_signs_in_from_another(cast, client):
    lock(client, "commissioner", ATTACKER)
    locked = attempt(client, "commissioner", settings.DEMO_PASSWORD, ATTACKER)
    assert locked.status_code == 429
    assert "This account is locked for now" in unescape(locked.content.decode())
    assert attempt(client, "commissioner", settings.DEMO_PASSWORD, COLLEAGUE).status_code == 302


def test_a_forwarded_header_is_ignored_when_no_proxy_is_trusted(cast, client):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "commissioner", WRONG, ATTACKER, forwarded=f"192.0.2.{n}")
    assert attempt(client, "commissioner", settings.DEMO_PASSWORD, ATTACKER, forwarded="192.0.2.99").status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


def test_tries_during_a_lockout_do_not_extend_it(cast, client):
    with time_machine.travel("2026-11-23 09:00:00+00:00", tick=False):
        lock(client, "commissioner", ATTACKER)
    locked_at = AccessAttempt.objects.get(username="commissioner").attempt_time
    with time_machine.travel("2026-11-23 09:20:00+00:00", tick=False):
        assert attempt(client, "commissioner", WRONG, ATTACKER).status_code == 429
        assert attempt(client, "commissioner", settings.DEMO_PASSWORD, ATTACKER).status_code == 429
    attempt_row = AccessAttempt.objects.get(username="commissioner")
    assert attempt_row.attempt_time == locked_at
    assert attempt_row.failures_since_start == settings.AXES_FAILURE_LIMIT
    with time_machine.travel("2026-11-23 09:31:00+00:00", tick=False):
        assert attempt(client, "commissioner", settings.DEMO_PASSWORD, ATTACKER).status_code == 302


# -- behind trusted proxies ---------------------------------------------------------------------


@pytest.fixture
def one_proxy(settings):
    settings.DAPI_TRUSTED_PROXY_COUNT = 1


def test_behind_a_proxy_the_lockout_is_per_client_not_per_proxy(cast, client, one_proxy):
    lock(client, "commissioner", PROXY, forwarded=ATTACKER)
    assert attempt(client, "commissioner", settings.DEMO_PASSWORD, PROXY, forwarded=ATTACKER).status_code == 429
    assert attempt(client, "commissioner", settings.DEMO_PASSWORD, PROXY, forwarded=COLLEAGUE).status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


def test_behind_a_proxy_a_client_cannot_choose_its_address_by_writing_the_header(cast, client, one_proxy):
    # The client sends its own X-Forwarded-For; the proxy appends the address it really came from.
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "commissioner", WRONG, PROXY, forwarded=f"192.0.2.{n}, {ATTACKER}")
    assert attempt(client, "commissioner", settings.DEMO_PASSWORD, PROXY,
                   forwarded=f"{COLLEAGUE}, {ATTACKER}").status_code == 429


def test_behind_two_proxies_the_client_is_the_second_address_from_the_right(cast, client, settings):
    settings.DAPI_TRUSTED_PROXY_COUNT = 2
    lock(client, "commissioner", PROXY, forwarded=f"192.0.2.1, {ATTACKER}, 10.0.0.2")
    assert attempt(client, "commissioner", settings.DEMO_PASSWORD, PROXY,
                   forwarded=f"{COLLEAGUE}, {ATTACKER}, 10.0.0.2").status_code == 429
    assert attempt(client, "commissioner", settings.DEMO_PASSWORD, PROXY,
                   forwarded=f"{ATTACKER}, {COLLEAGUE}, 10.0.0.2").status_code == 302


def test_behind_a_proxy_a_request_without_the_header_or_with_garbage_counts_as_the_connection(cast, client,
                                                                                               one_proxy):
    attempt(client, "commissioner", WRONG, PROXY)
    attempt(client, "commissioner", WRONG, PROXY, forwarded="not-an-address")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {PROXY}


def test_the_trusted_header_is_configuration(cast, client, one_proxy, settings):
    settings.DAPI_TRUSTED_PROXY_HEADER = "X-Real-IP"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "commissioner", WRONG, PROXY, forwarded=ATTACKER, header="HTTP_X_REAL_IP")
    assert attempt(client, "commissioner", settings.DEMO_PASSWORD, PROXY, forwarded=COLLEAGUE,
                   header="HTTP_X_REAL_IP").status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


# -- the audit log's address --------------------------------------------------------------------


def enrolment_entry_address(client_for, user, **extra):
    """Open the enrolment page (it starts an authenticator, an audited write) and return the address
    its audit row records."""
    client_for(user).get(reverse("two_factor_setup"), **extra)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    return LogEntry.objects.get(content_type=ContentType.objects.get_for_model(TOTPDevice),
                                object_pk=str(device.pk), action=LogEntry.Action.CREATE).remote_addr


def test_the_audit_log_records_the_connection_not_a_forged_header(cast, client_for):
    address = enrolment_entry_address(client_for, cast["panel-member"], REMOTE_ADDR=COLLEAGUE,
                                      HTTP_X_FORWARDED_FOR="192.0.2.66")
    assert address == COLLEAGUE


def test_behind_a_proxy_the_audit_log_records_the_client(cast, client_for, one_proxy):
    address = enrolment_entry_address(client_for, cast["panel-member"], REMOTE_ADDR=PROXY,
                                      HTTP_X_FORWARDED_FOR=f"192.0.2.66, {COLLEAGUE}")
    assert address == COLLEAGUE


def test_a_negative_proxy_count_is_a_startup_error(settings):
    from dapi.accounts.checks import accounts_settings

    settings.DAPI_TRUSTED_PROXY_COUNT = -1
    assert [e.id for e in accounts_settings(None)] == ["dapi.accounts.E002"]
