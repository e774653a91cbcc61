"""Two-factor sign-in (TOTP): required for every role that can see case or person-level data and for
commissioners and finance officers (the roles are configuration), and asked of anyone who has enrolled."""

import base64
import re
from html import unescape

import pytest
import time_machine
from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from dapi.accounts.services import api_token_create
from dapi.accounts.two_factor import confirmed_devices, current_code, second_factor_required


def sign_in(client, username):
    return client.post(reverse("login"), {"username": username, "password": settings.DEMO_PASSWORD}, follow=True)


def code_for(user):
    return current_code(confirmed_devices(user)[0])


@pytest.mark.parametrize("username", ["provider-manager", "perpetrator-worker", "partner-support-worker",
                                      "police-analyst", "evaluator", "administrator"])
def test_every_role_that_sees_people_must_pass_a_second_factor(cast, username):
    assert second_factor_required(cast[username])


@pytest.mark.parametrize("username", ["commissioner", "finance-officer"])
def test_commissioners_and_finance_officers_must_pass_a_second_factor_too(cast, username, client):
    assert second_factor_required(cast[username])
    response = sign_in(client, username)
    assert response.request["PATH_INFO"] == reverse("login_verify")
    assert client.get(reverse("funding:programme_list")).status_code == 302
    assert client.get("/api/programmes").status_code == 401
    response = client.post(reverse("login_verify"), {"otp_token": code_for(cast[username])})
    assert response.status_code == 302
    assert client.get(reverse("funding:programme_list")).status_code == 200
    assert client.get("/api/programmes").status_code == 200


def test_a_commissioner_without_an_authenticator_is_sent_to_set_one_up(cast, client):
    TOTPDevice.objects.filter(user=cast["commissioner"]).delete()
    assert sign_in(client, "commissioner").request["PATH_INFO"] == reverse("two_factor_setup")
    assert client.get(reverse("funding:programme_list")).status_code == 302


def test_a_panel_member_who_has_not_enrolled_needs_no_second_factor(cast, client):
    assert not second_factor_required(cast["panel-member"])
    response = sign_in(client, "panel-member")
    assert response.request["PATH_INFO"] == reverse("home")
    assert client.get("/api/resolutions").status_code == 200


def test_anyone_who_has_enrolled_is_asked_for_the_code_at_every_sign_in(cast, client):
    user = cast["panel-member"]
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    for minute in ("10:00", "10:01"):  # a code is accepted once: the second sign-in is a minute later
        with time_machine.travel(f"2026-11-23 {minute}:00+00:00", tick=False):
            response = sign_in(client, "panel-member")
            assert response.request["PATH_INFO"] == reverse("login_verify")
            assert client.get(reverse("decisions:resolution_list")).status_code == 302
            assert client.get("/api/resolutions").status_code == 401
            assert client.post(reverse("login_verify"), {"otp_token": current_code(device)}).status_code == 302
            assert client.get(reverse("decisions:resolution_list")).status_code == 200
            assert client.get("/api/resolutions").status_code == 200
            client.post(reverse("logout"))


def test_an_unconfirmed_authenticator_does_not_count_as_enrolled(cast, client):
    TOTPDevice.objects.create(user=cast["panel-member"], name="Authenticator app", confirmed=False)
    assert sign_in(client, "panel-member").request["PATH_INFO"] == reverse("home")


def test_the_roles_that_must_enrol_are_configuration(cast, client, settings):
    settings.DAPI_SECOND_FACTOR_ROLES = ["panel_member"]
    TOTPDevice.objects.filter(user=cast["commissioner"]).delete()
    assert second_factor_required(cast["panel-member"])
    assert not second_factor_required(cast["commissioner"])
    assert sign_in(client, "panel-member").request["PATH_INFO"] == reverse("two_factor_setup")
    client.post(reverse("logout"))
    assert sign_in(client, "commissioner").request["PATH_INFO"] == reverse("home")


def test_a_misspelt_role_in_the_setting_is_a_startup_error(settings):
    from dapi.accounts.checks import accounts_settings

    settings.DAPI_SECOND_FACTOR_ROLES = ["commissioner", "finance-officer"]
    errors = accounts_settings(None)
    assert [e.id for e in errors] == ["dapi.accounts.E001"]
    assert "finance-officer" in errors[0].msg and "finance_officer" in errors[0].hint
    settings.DAPI_SECOND_FACTOR_ROLES = ["commissioner", "finance_officer"]
    assert accounts_settings(None) == []


def test_after_the_password_a_perpetrator_worker_is_asked_for_a_code(cast, client):
    response = sign_in(client, "perpetrator-worker")
    assert response.request["PATH_INFO"] == reverse("login_verify")
    assert "Enter the code from your authenticator app" in response.content.decode()


def test_case_pages_and_the_api_answer_nothing_before_the_code(cast, client):
    sign_in(client, "perpetrator-worker")
    response = client.get(reverse("cases:case_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login_verify") + "?next=")
    assert client.get("/api/cases").status_code == 401


def test_the_right_code_signs_in_and_returns_to_the_page_asked_for(cast, client):
    target = reverse("cases:case_list")
    client.post(reverse("login"), {"username": "perpetrator-worker", "password": settings.DEMO_PASSWORD,
                                   "next": target})
    response = client.post(reverse("login_verify"), {"otp_token": code_for(cast["perpetrator-worker"]),
                                                     "next": target})
    assert response.status_code == 302
    assert response["Location"] == target
    assert client.get(target).status_code == 200
    assert client.get("/api/cases").status_code == 200


def test_a_wrong_code_is_refused_in_words(cast, client):
    sign_in(client, "perpetrator-worker")
    right = code_for(cast["perpetrator-worker"])
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post(reverse("login_verify"), {"otp_token": wrong})
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "That code is wrong or has expired" in html
    assert client.get(reverse("cases:case_list")).status_code == 302


def test_a_code_that_is_not_six_digits_names_the_format(cast, client):
    sign_in(client, "perpetrator-worker")
    html = unescape(client.post(reverse("login_verify"), {"otp_token": "12ab"}).content.decode())
    assert "Enter the code as 6 digits, like 123456" in html


def test_after_a_wrong_code_even_the_right_one_must_wait(cast, client):
    """django-otp's throttle: each wrong code doubles the wait before another is tried."""
    user = cast["perpetrator-worker"]
    with time_machine.travel("2026-11-23 10:00:00+00:00", tick=False):
        sign_in(client, "perpetrator-worker")
        right = code_for(user)
        client.post(reverse("login_verify"), {"otp_token": f"{(int(right) + 1) % 1_000_000:06d}"})
        response = client.post(reverse("login_verify"), {"otp_token": right})
        assert "Too many wrong codes" in unescape(response.content.decode())
    with time_machine.travel("2026-11-23 10:00:05+00:00", tick=False):
        response = client.post(reverse("login_verify"), {"otp_token": code_for(user)})
        assert response.status_code == 302


def test_someone_without_an_authenticator_is_sent_to_set_one_up_and_can(cast, client):
    user = cast["police-analyst"]
    TOTPDevice.objects.filter(user=user).delete()
    response = sign_in(client, "police-analyst")
    assert response.request["PATH_INFO"] == reverse("two_factor_setup")
    html = response.content.decode()
    assert "<svg" in html and 'aria-label="QR code for adding dapi to an authenticator app"' in html
    # Type the key shown on the page into "an app": the code it then shows completes enrolment.
    key = re.search(r'id="totp-secret"><code>([A-Z2-7 ]+)</code>', html).group(1).replace(" ", "")
    code = f"{totp(base64.b32decode(key + '=' * (-len(key) % 8))):06d}"
    response = client.post(reverse("two_factor_setup"), {"otp_token": code})
    assert response.status_code == 302
    assert [d.confirmed for d in TOTPDevice.objects.filter(user=user)] == [True]
    assert client.get(reverse("identification:import_list")).status_code == 200


def test_a_wrong_code_does_not_complete_enrolment(cast, client):
    user = cast["police-analyst"]
    TOTPDevice.objects.filter(user=user).delete()
    sign_in(client, "police-analyst")
    response = client.post(reverse("two_factor_setup"), {"otp_token": "000000"})
    if response.status_code == 302:  # one chance in a million that 000000 is the code now
        pytest.skip("000000 happened to be the right code")
    assert "That code does not match" in unescape(response.content.decode())
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert client.get(reverse("identification:import_list")).status_code == 302


def test_someone_with_an_authenticator_cannot_enrol_another_before_passing_theirs(cast, client):
    sign_in(client, "perpetrator-worker")
    response = client.get(reverse("two_factor_setup"))
    assert response.status_code == 302
    assert response["Location"] == reverse("login_verify")


def test_enrolling_a_new_app_replaces_the_old_one(cast, client_for):
    user = cast["perpetrator-worker"]
    old = confirmed_devices(user)[0]
    client = client_for(user)
    html = client.get(reverse("two_factor_setup")).content.decode()
    assert "Finishing these steps replaces it" in html
    new = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post(reverse("two_factor_setup"), {"otp_token": current_code(new)}).status_code == 302
    assert [d.pk for d in confirmed_devices(user)] == [new.pk]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()


def test_the_audit_log_records_enrolment_but_never_the_secret(cast, client_for):
    user = cast["perpetrator-worker"]
    client = client_for(user)
    client.get(reverse("two_factor_setup"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post(reverse("two_factor_setup"), {"otp_token": current_code(device)})
    entries = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(TOTPDevice))
    assert entries.filter(object_pk=str(device.pk), actor=user).exists()
    for entry in entries:
        assert device.key not in str(entry.changes)
        assert "key" not in (entry.changes_dict or {})


def test_a_session_without_the_second_factor_is_refused_by_the_api_even_for_reads(cast):
    client = Client()
    client.force_login(cast["provider-manager"])
    assert client.get("/api/cases").status_code == 401


def test_a_bad_bearer_token_is_refused_even_with_a_good_session(cast, client_for):
    client = client_for(cast["commissioner"])
    assert client.get("/api/programmes").status_code == 200
    assert client.get("/api/programmes", HTTP_AUTHORIZATION="Bearer dapi_not-a-token").status_code == 401


def test_a_live_bearer_token_is_enough_for_the_api(cast):
    _, token = api_token_create(user=cast["perpetrator-worker"], name="case system", by=None)
    assert Client().get("/api/cases", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200


def test_totp_code_prints_a_demo_users_current_code(cast, capsys):
    call_command("totp_code", "perpetrator-worker")
    assert capsys.readouterr().out.strip() == code_for(cast["perpetrator-worker"])


def test_totp_code_refuses_anyone_who_is_not_a_demo_user(cast):
    user = cast["perpetrator-worker"]
    user.is_demo = False
    user.save()
    with pytest.raises(CommandError, match="not a demo user"):
        call_command("totp_code", "perpetrator-worker")


def test_reset_two_factor_removes_the_authenticators_and_enrolment_follows(cast, client):
    call_command("reset_two_factor", "perpetrator-worker", "--by", "administrator")
    assert not TOTPDevice.objects.filter(user=cast["perpetrator-worker"]).exists()
    assert sign_in(client, "perpetrator-worker").request["PATH_INFO"] == reverse("two_factor_setup")


def test_the_demo_gives_every_second_factor_role_an_authenticator(cast):
    from dapi.accounts.two_factor import second_factor_roles

    assert {"commissioner", "finance_officer"} <= set(second_factor_roles())
    for user in cast.values():
        assert bool(confirmed_devices(user)) == any(user.memberships.filter(role=r).exists()
                                                    for r in second_factor_roles())
    assert not confirmed_devices(cast["panel-member"])
