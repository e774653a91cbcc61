"""Signing in: the second step (a code from an authenticator app) and enrolling an authenticator."""

import base64

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import CodeForm
from .services import totp_device_confirm, totp_device_start
from .two_factor import confirmed_devices, second_factor_required

PENDING_DEVICE = "dapi_pending_totp_device"


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "/"


def _throttled_until(user):
    """When the person may try a code again, if wrong codes have locked their authenticators for now."""
    waits = []
    for device in confirmed_devices(user):
        allowed, info = device.verify_is_allowed()
        if allowed:
            return None
        waits.append((info or {}).get("locked_until"))
    return max((w for w in waits if w), default=None) if waits else None


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a sign-in for a locked username (AXES_LOCKOUT_CALLABLE): 429, in words."""
    return render(request, "accounts/locked_out.html", {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }, status=429)


@login_required
def login_verify(request):
    devices = confirmed_devices(request.user)
    if not devices:
        return redirect("two_factor_setup")
    form = CodeForm(request.POST or None)
    locked_until = _throttled_until(request.user)
    if request.method == "POST" and form.is_valid():
        if locked_until:
            form.add_error("otp_token", "Too many wrong codes: wait a few seconds, then enter the code your app shows then")
        else:
            device = match_token(request.user, form.cleaned_data["otp_token"])
            if device is not None:
                otp_login(request, device)
                return redirect(_next_url(request))
            form.add_error("otp_token", "That code is wrong or has expired: enter the code your app shows now")
    return render(request, "accounts/login_verify.html", {"form": form, "next": _next_url(request)})


@login_required
def two_factor_setup(request):
    """Enrol an authenticator app. Someone who already has one must have passed it this session."""
    if confirmed_devices(request.user) and not request.user.is_verified():
        return redirect("login_verify")
    device = TOTPDevice.objects.filter(pk=request.session.get(PENDING_DEVICE), user=request.user,
                                       confirmed=False).first()
    if device is None:
        device = totp_device_start(user=request.user)
        request.session[PENDING_DEVICE] = device.pk
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if totp_device_confirm(device=device, code=form.cleaned_data["otp_token"], by=request.user):
            del request.session[PENDING_DEVICE]
            otp_login(request, device)
            messages.success(request, "Your authenticator app is set up: you will be asked for a code each time you sign in.")
            return redirect(_next_url(request))
        form.add_error("otp_token", "That code does not match: check the app shows dapi and enter its code now")
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return render(request, "accounts/two_factor_setup.html", {
        "form": form, "next": _next_url(request),
        "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#0b0c0c", light="#ffffff"),
        "secret_groups": [secret[i:i + 4] for i in range(0, len(secret), 4)],
        "enrolled": bool(confirmed_devices(request.user)),
        "required": second_factor_required(request.user),
    })
