"""Startup checks of the accounts settings."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def accounts_settings(app_configs, **kwargs):
    errors = []
    if settings.DAPI_TRUSTED_PROXY_COUNT < 0:
        errors.append(Error("DAPI_TRUSTED_PROXY_COUNT must be 0 (no proxy) or the number of proxies in front.",
                            id="dapi.accounts.E002"))
    return errors
