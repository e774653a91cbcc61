"""Who may see which organisations' users and their API tokens: administrators, those of the
organisations they administer; everyone, their own tokens. Everyone else sees none."""

from django.db.models import Q, QuerySet

from dapi.lib.access import require

from .models import ApiToken, Membership, Role
from .roles import org_ids_with_role


def administered_membership_list_for(user) -> QuerySet[Membership]:
    """The memberships of the organisations `user` administers (an administrator's home page);
    none for anyone else."""
    return Membership.objects.filter(organisation__in=org_ids_with_role(user, Role.ADMINISTRATOR)).select_related(
        "user", "organisation").order_by("organisation__name", "user__username")


def _administered_users(user):
    return Membership.objects.filter(organisation__in=org_ids_with_role(user, Role.ADMINISTRATOR)).values("user")


def can_manage_api_tokens_of(user, owner) -> bool:
    """`user` may list, make and revoke `owner`'s API tokens: they are `owner`, or administer an
    organisation `owner` belongs to."""
    if not user or not user.is_authenticated:
        return False
    return user.pk == owner.pk or _administered_users(user).filter(user=owner.pk).exists()


def may_open_api_tokens(user) -> bool:
    """The API tokens page holds something for `user`: they have a token, or administer an organisation."""
    if not user or not user.is_authenticated:
        return False
    return bool(org_ids_with_role(user, Role.ADMINISTRATOR)) or ApiToken.objects.filter(user=user).exists()


def api_token_list_for(user) -> QuerySet[ApiToken]:
    """The API tokens `user` may see and revoke, unrevoked first, newest first within: their own,
    and those of the members of the organisations they administer. None for anyone signed out."""
    if not user or not user.is_authenticated:
        return ApiToken.objects.none()
    return (ApiToken.objects.filter(Q(user=user) | Q(user__in=_administered_users(user)))
            .select_related("user").order_by("revoked", "-created_at", "-pk"))


def api_token_to_revoke(user, token_id: int) -> ApiToken:
    """The token `token_id` if `user` may revoke it (see `api_token_list_for`); 404 otherwise, as for
    a token that does not exist."""
    token = api_token_list_for(user).filter(pk=token_id).first()
    require(token is not None, "No such API token")
    return token
