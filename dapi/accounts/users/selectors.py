"""What the administrators' user pages show."""

from dataclasses import dataclass

from axes.models import AccessAttempt
from django.db.models import Sum
from django_otp.plugins.otp_totp.models import TOTPDevice

from .. import access
from ..models import Membership, User


@dataclass
class UserRow:
    user: User
    memberships: list[Membership]
    manageable: bool
    enrolled: bool
    failed_sign_ins: int


def failed_sign_ins(username: str) -> int:
    """Failed sign-ins counted against `username` now (django-axes; cleared by a success, an unlock
    or the cool-off)."""
    return AccessAttempt.objects.filter(username=username).aggregate(n=Sum("failures_since_start"))["n"] or 0


def user_rows(by) -> list[UserRow]:
    """The users of the organisations `by` administers, by username, each with their roles there and
    whether `by` manages them; 404 for anyone who administers none."""
    access.organisations_to_add_users_to(by)
    managed = set(access.managed_user_list_for(by).values_list("pk", flat=True))
    memberships: dict[int, list[Membership]] = {}
    for m in access.administered_membership_list_for(by):
        memberships.setdefault(m.user_id, []).append(m)
    users = User.objects.filter(pk__in=memberships).order_by("username")
    enrolled = set(TOTPDevice.objects.filter(user__in=users, confirmed=True).values_list("user", flat=True))
    failed = dict(AccessAttempt.objects.filter(username__in=users.values("username")).values("username")
                  .annotate(n=Sum("failures_since_start")).values_list("username", "n"))
    return [UserRow(u, memberships[u.pk], u.pk in managed, u.pk in enrolled, failed.get(u.username, 0))
            for u in users]


def user_page(by, user: User) -> dict:
    """A managed user's page: their memberships, authenticator and failed sign-ins."""
    return {"managed": user, "memberships": list(user.memberships.select_related("organisation")),
            "enrolled": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
            "failed_sign_ins": failed_sign_ins(user.username), "is_self": by.pk == user.pk}


def add_user_choices(by) -> dict:
    """The organisations `by` may add users to and the roles they may give there (the service checks
    the pair); 404 for anyone who administers none."""
    organisations = access.organisations_to_add_users_to(by)
    roles = []
    for organisation in organisations:
        roles += [r for r in access.roles_to_grant(organisation) if r not in roles]
    return {"organisations": organisations, "roles": roles}
