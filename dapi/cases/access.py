"""The only way views, the API, search and exports get people, referrals and cases.

The information barrier (DESIGN.md, DOMAIN.md §6):
- A case is visible to the workers currently assigned to it and to the provider managers of
  its provider (perpetrator side) and of its victim service (victim side).
- Perpetrator-side records (his identifying details, session notes, goals, perpetrator-side
  forum actions) are read by the perpetrator side; victim-side records (victims' and
  children's identifying details, safety plans, victim contacts and notes, victim-side forum
  actions, DASH answers) only by the victim side. Across the barrier a worker sees a linked
  victim's pseudonym, risk grade and shared safety flags, nothing that could locate or
  identify her.
- Commissioners see cases only as aggregates (selectors), never one by one.
Anything a user may not see answers 404 with the same words as something that does not exist.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from dapi.accounts.models import Role
from dapi.accounts.roles import org_ids_with_role

from .models import (
    Assignment, Case, CaseMember, Contact, ForumAction, ForumListing, IdentifyingDetails, MemberRole, Person, Referral,
    RiskAssessment, SafetyPlan, Side, Workshop,
)


def managed_orgs(user) -> set[int]:
    """Organisations whose cases `user` manages (provider managers)."""
    return org_ids_with_role(user, Role.PROVIDER_MANAGER)


def _current_assignments(user) -> QuerySet[Assignment]:
    return Assignment.objects.filter(worker=user, ended_on__isnull=True) if user.is_authenticated else \
        Assignment.objects.none()


def case_list_for(user) -> QuerySet[Case]:
    """Cases `user` works on now, and every case of the organisations they manage, each once."""
    managed = managed_orgs(user)
    q = Q(pk__in=_current_assignments(user).values("case"))
    if managed:
        q |= Q(provider__in=managed) | Q(victim_service__in=managed)
    return Case.objects.filter(q).select_related("programme", "provider", "victim_service", "perpetrator")


def case_get_for(user, case_id) -> Case:
    try:
        return case_list_for(user).get(pk=int(case_id))
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404("No such case") from None


def sides_for(user, case: Case) -> set[str]:
    """The sides of `case` that `user` may see: empty, one, or both (a manager of an
    organisation that delivers both services)."""
    cache = getattr(user, "_dapi_case_sides", None)
    if cache is None:
        cache = user._dapi_case_sides = {}
    if case.pk in cache:
        return cache[case.pk]
    sides = set(_current_assignments(user).filter(case=case).values_list("side", flat=True))
    managed = managed_orgs(user)
    if case.provider_id in managed:
        sides.add(Side.PERPETRATOR)
    if case.victim_service_id and case.victim_service_id in managed:
        sides.add(Side.VICTIM)
    cache[case.pk] = sides
    return sides


def can_see_victim_side(user, case: Case) -> bool:
    return Side.VICTIM in sides_for(user, case)


def can_see_perpetrator_side(user, case: Case) -> bool:
    return Side.PERPETRATOR in sides_for(user, case)


def can_work_on_case(user, case: Case) -> bool:
    """Perpetrator-side workers and managers change the case itself: status, needs, goals, sessions."""
    return can_see_perpetrator_side(user, case)


def can_assign_workers(user, case: Case, side: str) -> bool:
    """A manager assigns workers to the side their organisation delivers."""
    managed = managed_orgs(user)
    return (case.provider_id in managed) if side == Side.PERPETRATOR else (
        bool(case.victim_service_id) and case.victim_service_id in managed)


def member_list_for(user, case: Case) -> QuerySet[CaseMember]:
    """Victims, children and family of a case the user can see; what of them is shown is up to the side."""
    return case.members.select_related("person").order_by("role", "pk")


def victim_record_get_for(user, case: Case, member_id) -> CaseMember:
    """A victim, child or family member's own record (victim side): 404 across the barrier."""
    if not can_see_victim_side(user, case):
        raise Http404("No such person on this case")
    try:
        return case.members.select_related("person").get(pk=int(member_id))
    except (CaseMember.DoesNotExist, ValueError, TypeError):
        raise Http404("No such person on this case") from None


def identifying_details_for(user, case: Case, person: Person) -> IdentifyingDetails | None:
    """His details for the perpetrator side; the victims', children's and family's for the victim
    side; None when there are none. Raises 404 across the barrier."""
    if person.pk == case.perpetrator_id:
        allowed = can_see_perpetrator_side(user, case)
    else:
        allowed = can_see_victim_side(user, case) and case.members.filter(person=person).exists()
    if not allowed:
        raise Http404("No such person on this case")
    return IdentifyingDetails.objects.filter(person=person).first()


def contact_list_for(user, case: Case) -> QuerySet[Contact]:
    return case.contacts.filter(side__in=sides_for(user, case)).select_related("worker", "member__person")


def safety_plan_list_for(user, member: CaseMember) -> QuerySet[SafetyPlan]:
    if not can_see_victim_side(user, member.case):
        raise Http404("No such person on this case")
    return member.safety_plans.all()


def risk_assessment_list_for(user, case: Case) -> QuerySet[RiskAssessment]:
    """Grades are shared across the barrier; the answers are shown only on the victim side (views check)."""
    return case.risk_assessments.select_related("member__person", "assessor")


def risk_assessment_get_for(user, case: Case, assessment_id) -> RiskAssessment:
    """A full checklist with its answers: victim side only."""
    if not can_see_victim_side(user, case):
        raise Http404("No such assessment")
    try:
        return case.risk_assessments.select_related("member__person").get(pk=int(assessment_id))
    except (RiskAssessment.DoesNotExist, ValueError, TypeError):
        raise Http404("No such assessment") from None


def forum_listing_list_for(user, case: Case) -> QuerySet[ForumListing]:
    """Listings of a visible case; which victim a victim-focused listing concerns is shown by pseudonym."""
    return case.forum_listings.select_related("forum", "member__person", "area")


def forum_action_list_for(user, case: Case | None = None) -> QuerySet[ForumAction]:
    """Forum actions on the sides of the cases `user` may see (all visible cases when `case` is None)."""
    if case is not None:
        return ForumAction.objects.filter(listing__case=case, side__in=sides_for(user, case)).select_related(
            "listing__forum", "listing__case", "owner")
    managed = managed_orgs(user)
    assigned = _current_assignments(user)
    q = Q(pk__in=[])
    for side in (Side.PERPETRATOR, Side.VICTIM):
        side_cases = Q(listing__case__in=assigned.filter(side=side).values("case"))
        if managed:
            org_field = "provider" if side == Side.PERPETRATOR else "victim_service"
            side_cases |= Q(**{f"listing__case__{org_field}__in": managed})
        q |= Q(side=side) & side_cases
    return ForumAction.objects.filter(q).select_related("listing__forum", "listing__case", "owner")


def forum_action_get_for(user, action_id) -> ForumAction:
    try:
        return forum_action_list_for(user).get(pk=int(action_id))
    except (ForumAction.DoesNotExist, ValueError, TypeError):
        raise Http404("No such action") from None


def referral_list_for(user) -> QuerySet[Referral]:
    """Referrals to a provider its managers screen; referrals a police force or other body made its
    analysts and managers follow up."""
    managed = managed_orgs(user)
    referring = org_ids_with_role(user, Role.POLICE_ANALYST, Role.PROVIDER_MANAGER)
    q = Q(pk__in=[])
    if managed:
        q |= Q(provider__in=managed)
    if referring:
        q |= Q(referring_organisation__in=referring)
    return Referral.objects.filter(q).select_related("programme", "provider", "person", "referring_organisation",
                                                     "area")


def referral_get_for(user, referral_id) -> Referral:
    try:
        return referral_list_for(user).get(pk=int(referral_id))
    except (Referral.DoesNotExist, ValueError, TypeError):
        raise Http404("No such referral") from None


def can_screen_referral(user, referral: Referral) -> bool:
    """The receiving provider's managers accept or decline."""
    return referral.provider_id in managed_orgs(user)


def referring_orgs(user) -> set[int]:
    """Organisations on whose behalf `user` may refer: police analysts' forces, provider managers' providers."""
    return org_ids_with_role(user, Role.POLICE_ANALYST, Role.PROVIDER_MANAGER)


def can_refer(user) -> bool:
    return bool(referring_orgs(user))


def person_search_for(user, text: str, limit: int = 20) -> list[tuple[Person, Case]]:
    """People on cases `user` may see whose reference matches `text`, or whose name matches it
    where `user` may read that person's identifying details. A name on the far side of the
    barrier never matches, so a search cannot confirm that someone is known. NUL characters, which
    no stored text holds and PostgreSQL refuses in a query, are dropped (found by fuzzing)."""
    text = (text or "").replace("\x00", "").strip()
    if len(text) < 2:
        return []
    cases = case_list_for(user)
    found: list[tuple[Person, Case]] = []
    seen = set()
    for case in cases.filter(perpetrator__reference__icontains=text)[:limit]:
        found.append((case.perpetrator, case))
        seen.add((case.perpetrator_id, case.pk))
    for member in CaseMember.objects.filter(case__in=cases.values("pk"), person__reference__icontains=text) \
            .select_related("person", "case")[:limit]:
        if (member.person_id, member.case_id) not in seen:
            found.append((member.person, member.case))
            seen.add((member.person_id, member.case_id))
    for case in cases.filter(perpetrator__identifying_details__full_name__icontains=text)[:limit]:
        if can_see_perpetrator_side(user, case) and (case.perpetrator_id, case.pk) not in seen:
            found.append((case.perpetrator, case))
            seen.add((case.perpetrator_id, case.pk))
    for member in CaseMember.objects.filter(case__in=cases.values("pk"),
                                            person__identifying_details__full_name__icontains=text) \
            .select_related("person", "case")[:limit]:
        if can_see_victim_side(user, member.case) and (member.person_id, member.case_id) not in seen:
            found.append((member.person, member.case))
            seen.add((member.person_id, member.case_id))
    return found[:limit]


def workshop_list_for(user) -> QuerySet[Workshop]:
    """CARA workshops run by the user's provider (managers and perpetrator workers)."""
    orgs = org_ids_with_role(user, Role.PROVIDER_MANAGER, Role.PERPETRATOR_WORKER)
    return Workshop.objects.filter(facilitator__in=orgs).select_related("programme", "facilitator")


def workshop_get_for(user, workshop_id) -> Workshop:
    try:
        return workshop_list_for(user).get(pk=int(workshop_id))
    except (Workshop.DoesNotExist, ValueError, TypeError):
        raise Http404("No such workshop") from None


def children_count(case: Case) -> int:
    return sum(1 for m in case.members.all() if m.role == MemberRole.CHILD)
