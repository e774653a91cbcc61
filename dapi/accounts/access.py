"""Who may see and manage which organisations' users and their API tokens: administrators, those of
the organisations they administer; everyone, their own tokens. Everyone else sees none, and gets 404
from the pages."""

from django.db.models import Q, QuerySet
from django.http import Http404

from dapi.lib.access import require

from .models import ApiToken, Membership, Organisation, OrganisationKind, Role, User
from .roles import org_ids_with_role


def administered_membership_list_for(user) -> QuerySet[Membership]:
    """The memberships of the organisations `user` administers (an administrator's home page);
    none for anyone else."""
    return Membership.objects.filter(organisation__in=org_ids_with_role(user, Role.ADMINISTRATOR)).select_related(
        "user", "organisation").order_by("organisation__name", "user__username")


# -- administrators managing their organisation's users ------------------------------------------

# The roles an administrator may give in an organisation of each kind: the work that kind of body
# does (DESIGN.md), so nobody can make, say, a "commissioner" of a provider to reach a commissioner's view.
ROLES_BY_KIND = {
    OrganisationKind.OPCC: (Role.COMMISSIONER, Role.FINANCE_OFFICER),
    OrganisationKind.COMBINED_AUTHORITY: (Role.COMMISSIONER, Role.FINANCE_OFFICER),
    OrganisationKind.LOCAL_AUTHORITY: (Role.COMMISSIONER, Role.FINANCE_OFFICER),
    OrganisationKind.CSP: (Role.COMMISSIONER, Role.FINANCE_OFFICER),
    OrganisationKind.PROVIDER: (Role.PROVIDER_MANAGER, Role.PERPETRATOR_WORKER, Role.PARTNER_SUPPORT_WORKER),
    OrganisationKind.POLICE_FORCE: (Role.POLICE_ANALYST,),
    OrganisationKind.PANEL: (Role.PANEL_MEMBER,),
    OrganisationKind.EVALUATOR: (Role.EVALUATOR,),
}


def _administered(user) -> set[int]:
    return org_ids_with_role(user, Role.ADMINISTRATOR)


def may_manage_users(user) -> bool:
    """`user` administers an organisation, so its users' pages open for them (and the navigation links them)."""
    return bool(_administered(user))


def roles_to_grant(organisation: Organisation) -> list[str]:
    """The roles an administrator may give in `organisation`: those of its kind of body, and administrator."""
    return [*ROLES_BY_KIND.get(organisation.kind, ()), Role.ADMINISTRATOR]


def organisations_to_add_users_to(user) -> QuerySet[Organisation]:
    """The organisations `user` administers, by name; 404 for anyone who administers none."""
    require(may_manage_users(user))
    return Organisation.objects.filter(pk__in=_administered(user)).order_by("name")


def can_add_user(user, organisation: Organisation, role: str) -> bool:
    """An administrator adds users to an organisation they administer, in a role of its kind."""
    return organisation.pk in _administered(user) and role in roles_to_grant(organisation)


def managed_user_list_for(user) -> QuerySet[User]:
    """The users `user` manages: those whose every membership is in an organisation `user`
    administers. Someone who also works for another organisation is that organisation's business
    too (deactivating them would lock them out there), so they are listed but not managed."""
    administered = _administered(user)
    return (User.objects.filter(memberships__organisation__in=administered)
            .exclude(memberships__in=Membership.objects.exclude(organisation__in=administered)).distinct())


def can_manage_user(user, target: User) -> bool:
    """`user` administers every organisation `target` belongs to (see `managed_user_list_for`)."""
    return managed_user_list_for(user).filter(pk=target.pk).exists()


def user_to_manage(user, user_id) -> User:
    """A user whom `user` may deactivate, reactivate, unlock or whose second factor they may reset; 404 otherwise."""
    try:
        return managed_user_list_for(user).get(pk=int(user_id))
    except (User.DoesNotExist, ValueError, TypeError):
        raise Http404("No such user") from None
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


# -- organisations and their identifiers ----------------------------------------------------------

def organisation_list_for(user) -> QuerySet[Organisation]:
    """The organisations `user` works for (any role), by name, each once; none for anyone signed out."""
    if not user or not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(pk__in=Membership.objects.filter(user=user).values("organisation")).order_by(
        "name")


def can_change_organisation(user, organisation: Organisation) -> bool:
    """An organisation's own administrators keep its identifiers (charity, company and org-id numbers)."""
    return organisation.pk in _administered(user)


def organisation_to_change(user, organisation_id) -> Organisation:
    """An organisation whose identifiers `user` may change; 404 otherwise, as for one that does not exist."""
    try:
        organisation = Organisation.objects.get(pk=int(organisation_id))
    except (Organisation.DoesNotExist, ValueError, TypeError):
        raise Http404("No such organisation") from None
    require(can_change_organisation(user, organisation), "No such organisation")
    return organisation
