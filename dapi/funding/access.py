"""Who may see and change the funding ledger: the only place it is decided.

Commissioners and finance officers see the programmes their organisation leads or pays into,
with their whole ledger (awards, match funding, allocations, every agreement); they change the
ledger of the programmes their organisation leads. Provider managers see the programmes their
organisation delivers, with the runway and only their own organisation's agreements, and change
nothing. Everyone else sees no funding records. A record a user may not see, or may not change in
the way asked, answers 404 with the same words as a record that does not exist.

`user=None` is the system (demo loader, operator commands; see dapi/lib/access.py): it sees and
may change everything.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from dapi.accounts.lists import exists_for
from dapi.accounts.models import Role
from dapi.accounts.roles import COMMISSIONING_ROLES, org_ids_with_role
from dapi.lib.access import is_system, require

from .models import (
    Agreement, Allocation, Award, Bid, CoFunderCut, FundingCondition, GrantCondition, MatchContribution, Programme,
    ProgrammeElement, Target,
)


def _commissioning_orgs(user) -> set[int]:
    return org_ids_with_role(user, *COMMISSIONING_ROLES)


def _provider_orgs(user) -> set[int]:
    return org_ids_with_role(user, Role.PROVIDER_MANAGER)


def _programmes_of(queryset) -> Q:
    """Programmes named by the rows of `queryset` (a model with a `programme` key): an id list of its
    own, which the database reads once whatever it knows of the tables' sizes, never a join it
    might loop over row by row (as PostgreSQL did on tables it had not analysed)."""
    return Q(pk__in=queryset.values("programme_id"))


def _paid_or_led_by(orgs: set[int]) -> Q:
    return (Q(lead_commissioner__in=orgs) | _programmes_of(Award.objects.filter(recipient__in=orgs))
            | _programmes_of(Agreement.objects.filter(commissioner__in=orgs))
            | _programmes_of(MatchContribution.objects.filter(partner__in=orgs))
            | _programmes_of(Agreement.objects.filter(contributions__partner__in=orgs)))


def programme_visibility(user) -> Q:
    """The filter for programmes `user` may see (an empty match when none): those their
    commissioning organisations lead or pay into, and those their provider organisations deliver.
    No joins: each part is a list of programme ids, so it never repeats a programme."""
    if is_system(user):
        return Q()
    commissioning, providing = _commissioning_orgs(user), _provider_orgs(user)
    q = Q(pk__in=[])
    if commissioning:
        q |= _paid_or_led_by(commissioning)
    if providing:
        q |= (_programmes_of(Agreement.objects.filter(provider__in=providing))
              | _programmes_of(ProgrammeElement.objects.filter(provider__in=providing)))
    return q


def _distinct(q: Q) -> QuerySet[Programme]:
    return Programme.objects.filter(q).select_related("lead_commissioner")


def programme_list_for(user) -> QuerySet[Programme]:
    """Programmes `user` may see (see programme_visibility), each once, by name."""
    return _distinct(programme_visibility(user))


def programme_get_for(user, slug_or_id) -> Programme:
    """A programme `user` may see, by slug or id; Http404 "No such programme" otherwise."""
    key = {"pk": int(slug_or_id)} if str(slug_or_id).isdigit() else {"slug": slug_or_id}
    try:
        return programme_list_for(user).get(**key)
    except Programme.DoesNotExist:
        raise Http404("No such programme") from None


def ledger_programme_list_for(user) -> QuerySet[Programme]:
    """Programmes whose whole ledger `user` may see: those their commissioning organisations
    (as commissioner or finance officer) lead or pay into. None for everyone else: a provider
    manager sees a programme it delivers, but not its ledger."""
    if is_system(user):
        return programme_list_for(user)
    commissioning = _commissioning_orgs(user)
    return _distinct(_paid_or_led_by(commissioning)) if commissioning else Programme.objects.none()


def can_see_ledger(user, programme: Programme) -> bool:
    """Whether `user` sees `programme`'s whole ledger (awards, match funding, allocations, every
    agreement, the funding table and timeline); see ledger_programme_list_for."""
    return is_system(user) or ledger_programme_list_for(user).filter(pk=programme.pk).exists()


def programme_ledger_get_for(user, slug) -> Programme:
    """A programme whose whole ledger `user` may see; Http404 "No such programme" otherwise."""
    programme = programme_get_for(user, slug)
    require(can_see_ledger(user, programme), "No such programme")
    return programme


def can_change_programme(user, programme: Programme) -> bool:
    """Whether `user` may change `programme`'s ledger (record or change its awards, agreements,
    allocations, match contributions and bids): commissioners and finance officers of its lead
    commissioner, and the system."""
    return is_system(user) or programme.lead_commissioner_id in _commissioning_orgs(user)


def programme_to_change(user, slug_or_id) -> Programme:
    """A programme whose ledger `user` may change; Http404 "No such programme" for any other,
    whether they may see it or not."""
    programme = programme_get_for(user, slug_or_id)
    require(can_change_programme(user, programme), "No such programme")
    return programme


def agreement_list_for(user) -> QuerySet[Agreement]:
    """Agreements `user` may see: every agreement of the programmes whose ledger they see, and
    a provider manager's own organisation's agreements."""
    if is_system(user):
        return Agreement.objects.select_related("programme", "provider", "commissioner")
    providing = _provider_orgs(user)
    q = Q(programme__in=ledger_programme_list_for(user).values("pk"))
    if providing:
        q |= Q(provider__in=providing)
    return Agreement.objects.filter(q).select_related("programme", "provider", "commissioner")


def agreement_get_for(user, agreement_id) -> Agreement:
    """An agreement `user` may see (agreement_list_for); Http404 "No such agreement" otherwise."""
    try:
        return agreement_list_for(user).get(pk=agreement_id)
    except (Agreement.DoesNotExist, ValueError):
        raise Http404("No such agreement") from None


def agreement_to_change(user, agreement_id) -> Agreement:
    """An agreement `user` may change (its programme's ledger, can_change_programme); Http404
    "No such agreement" for any other."""
    agreement = agreement_get_for(user, agreement_id)
    require(can_change_programme(user, agreement.programme), "No such agreement")
    return agreement


def award_list_for(user) -> QuerySet[Award]:
    """Awards of the programmes whose ledger `user` sees (ledger_programme_list_for)."""
    return Award.objects.filter(programme__in=ledger_programme_list_for(user).values("pk")).select_related(
        "funder", "recipient", "programme")


def award_get_for(user, award_id) -> Award:
    """An award `user` may see (award_list_for); Http404 "No such award" otherwise."""
    try:
        return award_list_for(user).get(pk=award_id)
    except (Award.DoesNotExist, ValueError):
        raise Http404("No such award") from None


def award_to_change(user, award_id) -> Award:
    """An award `user` may change (can_change_programme); Http404 "No such award" for any other."""
    award = award_get_for(user, award_id)
    require(can_change_programme(user, award.programme), "No such award")
    return award


def allocation_list_for(user) -> QuerySet[Allocation]:
    """Allocations of the programmes whose ledger `user` sees (ledger_programme_list_for)."""
    return Allocation.objects.filter(programme__in=ledger_programme_list_for(user).values("pk")).select_related(
        "recipient", "programme", "area")


def allocation_get_for(user, allocation_id) -> Allocation:
    """An allocation `user` may see (allocation_list_for); Http404 "No such allocation" otherwise."""
    try:
        return allocation_list_for(user).get(pk=allocation_id)
    except (Allocation.DoesNotExist, ValueError):
        raise Http404("No such allocation") from None


def allocation_to_change(user, allocation_id) -> Allocation:
    """An allocation `user` may change (can_change_programme); Http404 "No such allocation" for
    any other."""
    allocation = allocation_get_for(user, allocation_id)
    require(can_change_programme(user, allocation.programme), "No such allocation")
    return allocation


def may_open_programmes(user) -> bool:
    """The programme list holds a programme `user` may see (for the navigation)."""
    return exists_for(user, programme_list_for)


def provider_agreement_list_for(user) -> QuerySet[Agreement]:
    """Agreements with a provider `user` manages, latest end first (a provider manager's home
    page); none for anyone else."""
    return agreement_list_for(user).filter(provider__in=_provider_orgs(user)).order_by("-end")


def bid_list_for(user) -> QuerySet[Bid]:
    """Bids of the programmes whose ledger `user` sees (ledger_programme_list_for)."""
    return Bid.objects.filter(programme__in=ledger_programme_list_for(user).values("pk")).select_related(
        "round__stream__funder", "programme", "applicant")


def bid_get_for(user, bid_id) -> Bid:
    """A bid `user` may see (bid_list_for); Http404 "No such bid" otherwise."""
    try:
        return bid_list_for(user).get(pk=bid_id)
    except (Bid.DoesNotExist, ValueError):
        raise Http404("No such bid") from None


def bid_to_change(user, bid_id) -> Bid:
    """A bid whose outcome `user` may record (can_change_programme); Http404 "No such bid" for any other."""
    bid = bid_get_for(user, bid_id)
    require(can_change_programme(user, bid.programme), "No such bid")
    return bid


def provider_org_ids(user) -> set[int]:
    """The organisations `user` manages as a provider (whose cases and agreements are theirs)."""
    return _provider_orgs(user)


def manages_provider(user, agreement: Agreement) -> bool:
    """Whether `user` manages the agreement's provider (a provider manager of it), or is the system."""
    return is_system(user) or (agreement.provider_id is not None and agreement.provider_id in _provider_orgs(user))


def commissions(user, agreement: Agreement) -> bool:
    """Whether `user` is a commissioner or finance officer of the agreement's commissioner or of its
    programme's lead commissioner, or is the system."""
    if is_system(user):
        return True
    orgs = _commissioning_orgs(user)
    return agreement.commissioner_id in orgs or agreement.programme.lead_commissioner_id in orgs


def target_to_report(user, target_id) -> Target:
    """A target whose actual `user` may enter: a measure the provider reports, of an agreement whose
    provider they manage; Http404 "No such target" for any other."""
    try:
        target = Target.objects.select_related("agreement__programme").get(pk=target_id)
    except (Target.DoesNotExist, ValueError):
        raise Http404("No such target") from None
    require(agreement_list_for(user).filter(pk=target.agreement_id).exists()
            and manages_provider(user, target.agreement) and not target.counted, "No such target")
    return target


def _of_agreement_to_change(user, model, pk, what: str):
    """A row of `model` belonging to an agreement `user` may change (agreement_to_change); Http404
    `what` for any other."""
    try:
        row = model.objects.select_related("agreement__programme").get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404(what) from None
    require(agreement_list_for(user).filter(pk=row.agreement_id).exists()
            and can_change_programme(user, row.agreement.programme), what)
    return row


def condition_to_change(user, condition_id) -> GrantCondition:
    """A grant condition of an agreement `user` may change; Http404 "No such condition" otherwise."""
    return _of_agreement_to_change(user, GrantCondition, condition_id, "No such condition")


def funding_condition_to_change(user, condition_id) -> FundingCondition:
    """A funding condition of an agreement `user` may change; Http404 "No such funding condition" otherwise."""
    return _of_agreement_to_change(user, FundingCondition, condition_id, "No such funding condition")


def cut_to_change(user, cut_id) -> CoFunderCut:
    """A co-funder's cut on an agreement `user` may change (to apply it); Http404 "No such cut" otherwise."""
    return _of_agreement_to_change(user, CoFunderCut, cut_id, "No such cut")
