"""Who may see which organisations' users: administrators, those of the organisations they
administer. Everyone else sees none."""

from django.db.models import QuerySet

from .models import Membership, Role
from .roles import org_ids_with_role


def administered_membership_list_for(user) -> QuerySet[Membership]:
    """The memberships of the organisations `user` administers (an administrator's home page);
    none for anyone else."""
    return Membership.objects.filter(organisation__in=org_ids_with_role(user, Role.ADMINISTRATOR)).select_related(
        "user", "organisation").order_by("organisation__name", "user__username")
