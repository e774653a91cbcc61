"""Role look-ups over memberships. A user's roles are per organisation."""

from .models import Role

COMMISSIONING_ROLES = (Role.COMMISSIONER, Role.FINANCE_OFFICER)


def org_ids_with_role(user, *roles: str) -> set[int]:
    """Ids of the organisations in which `user` holds any of `roles` (all roles if none given)."""
    if not user or not user.is_authenticated:
        return set()
    cache = getattr(user, "_dapi_memberships", None)
    if cache is None:
        cache = list(user.memberships.values_list("organisation_id", "role"))
        user._dapi_memberships = cache
    return {org for org, role in cache if not roles or role in roles}


def memberships_of(user) -> tuple[tuple[int, str], ...]:
    """`user`'s memberships as (organisation id, role) pairs, in order (none for someone not signed in)."""
    org_ids_with_role(user)
    return tuple(sorted(getattr(user, "_dapi_memberships", ())))


def has_role(user, *roles: str) -> bool:
    return bool(org_ids_with_role(user, *roles))
