"""Who must pass a second factor, and their authenticator devices (TOTP, django-otp).

Anyone who has enrolled an authenticator app passes it at every sign-in. The roles in
DAPI_SECOND_FACTOR_ROLES must enrol one: by default every role that can see case or person-level
data (provider staff, police analysts, evaluators, administrators), and commissioners and finance
officers, who change money and approve evaluator extracts. Panel members, who see published
reports only, may enrol if they wish.
"""

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from .roles import has_role


def second_factor_roles() -> tuple[str, ...]:
    """The roles that must enrol an authenticator (the setting, read on each call)."""
    return tuple(settings.DAPI_SECOND_FACTOR_ROLES)


def second_factor_required(user) -> bool:
    """Whether `user` must enrol an authenticator: they hold one of the roles that must."""
    return has_role(user, *second_factor_roles())


def second_factor_needed(user) -> bool:
    """Whether `user` must pass a second factor before any page or API call answers their session:
    their role requires one, or they have enrolled one."""
    if not user or not user.is_authenticated:
        return False
    return second_factor_required(user) or TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def confirmed_devices(user) -> list[TOTPDevice]:
    return list(TOTPDevice.objects.filter(user=user, confirmed=True))


def current_code(device: TOTPDevice) -> str:
    """The code `device` shows now (for `dapi totp_code` on demo users and for the tests' sign-in)."""
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"
