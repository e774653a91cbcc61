"""The API tokens page: a person's own tokens, and for an administrator those of their organisation's
users, with when each was made, when it expires and when it was last used; revoking one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from .access import api_token_to_revoke
from .selectors import api_token_page, api_token_row
from .services import api_token_revoke


@login_required
@require_GET
def api_token_list(request):
    return render(request, "accounts/api_tokens.html", api_token_page(request.user))


@login_required
@require_http_methods(["GET", "POST"])
def api_token_revoke_page(request, token_id: int):
    token = api_token_to_revoke(request.user, token_id)
    if request.method == "POST":
        api_token_revoke(token=token, by=request.user)
        messages.success(request, f"The API token \u201c{token.name}\u201d of {token.user.username} is revoked: "
                                  "it no longer works.")
        return redirect("api_token_list")
    return render(request, "accounts/api_token_revoke.html", {"row": api_token_row(token)})
