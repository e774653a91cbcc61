"""The only way views and the API get funding objects.

Commissioners and finance officers see the programmes their organisation leads or pays into;
provider managers see programmes their organisation delivers, and only their own agreements.
Everyone else sees no funding records. Objects a user may not see answer 404.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from dapi.accounts.models import Role
from dapi.accounts.roles import COMMISSIONING_ROLES, org_ids_with_role

from .models import Agreement, Allocation, Award, Programme


def _commissioning_orgs(user) -> set[int]:
    return org_ids_with_role(user, *COMMISSIONING_ROLES)


def _provider_orgs(user) -> set[int]:
    return org_ids_with_role(user, Role.PROVIDER_MANAGER)


def programme_visibility(user) -> Q:
    """The filter for programmes `user` may see (an empty match when none)."""
    commissioning, providing = _commissioning_orgs(user), _provider_orgs(user)
    q = Q(pk__in=[])
    if commissioning:
        q |= (
            Q(lead_commissioner__in=commissioning)
            | Q(awards__recipient__in=commissioning)
            | Q(agreements__commissioner__in=commissioning)
            | Q(match_contributions__partner__in=commissioning)
            | Q(agreements__contributions__partner__in=commissioning)
        )
    if providing:
        q |= Q(agreements__provider__in=providing) | Q(elements__provider__in=providing)
    return q


def programme_list_for(user) -> QuerySet[Programme]:
    """Programmes visible to `user`, each once."""
    ids = Programme.objects.filter(programme_visibility(user)).values("pk")
    return Programme.objects.filter(pk__in=ids).select_related("lead_commissioner")


def programme_get_for(user, slug_or_id) -> Programme:
    """A programme `user` may see, by slug or id; 404 otherwise."""
    key = {"pk": int(slug_or_id)} if str(slug_or_id).isdigit() else {"slug": slug_or_id}
    try:
        return programme_list_for(user).get(**key)
    except Programme.DoesNotExist:
        raise Http404("No such programme") from None


def can_change_programme(user, programme: Programme) -> bool:
    """Commissioners and finance officers of the lead commissioner may change its ledger."""
    return programme.lead_commissioner_id in _commissioning_orgs(user)


def agreement_list_for(user) -> QuerySet[Agreement]:
    """Agreements of visible programmes; a provider manager sees only its own organisation's."""
    commissioning, providing = _commissioning_orgs(user), _provider_orgs(user)
    visible = programme_list_for(user).values("pk")
    q = Q(pk__in=[])
    if commissioning:
        q |= Q(programme__in=visible)
    if providing:
        q |= Q(provider__in=providing)
    return Agreement.objects.filter(q).select_related("programme", "provider", "commissioner")


def agreement_get_for(user, agreement_id) -> Agreement:
    try:
        return agreement_list_for(user).get(pk=agreement_id)
    except (Agreement.DoesNotExist, ValueError):
        raise Http404("No such agreement") from None


def award_list_for(user) -> QuerySet[Award]:
    """Awards of programmes a commissioner or finance officer can see."""
    if not _commissioning_orgs(user):
        return Award.objects.none()
    return Award.objects.filter(programme__in=programme_list_for(user).values("pk")).select_related(
        "funder", "recipient", "programme"
    )


def award_get_for(user, award_id) -> Award:
    try:
        return award_list_for(user).get(pk=award_id)
    except (Award.DoesNotExist, ValueError):
        raise Http404("No such award") from None


def allocation_list_for(user) -> QuerySet[Allocation]:
    if not _commissioning_orgs(user):
        return Allocation.objects.none()
    return Allocation.objects.filter(programme__in=programme_list_for(user).values("pk")).select_related(
        "recipient", "programme", "area"
    )


def allocation_get_for(user, allocation_id) -> Allocation:
    try:
        return allocation_list_for(user).get(pk=allocation_id)
    except (Allocation.DoesNotExist, ValueError):
        raise Http404("No such allocation") from None


def programmes_changeable_by(user) -> QuerySet[Programme]:
    """Programmes whose ledger `user` may change (for form choices)."""
    return Programme.objects.filter(lead_commissioner__in=_commissioning_orgs(user))


def sees_ledger(user) -> bool:
    """Whether `user` sees a programme's whole ledger (awards, match funding, allocations, the
    funding table and timeline), as commissioners and finance officers do; a provider manager
    sees the runway and only its own organisation's agreements (see access.py)."""
    return bool(org_ids_with_role(user, *COMMISSIONING_ROLES))


def programme_ledger_get_for(user, slug) -> Programme:
    """A programme whose whole ledger `user` may see (for the timeline chart); 404 otherwise."""
    programme = programme_get_for(user, slug)
    if not sees_ledger(user):
        raise Http404("No such programme")
    return programme


def programme_to_change(user, slug) -> Programme:
    """A programme whose ledger `user` may change; 404 for everyone else."""
    programme = programme_get_for(user, slug)
    if not can_change_programme(user, programme):
        raise Http404("No such programme")
    return programme


def _changeable(user, obj):
    if not can_change_programme(user, obj.programme):
        raise Http404("Not found")
    return obj


def agreement_to_change(user, agreement_id) -> Agreement:
    return _changeable(user, agreement_get_for(user, agreement_id))


def award_to_change(user, award_id) -> Award:
    return _changeable(user, award_get_for(user, award_id))


def allocation_to_change(user, allocation_id) -> Allocation:
    return _changeable(user, allocation_get_for(user, allocation_id))
