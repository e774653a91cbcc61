"""Session hardening: idle sessions end, and whoever needs a second factor passes it first; the audit
log's client address."""

import time

from auditlog.middleware import AuditlogMiddleware
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from .client_address import behind_trusted_proxies, client_address
from .two_factor import confirmed_devices, second_factor_needed

LAST_SEEN = "dapi_last_seen"
# The session is rewritten (and its cookie renewed) at most this often, not on every request.
TOUCH_SECONDS = 60


def _is_static(request) -> bool:
    return request.path.startswith(settings.STATIC_URL)


class IdleSessionMiddleware:
    """Signs out a session that has made no request for DAPI_IDLE_MINUTES. A page asks the person to
    sign in again and comes back to where they were; an API call with that session answers 401."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and not _is_static(request):
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN)
            if last_seen is not None and now - last_seen > settings.DAPI_IDLE_MINUTES * 60:
                logout(request)
                if not request.path.startswith("/api/"):
                    messages.info(request, f"You were signed out after {settings.DAPI_IDLE_MINUTES} minutes "
                                           "without activity. Sign in again to carry on.")
                    return redirect_to_login(request.get_full_path())
            elif last_seen is None or now - last_seen >= TOUCH_SECONDS:
                request.session[LAST_SEEN] = now
        return self.get_response(request)


# Pages a signed-in person may reach before passing the second factor.
OPEN_BEFORE_SECOND_FACTOR = ("login", "logout", "login_verify", "two_factor_setup")


class SecondFactorMiddleware:
    """A person who has enrolled an authenticator, or whose role must, reaches no page until they have
    passed it: with an authenticator enrolled they are sent to enter a code, without one to enrol. API
    calls are judged by the API's own authentication (a session without the second factor answers 401)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (user.is_authenticated and not user.is_verified() and not _is_static(request)
                and not request.path.startswith("/api/") and second_factor_needed(user)):
            if _view_name(request.path_info) not in OPEN_BEFORE_SECOND_FACTOR:
                step = "login_verify" if confirmed_devices(user) else "two_factor_setup"
                return redirect(reverse(step) + "?" + urlencode({"next": request.get_full_path()}))
        return self.get_response(request)


class AuditlogClientAddressMiddleware(AuditlogMiddleware):
    """django-auditlog's middleware, recording the client address as `client_address` finds it.
    django-auditlog's own takes the left-most X-Forwarded-For, which any client can write, and a
    forwarded port only a trusted proxy can vouch for."""

    def get_extra_data(self, request):
        data = super().get_extra_data(request)
        if not settings.AUDITLOG_DISABLE_REMOTE_ADDR:
            data["remote_addr"] = client_address(request)
        if not behind_trusted_proxies():
            data["remote_port"] = None
        return data


def _view_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None
