"""Startup checks of the accounts settings: a typing mistake in a role name must not quietly drop a
role's second factor."""

from django.conf import settings
from django.core.checks import Error, register

from .models import Role


@register()
def accounts_settings(app_configs, **kwargs):
    errors = []
    unknown = sorted(set(settings.DAPI_SECOND_FACTOR_ROLES) - set(Role.values))
    if unknown:
        errors.append(Error(f"DAPI_SECOND_FACTOR_ROLES names unknown roles: {', '.join(unknown)}.",
                            hint=f"Use role values separated by commas, from: {', '.join(Role.values)}.",
                            id="dapi.accounts.E001"))
    if settings.DAPI_TRUSTED_PROXY_COUNT < 0:
        errors.append(Error("DAPI_TRUSTED_PROXY_COUNT must be 0 (no proxy) or the number of proxies in front.",
                            id="dapi.accounts.E002"))
    if settings.DAPI_API_TOKEN_DAYS < 1:
        errors.append(Error("DAPI_API_TOKEN_DAYS must be at least 1.", id="dapi.accounts.E003"))
    return errors
