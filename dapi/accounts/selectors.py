"""Reads for the accounts pages, through access.py."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from .access import api_token_list_for, can_change_organisation, organisation_list_for
from .models import ApiToken, Organisation


@dataclass(frozen=True)
class ApiTokenRow:
    token: ApiToken
    state: str  # "live", "expired" or "revoked"
    own: bool  # the viewer's own token (otherwise one of their organisation's users')


def api_token_state(token: ApiToken, now: datetime) -> str:
    if token.revoked:
        return "revoked"
    return "live" if token.expires_at > now else "expired"


def api_token_rows(user) -> list[ApiTokenRow]:
    """The tokens `user` may see (access.api_token_list_for), each with its state now."""
    now = timezone.now()
    return [ApiTokenRow(token=t, state=api_token_state(t, now), own=t.user_id == user.pk)
            for t in api_token_list_for(user)]


def api_token_page(user) -> dict:
    """What the tokens page shows `user`: their own tokens, and their organisations' users' tokens."""
    rows = api_token_rows(user)
    return {"own": [r for r in rows if r.own], "others": [r for r in rows if not r.own]}


def api_token_row(token: ApiToken) -> ApiTokenRow:
    return ApiTokenRow(token=token, state=api_token_state(token, timezone.now()), own=False)


@dataclass(frozen=True)
class OrganisationRow:
    organisation: Organisation
    can_change: bool


def organisation_rows(user) -> list[OrganisationRow]:
    """The organisations `user` works for, each with whether they may change its identifiers."""
    return [OrganisationRow(o, can_change_organisation(user, o)) for o in organisation_list_for(user)]
