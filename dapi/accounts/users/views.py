"""Administrators' pages for their organisation's users, and everyone's own password page."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from dapi.lib.views import form_page, posted, saved

from .. import access
from . import selectors, services
from .forms import PasswordForm, UserAddForm


@login_required
@require_GET
def user_list(request):
    return render(request, "accounts/user_list.html", {"rows": selectors.user_rows(request.user)})


@login_required
@never_cache
def user_add(request):
    form = UserAddForm(posted(request), **selectors.add_user_choices(request.user))
    created = saved(form, lambda: services.user_create(by=request.user, **form.cleaned_data))
    if created:
        user, password = created
        return render(request, "accounts/user_created.html", {"managed": user, "password": password})
    return form_page(request, form, title="Add a user", back=reverse("users:user_list"), submit="Add user",
                     intro="They get a one-time password, shown once on the next page: give it to them in person "
                           "or by phone, and they change it after signing in.")


@login_required
@require_GET
def user_detail(request, pk):
    user = access.user_to_manage(request.user, pk)
    return render(request, "accounts/user_detail.html", selectors.user_page(request.user, user))


def _act(request, pk, action, done: str):
    user = access.user_to_manage(request.user, pk)
    try:
        action(user=user, by=request.user)
    except ValidationError as e:
        messages.error(request, e.messages[0])
    else:
        messages.success(request, done.format(username=user.username))
    return redirect("users:user_detail", pk=user.pk)


@login_required
@require_POST
def user_deactivate(request, pk):
    return _act(request, pk, services.user_deactivate, "{username} can no longer sign in.")


@login_required
@require_POST
def user_reactivate(request, pk):
    return _act(request, pk, services.user_reactivate, "{username} can sign in again.")


@login_required
@require_POST
def user_reset_second_factor(request, pk):
    return _act(request, pk, services.user_second_factor_reset,
                "{username}'s authenticator app is removed: they set up a new one at their next sign-in.")


@login_required
@require_POST
def user_unlock(request, pk):
    return _act(request, pk, services.user_unlock, "{username}'s failed sign-ins are cleared: they can sign in now.")


@login_required
def password_change(request):
    form = PasswordForm(request.user, posted(request))
    if saved(form, lambda: services.password_change(user=request.user, password=form.cleaned_data["new_password1"],
                                                    by=request.user)):
        update_session_auth_hash(request, request.user)
        messages.success(request, "Your password is changed.")
        return redirect("home")
    return form_page(request, form, title="Change your password", back="/", submit="Change password")
