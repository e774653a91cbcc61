"""Signing in and out."""

from html import unescape

from django.conf import settings
from django.urls import reverse


def test_sign_in_page_is_a_govuk_form(db, client):
    html = client.get(reverse("login")).content.decode()
    assert 'class="govuk-input' in html
    assert 'autocomplete="current-password"' in html


def test_a_wrong_password_shows_the_error_summary(cast, client):
    response = client.post(reverse("login"), {"username": "commissioner", "password": "wrong-password"})
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "<title>Error: Sign in" in html


def test_signing_in_goes_home_and_signing_out_is_a_post(cast, client):
    response = client.post(reverse("login"), {"username": "commissioner", "password": settings.DEMO_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_signing_in_returns_to_the_page_asked_for(cast, client):
    target = reverse("funding:programme_list")
    page = client.get(reverse("login") + f"?next={target}").content.decode()
    assert f'name="next" value="{target}"' in page
    response = client.post(reverse("login"), {"username": "commissioner", "password": settings.DEMO_PASSWORD,
                                              "next": target})
    assert response["Location"] == target
