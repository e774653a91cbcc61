"""Writes to users by their organisation's administrators, and a user's own password. Each service
checks `by` through `dapi.accounts.access`, saves and audits in one transaction."""

import secrets

from auditlog.models import LogEntry
from axes.utils import reset as axes_reset
from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.lib.access import is_system, require

from .. import access
from ..actor import acting_as
from ..models import Membership, Organisation, User
from ..services import totp_devices_reset

# A one-time password is read off a screen and typed once: no 0/O or 1/l/I to confuse.
_READABLE = "abcdefghjkmnpqrstuvwxyz23456789"


def _one_time_password() -> str:
    """Five groups of five readable characters (about 120 bits)."""
    return "-".join("".join(secrets.choice(_READABLE) for _ in range(5)) for _ in range(5))


def _note(user: User, note: str) -> None:
    """An audit entry on `user` for a change the log would not otherwise name (a password, a lockout)."""
    LogEntry.objects.log_create(user, force_log=True, action=LogEntry.Action.UPDATE, changes=None,
                                additional_data={"note": note})


@transaction.atomic
def user_create(*, organisation: Organisation, role: str, username: str, first_name: str, last_name: str,
                email: str = "", by) -> tuple[User, str]:
    """A new user of `organisation` in `role`, with a one-time password returned to be shown once
    (only its hash is kept; the user changes it after signing in). For the organisation's
    administrators, in a role of its kind (`access.can_add_user`); 404 for anyone else."""
    require(is_system(by) or access.can_add_user(by, organisation, role))
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": "That username is taken: choose another, like j.smith2"})
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    password = _one_time_password()
    user.set_password(password)
    user.full_clean(exclude=["password"])
    with acting_as(by):
        user.save()
        Membership.objects.create(user=user, organisation=organisation, role=role)
    return user, password


def _manageable(user: User, by) -> None:
    require(is_system(by) or access.can_manage_user(by, user), "No such user")


@transaction.atomic
def user_deactivate(*, user: User, by) -> User:
    """Stop `user` signing in (pages and API tokens alike; their sessions end at their next
    request). The row and its history stay. Not one's own account."""
    _manageable(user, by)
    if by is not None and by.pk == user.pk:
        raise ValidationError("You cannot deactivate your own account: ask another administrator.")
    user.is_active = False
    with acting_as(by):
        user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def user_reactivate(*, user: User, by) -> User:
    """Let a deactivated `user` sign in again."""
    _manageable(user, by)
    user.is_active = True
    with acting_as(by):
        user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def user_second_factor_reset(*, user: User, by) -> int:
    """Remove `user`'s authenticators (a lost phone): they enrol a new one at their next sign-in.
    Returns how many were removed; each removal is audited."""
    _manageable(user, by)
    return totp_devices_reset(user=user, by=by)


@transaction.atomic
def user_unlock(*, user: User, by) -> int:
    """Clear the failed sign-ins counted against `user`'s username (django-axes), so a locked
    account signs in at once rather than after the cool-off. Returns how many records were cleared;
    the unlock is audited on the user."""
    _manageable(user, by)
    cleared = axes_reset(username=user.username)
    with acting_as(by):
        _note(user, f"Sign-in lockout cleared ({cleared} failed sign-in record(s) removed)")
    return cleared


@transaction.atomic
def password_change(*, user: User, password: str, by) -> User:
    """`user` sets a new password (already validated by the form); only they may. Audited as a
    note: the password itself, and its hash, never reach the log."""
    require(by is not None and by.pk == user.pk)
    user.set_password(password)
    with acting_as(by):
        user.save(update_fields=["password"])
        _note(user, "Password changed by its user")
    return user
