"""Issue 16, item 11: administrators manage their own organisation's users from pages (add,
deactivate and reactivate, reset the second factor, unlock sign-in), and every user changes their
own password. Everything is audited; other organisations' users answer 404."""

from html import unescape

import pytest
from auditlog.models import LogEntry
from django.conf import settings
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from dapi.accounts.models import Membership, Organisation, Role, User
from dapi.accounts.users.services import user_create
from dapi.conftest import pass_second_factor

CLEVELAND = "Office of the Police and Crime Commissioner for Cleveland"
HARBOUR = "Harbour Support Services"
PASSWORD = "a long and unusual test password"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    pass_second_factor(client, user)
    return client


def member(username: str, organisation: str, role: str) -> User:
    user = User.objects.create_user(username, password=PASSWORD, first_name="Test", last_name=username)
    Membership.objects.create(user=user, organisation=Organisation.objects.get(name=organisation), role=role)
    return user


def can_sign_in(username: str, password: str) -> bool:
    """Through the sign-in page, as a person would (django-axes counts a failure)."""
    return Client().post(reverse("login"), {"username": username, "password": password}).status_code == 302


def text(response) -> str:
    return unescape(response.content.decode())


def entries_on(user: User):
    return LogEntry.objects.get_for_object(user)


@pytest.fixture
def harbour_worker(seeded):
    return member("harbour-worker", HARBOUR, Role.PERPETRATOR_WORKER)


# -- who sees whom -------------------------------------------------------------------------------


def test_each_administrator_lists_their_own_organisations_users_only(cast, harbour_worker):
    html = text(signed_in(cast["provider-administrator"]).get(reverse("users:user_list")))
    assert "harbour-worker" in html and "provider-manager" in html and "perpetrator-worker" in html
    assert "commissioner" not in html and "partner-support-worker" not in html
    html = text(signed_in(cast["administrator"]).get(reverse("users:user_list")))
    assert "commissioner" in html and "harbour-worker" not in html


@pytest.mark.parametrize("username", ["commissioner", "provider-manager", "perpetrator-worker", "evaluator"])
def test_anyone_but_an_administrator_gets_404_from_every_user_page(cast, harbour_worker, username):
    client = signed_in(cast[username])
    assert client.get(reverse("users:user_list")).status_code == 404
    assert client.get(reverse("users:user_add")).status_code == 404
    assert client.get(reverse("users:user_detail", args=[harbour_worker.pk])).status_code == 404
    assert client.post(reverse("users:user_deactivate", args=[harbour_worker.pk])).status_code == 404
    harbour_worker.refresh_from_db()
    assert harbour_worker.is_active
    assert signed_in(cast["provider-administrator"]).get(
        reverse("users:user_detail", args=[harbour_worker.pk])).status_code == 200


def test_another_organisations_administrator_gets_404_and_changes_nothing(cast, harbour_worker):
    client = signed_in(cast["administrator"])
    for name in ("user_deactivate", "user_reset_second_factor", "user_unlock"):
        assert client.post(reverse(f"users:{name}", args=[harbour_worker.pk])).status_code == 404
    assert client.get(reverse("users:user_detail", args=[harbour_worker.pk])).status_code == 404
    harbour_worker.refresh_from_db()
    assert harbour_worker.is_active
    assert not entries_on(harbour_worker).filter(actor=cast["administrator"]).exists()


def test_someone_who_also_works_elsewhere_is_listed_but_not_managed(cast):
    """The demo commissioner is a member of four commissioning bodies: Cleveland's administrator
    alone may not lock them out of the other three."""
    client = signed_in(cast["administrator"])
    assert "Also in another organisation" in text(client.get(reverse("users:user_list")))
    commissioner = cast["commissioner"]
    assert client.get(reverse("users:user_detail", args=[commissioner.pk])).status_code == 404
    assert client.post(reverse("users:user_deactivate", args=[commissioner.pk])).status_code == 404


# -- adding a user -------------------------------------------------------------------------------


def test_an_administrator_adds_a_user_who_signs_in_with_the_one_time_password_shown_once(cast):
    admin = cast["provider-administrator"]
    harbour = Organisation.objects.get(name=HARBOUR)
    response = signed_in(admin).post(reverse("users:user_add"), {
        "organisation": harbour.pk, "role": Role.PARTNER_SUPPORT_WORKER, "username": "new.worker",
        "first_name": "New", "last_name": "Worker", "email": "new.worker@example.invalid"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = text(response)
    password = html.split('id="one-time-password">')[1].split("<")[0]
    assert len(password) == 29
    user = User.objects.get(username="new.worker")
    assert list(user.memberships.values_list("organisation__name", "role")) == [(HARBOUR, Role.PARTNER_SUPPORT_WORKER)]
    assert can_sign_in("new.worker", password)
    created = entries_on(user).get(action=LogEntry.Action.CREATE)
    assert created.actor == admin
    assert not LogEntry.objects.filter(changes_text__contains=password).exists()
    assert not any(password in str(e.changes) for e in LogEntry.objects.filter(actor=admin))
    assert password not in text(signed_in(admin).get(reverse("users:user_detail", args=[user.pk])))


def test_a_taken_username_and_a_role_of_another_kind_of_body_are_refused_on_the_form(cast):
    admin = cast["provider-administrator"]
    harbour = Organisation.objects.get(name=HARBOUR)
    form = {"organisation": harbour.pk, "role": Role.PERPETRATOR_WORKER, "username": "Provider-Manager",
            "first_name": "A", "last_name": "B"}
    html = text(signed_in(admin).post(reverse("users:user_add"), form))
    assert "That username is taken" in html
    html = text(signed_in(admin).post(reverse("users:user_add"), {**form, "username": "x", "role": Role.COMMISSIONER}))
    assert "Select a valid choice" in html
    cleveland = Organisation.objects.get(name=CLEVELAND)
    html = text(signed_in(admin).post(reverse("users:user_add"), {**form, "username": "x", "organisation": cleveland.pk}))
    assert "Select a valid choice" in html
    assert not User.objects.filter(username="x").exists()


def test_the_service_refuses_another_organisation_and_a_role_outside_its_kind(cast):
    admin = cast["provider-administrator"]
    with pytest.raises(Http404):
        user_create(organisation=Organisation.objects.get(name=CLEVELAND), role=Role.COMMISSIONER, username="a",
                    first_name="A", last_name="B", by=admin)
    with pytest.raises(Http404):  # a "commissioner" of a provider would reach a commissioner's view
        user_create(organisation=Organisation.objects.get(name=HARBOUR), role=Role.COMMISSIONER, username="b",
                    first_name="A", last_name="B", by=admin)
    assert not User.objects.filter(username__in=["a", "b"]).exists()
    user, _ = user_create(organisation=Organisation.objects.get(name=HARBOUR), role=Role.ADMINISTRATOR,
                          username="c", first_name="A", last_name="B", by=admin)
    assert user.memberships.get().role == Role.ADMINISTRATOR


# -- deactivate, reset the second factor, unlock -------------------------------------------------


def test_a_deactivated_user_is_signed_out_and_cannot_sign_in_until_reactivated(cast, harbour_worker):
    admin = cast["provider-administrator"]
    their_session = signed_in(harbour_worker)
    assert their_session.get(reverse("home")).status_code == 200
    response = signed_in(admin).post(reverse("users:user_deactivate", args=[harbour_worker.pk]), follow=True)
    assert "harbour-worker can no longer sign in." in text(response)
    assert their_session.get(reverse("home")).status_code == 302  # sent to sign in
    assert not can_sign_in("harbour-worker", PASSWORD)
    change = entries_on(harbour_worker).get(action=LogEntry.Action.UPDATE)
    assert (change.actor, list(change.changes_dict)) == (admin, ["is_active"])
    signed_in(admin).post(reverse("users:user_reactivate", args=[harbour_worker.pk]))
    assert can_sign_in("harbour-worker", PASSWORD)


def test_an_administrator_cannot_deactivate_themself(cast):
    admin = cast["provider-administrator"]
    response = signed_in(admin).post(reverse("users:user_deactivate", args=[admin.pk]), follow=True)
    assert "You cannot deactivate your own account" in text(response)
    admin.refresh_from_db()
    assert admin.is_active


def test_resetting_the_second_factor_removes_their_authenticators_and_is_audited(cast, harbour_worker):
    device = TOTPDevice.objects.create(user=harbour_worker, name="Phone", confirmed=True)
    admin = cast["provider-administrator"]
    response = signed_in(admin).post(reverse("users:user_reset_second_factor", args=[harbour_worker.pk]), follow=True)
    assert "set up a new one at their next sign-in" in text(response)
    assert not TOTPDevice.objects.filter(user=harbour_worker).exists()
    assert LogEntry.objects.get_for_object(device).get(action=LogEntry.Action.DELETE).actor == admin


def test_unlocking_lets_a_locked_user_sign_in_at_once_and_is_audited(cast, harbour_worker, client):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "harbour-worker", "password": "not-the-password"})
    assert client.post(reverse("login"), {"username": "harbour-worker", "password": PASSWORD}).status_code == 429
    admin = cast["provider-administrator"]
    html = text(signed_in(admin).get(reverse("users:user_list")))
    failed = settings.AXES_FAILURE_LIMIT  # a try during the lockout is refused, not counted (it would extend it)
    assert f'<td class="govuk-table__cell govuk-table__cell--numeric">{failed}</td>' in html
    response = signed_in(admin).post(reverse("users:user_unlock", args=[harbour_worker.pk]), follow=True)
    assert "failed sign-ins are cleared" in text(response)
    assert client.post(reverse("login"), {"username": "harbour-worker", "password": PASSWORD}).status_code == 302
    note = entries_on(harbour_worker).get(additional_data__note__startswith="Sign-in lockout cleared")
    assert note.actor == admin


# -- one's own password --------------------------------------------------------------------------


def test_a_user_changes_their_own_password_and_stays_signed_in(cast, harbour_worker):
    client = signed_in(harbour_worker)
    new = "another long and unusual password"
    response = client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": new, "new_password2": new}, follow=True)
    assert "Your password is changed." in text(response)
    assert client.get(reverse("home")).status_code == 200
    assert can_sign_in("harbour-worker", new)
    assert not can_sign_in("harbour-worker", PASSWORD)
    note = entries_on(harbour_worker).get(additional_data__note="Password changed by its user")
    assert note.actor == harbour_worker
    assert new not in str(note.changes) and "pbkdf2" not in str(note.changes) and "md5" not in str(note.changes)


def test_a_wrong_current_password_or_a_weak_new_one_is_refused(cast, harbour_worker):
    client = signed_in(harbour_worker)
    html = text(client.post(reverse("password_change"), {
        "old_password": "wrong", "new_password1": "another long and unusual password",
        "new_password2": "another long and unusual password"}))
    assert "Your old password was entered incorrectly" in html
    html = text(client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": "short", "new_password2": "short"}))
    assert "This password is too short" in html
    assert can_sign_in("harbour-worker", PASSWORD)


def test_every_signed_in_user_has_the_change_password_link(cast):
    html = text(signed_in(cast["panel-member"]).get(reverse("home")))
    assert f'href="{reverse("password_change")}">Change password</a>' in html
    assert signed_in(cast["panel-member"]).get(reverse("password_change")).status_code == 200
