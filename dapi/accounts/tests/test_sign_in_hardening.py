"""Lockout after wrong passwords, idle sessions, password rules, the Content Security Policy and the
production settings."""

import os
import re
import secrets
import subprocess
import sys
from html import unescape

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from dapi.accounts.models import User

WRONG = "not-the-password"


def attempt(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


# -- lockout (django-axes) ----------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_username_even_against_the_right_one(cast, client):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "commissioner", WRONG).status_code == 200
    locked = attempt(client, "commissioner", WRONG)
    assert locked.status_code == 429
    response = attempt(client, "commissioner", settings.DEMO_PASSWORD)
    html = unescape(response.content.decode())
    assert response.status_code == 429
    assert "This account is locked for now" in html
    assert f"for {settings.AXES_COOLOFF_TIME.seconds // 60} minutes" in html
    assert "_auth_user_id" not in client.session


def test_the_lockout_lifts_after_the_cool_off(cast, client):
    with time_machine.travel("2026-11-23 09:00:00+00:00", tick=False):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            attempt(client, "commissioner", WRONG)
        assert attempt(client, "commissioner", settings.DEMO_PASSWORD).status_code == 429
    with time_machine.travel("2026-11-23 09:31:00+00:00", tick=False):
        assert attempt(client, "commissioner", settings.DEMO_PASSWORD).status_code == 302


def test_an_administrator_can_unlock_a_username_at_once(cast, client):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "commissioner", WRONG)
    call_command("axes_reset_username", "commissioner")
    assert attempt(client, "commissioner", settings.DEMO_PASSWORD).status_code == 302


def test_a_right_password_before_the_limit_clears_the_count(cast, client):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "commissioner", WRONG)
    assert attempt(client, "commissioner", settings.DEMO_PASSWORD).status_code == 302
    client.post(reverse("logout"))
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "commissioner", WRONG).status_code == 200


# -- idle sessions ------------------------------------------------------------------------------


def test_a_session_idle_for_longer_than_the_limit_is_signed_out_and_comes_back_after_sign_in(cast, client_for):
    with time_machine.travel("2026-11-23 09:00:00+00:00", tick=False):
        client = client_for(cast["commissioner"])
        assert client.get(reverse("funding:programme_list")).status_code == 200
    with time_machine.travel("2026-11-23 09:31:00+00:00", tick=False):
        response = client.get(reverse("funding:programme_list"), follow=True)
        assert response.request["PATH_INFO"] == reverse("login")
        html = unescape(response.content.decode())
        assert "You were signed out after 30 minutes without activity" in html
        assert 'name="next" value="/programmes/"' in html
        assert client.get(reverse("home")).status_code == 302


def test_activity_keeps_a_session_alive(cast, client_for):
    with time_machine.travel("2026-11-23 09:00:00+00:00", tick=False) as clock:
        client = client_for(cast["commissioner"])
        for _ in range(4):
            assert client.get(reverse("funding:programme_list")).status_code == 200
            clock.shift(25 * 60)
        assert client.get(reverse("funding:programme_list")).status_code == 200


def test_an_idle_session_is_refused_by_the_api(cast, client_for):
    with time_machine.travel("2026-11-23 09:00:00+00:00", tick=False):
        client = client_for(cast["commissioner"])
        assert client.get("/api/programmes").status_code == 200
    with time_machine.travel("2026-11-23 09:45:00+00:00", tick=False):
        assert client.get("/api/programmes").status_code == 401


def test_the_session_cookie_is_http_only_and_dies_with_the_browser(cast, client):
    response = attempt(client, "commissioner", settings.DEMO_PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert settings.DAPI_IDLE_MINUTES == 30
    assert settings.SESSION_COOKIE_AGE == 90 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


# -- passwords ----------------------------------------------------------------------------------


@pytest.mark.parametrize("password, message", [
    ("short-Pw1", "too short"),
    ("password1234", "too common"),
    ("483920174652", "entirely numeric"),
    ("perpetrator-worker", "too similar"),
])
def test_weak_passwords_are_refused_with_the_reason(db, password, message):
    user = User(username="perpetrator-worker")
    with pytest.raises(ValidationError, match=message):
        validate_password(password, user)


def test_a_long_uncommon_password_is_accepted(db):
    validate_password("correct horse battery staple", User(username="someone"))


# -- Content Security Policy --------------------------------------------------------------------


def test_pages_send_a_policy_with_a_nonce_that_only_the_pages_own_script_carries(cast, client_for):
    response = client_for(cast["commissioner"]).get(reverse("funding:programme_list"))
    policy = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == f"'self' 'nonce-{nonce}'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    html = response.content.decode()
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts and all(f'nonce="{nonce}"' in tag and "src=" in tag for tag in scripts)


def test_each_response_gets_a_fresh_nonce(cast, client_for):
    client = client_for(cast["commissioner"])
    policies = {client.get(reverse("home"))["Content-Security-Policy"] for _ in range(2)}
    assert len(policies) == 2


def test_no_template_has_an_inline_script_or_style():
    root = settings.BASE_DIR / "dapi"
    offenders = []
    for path in root.rglob("templates/**/*.html"):
        text = path.read_text()
        for tag in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in tag and 'type="application/json"' not in tag:
                offenders.append(f"{path}: {tag}")
        if re.search(r"<style\b|\sstyle=\"", text):
            offenders.append(f"{path}: inline style")
    assert offenders == []


# -- production settings ------------------------------------------------------------------------


def production_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAPI_")}
    env.update(DAPI_PRODUCTION="1", DAPI_SECRET_KEY=secrets.token_urlsafe(60), DAPI_ALLOWED_HOSTS="dapi.example.org",
               DJANGO_SETTINGS_MODULE="dapi.settings", **extra)
    return env


def run_dapi(*args, env):
    return subprocess.run([sys.executable, "-m", "dapi.cli", *args], env=env, capture_output=True, text=True,
                          cwd=settings.BASE_DIR, timeout=120)


def test_check_deploy_with_production_settings_reports_nothing(tmp_path):
    result = run_dapi("check", "--deploy", "--fail-level", "DEBUG", env=production_env(DAPI_DATA_DIR=str(tmp_path)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(DAPI_DATA_DIR=str(tmp_path))
    del env["DAPI_SECRET_KEY"]
    result = run_dapi("check", env=env)
    assert result.returncode != 0
    assert "DAPI_PRODUCTION=1 needs DAPI_SECRET_KEY" in result.stderr


def test_production_sends_hsts_and_secure_host_only_cookies(tmp_path):
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "c = Client(HTTP_HOST='dapi.example.org')\n"
        "plain = c.get('/login/')\n"
        "print('redirect', plain.status_code, plain['Location'])\n"
        "r = c.get('/login/', secure=True)\n"
        "print('hsts', r['Strict-Transport-Security'])\n"
        "cookie = r.cookies['__Host-dapi-csrf']\n"
        "print('csrf-cookie', cookie['secure'], cookie['path'], repr(cookie['domain']))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], env=production_env(DAPI_DATA_DIR=str(tmp_path)),
                            capture_output=True, text=True, cwd=settings.BASE_DIR, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "redirect 301 https://dapi.example.org/login/" in lines
    assert "hsts max-age=31536000; includeSubDomains; preload" in lines
    assert "csrf-cookie True / ''" in lines
