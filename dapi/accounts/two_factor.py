"""Who must pass a second factor, and their authenticator devices (TOTP, django-otp).

Every role that can see case or person-level data (provider staff, police analysts, evaluators,
administrators) must sign in with a code from an authenticator app as well as a password.
Commissioners, finance officers and panel members see aggregates only and may enrol if they wish.
"""

from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Role
from .roles import has_role

SECOND_FACTOR_ROLES = (Role.PROVIDER_MANAGER, Role.PERPETRATOR_WORKER, Role.PARTNER_SUPPORT_WORKER,
                       Role.POLICE_ANALYST, Role.EVALUATOR, Role.ADMINISTRATOR)


def second_factor_required(user) -> bool:
    return has_role(user, *SECOND_FACTOR_ROLES)


def confirmed_devices(user) -> list[TOTPDevice]:
    return list(TOTPDevice.objects.filter(user=user, confirmed=True))


def current_code(device: TOTPDevice) -> str:
    """The code `device` shows now (for `dapi totp_code` on demo users and for the tests' sign-in)."""
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"
