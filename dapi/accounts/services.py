"""Writes to accounts: organisations' identifiers, API tokens and two-factor devices. Each service
validates, saves and audits in one transaction."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from dapi.lib.access import is_system, require

from .access import can_change_organisation, can_manage_api_tokens_of
from .actor import acting_as
from .models import ApiToken, Organisation, User

TOKEN_PREFIX = "dapi_"
# When a token was last used is noted at most this often: not a write on every API request.
LAST_USED_EVERY = timedelta(minutes=1)


def hash_token(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str, by) -> tuple[ApiToken, str]:
    """Make a bearer token for `user`, working for DAPI_API_TOKEN_DAYS. Returns the token and its
    plaintext, which is stored nowhere (only its SHA-256 is) and so can be shown only this once.
    The system (`dapi api_token`, run by the operator on the server), `user` themself and an
    administrator of an organisation `user` belongs to may."""
    require(is_system(by) or can_manage_api_tokens_of(by, user), "No such user")
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name, key_hash=hash_token(plaintext),
                     expires_at=timezone.now() + timedelta(days=settings.DAPI_API_TOKEN_DAYS))
    token.full_clean()
    with acting_as(by):
        token.save()
    return token, plaintext


@transaction.atomic
def api_token_revoke(*, token: ApiToken, by) -> ApiToken:
    """Stop a token working from now on. Its owner, an administrator of an organisation its owner
    belongs to, and the system may; revoking a revoked token changes nothing. The row stays, for
    the audit trail."""
    require(is_system(by) or can_manage_api_tokens_of(by, token.user), "No such API token")
    if token.revoked:
        return token
    token.revoked = True
    with acting_as(by):
        token.save(update_fields=["revoked"])
    return token


def api_token_authenticate(plaintext: str) -> User | None:
    """The active user a live token (not revoked, not expired) acts as, or None. Notes when it was
    used, at most once a minute."""
    if not plaintext or not plaintext.startswith(TOKEN_PREFIX):
        return None
    now = timezone.now()
    token = (ApiToken.objects.select_related("user")
             .filter(key_hash=hash_token(plaintext), revoked=False, expires_at__gt=now, user__is_active=True)
             .first())
    if token is None:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY:
        # A queryset update: when a token was last used is bookkeeping, not an audited change. The
        # condition is repeated so that requests racing each other write it once.
        (ApiToken.objects.filter(pk=token.pk)
         .filter(Q(last_used_at__isnull=True) | Q(last_used_at__lte=now - LAST_USED_EVERY))
         .update(last_used_at=now))
    return token.user


@transaction.atomic
def totp_device_start(*, user: User) -> TOTPDevice:
    """A new authenticator for `user`, not yet usable until confirmed with a code it shows. Only the
    person themself starts one (from the enrolment page); an earlier unconfirmed one is dropped."""
    with acting_as(user):
        for stale in TOTPDevice.objects.filter(user=user, confirmed=False):
            stale.delete()
        return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice, code: str, by: User) -> bool:
    """Confirm `device` with the code it shows now. It then replaces any earlier authenticator of
    the same person, so a lost phone stops working once a new one is enrolled. False if the code
    is wrong (django-otp counts the failure and slows further tries)."""
    if not device.verify_token(code):
        return False
    with acting_as(by):
        for old in TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk):
            old.delete()
        device.confirmed = True
        device.save()
    return True


@transaction.atomic
def totp_devices_reset(*, user: User, by) -> int:
    """Remove every authenticator of `user` (a lost phone): at the next sign-in they enrol again.
    For administrators and the command line (`dapi reset_two_factor`); the caller checks."""
    devices = list(TOTPDevice.objects.filter(user=user))
    with acting_as(by):
        for device in devices:
            device.delete()
    return len(devices)


@transaction.atomic
def organisation_identifiers_change(*, organisation, org_id: str, charity_number: str, company_number: str,
                                    by) -> Organisation:
    """Set an organisation's org-id identifier, charity number and company number (blank: not known). Its
    own administrators and the system may; each value must fit its scheme's format and the identifier
    agree with the numbers (Organisation.clean), or nothing is saved. The change is audited with its
    old and new values."""
    require(is_system(by) or can_change_organisation(by, organisation), "No such organisation")
    organisation.org_id, organisation.charity_number, organisation.company_number = (
        org_id.strip(), charity_number.strip(), company_number.strip())
    organisation.full_clean()
    with acting_as(by):
        organisation.save(update_fields=["org_id", "charity_number", "company_number"])
    return organisation
