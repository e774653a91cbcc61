"""The only place a permission on people, referrals and cases is decided.

The information barrier (DESIGN.md, DOMAIN.md §6):
- A case is visible to the workers currently assigned to it and to the provider managers of
  its provider (perpetrator side) and of its victim service (victim side).
- One person, one side: nobody is assigned to a side of a case while holding a claim on its other
  side, and nobody sees both; where a person holds claims on both, his side wins (`sides_for`).
- Perpetrator-side records (his identifying details, session notes, goals, perpetrator-side
  forum actions) are read by the perpetrator side; victim-side records (victims' and
  children's identifying details, safety plans, victim contacts and notes, victim-side forum
  actions, DASH answers) only by the victim side. Across the barrier a worker sees a linked
  victim's pseudonym, risk grade and shared safety flags, nothing that could locate or
  identify her.
- Commissioners see cases only as aggregates (selectors), never one by one.

Pages and the API fetch through the `*_get_for`, `*_list_for` and `*_to_<verb>` functions; the
services check their `by` with the `can_*` functions; selectors use `can_*` to say which buttons
a page shows. Anything a user may not see or do answers 404 with the same words as something
that does not exist. Forums and CARA have their own access modules built on this one.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from dapi.accounts.lists import exists_for
from dapi.accounts.models import Organisation, Role
from dapi.accounts.roles import COMMISSIONING_ROLES, org_ids_with_role

from .models import (
    Assignment, Case, CaseMember, Contact, Goal, IdentifyingDetails, Need, Person, Referral, RiskAssessment,
    SafetyPlan, Side,
)

CASE_ROLES = (Role.PROVIDER_MANAGER, Role.PERPETRATOR_WORKER, Role.PARTNER_SUPPORT_WORKER)


def managed_orgs(user) -> set[int]:
    """Organisations whose cases `user` manages (provider managers)."""
    return org_ids_with_role(user, Role.PROVIDER_MANAGER)


def assignment_list_for(user) -> QuerySet[Assignment]:
    """The assignments `user` holds now (none for someone not signed in)."""
    return Assignment.objects.filter(worker=user, ended_on__isnull=True) if user.is_authenticated else \
        Assignment.objects.none()


def _not_found(queryset, pk, what: str):
    try:
        return queryset.get(pk=int(pk))
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404(what) from None


# -- cases and their sides ---------------------------------------------------------------------------

def case_side_q(user, side: str, path: str = "") -> Q:
    """The cases (through `path`, e.g. "listing__case__") of which `user` sees `side` now, as
    `sides_for` decides: assigned to it now or managing the organisation delivering it; her
    side never for someone with a claim on his."""
    mine = Assignment.objects.filter(worker=user) if user.is_authenticated else Assignment.objects.none()
    managed = managed_orgs(user)
    q = Q(**{f"{path}pk__in": mine.filter(side=side, ended_on__isnull=True).values("case")})
    q |= Q(**{f"{path}{'provider' if side == Side.PERPETRATOR else 'victim_service'}__in": managed})
    if side == Side.VICTIM:
        q &= ~Q(**{f"{path}pk__in": mine.filter(side=Side.PERPETRATOR).values("case")})
        q &= ~Q(**{f"{path}provider__in": managed})
    return q


def case_list_for(user) -> QuerySet[Case]:
    """Cases of which `user` sees a side now (`case_side_q`), each once."""
    q = case_side_q(user, Side.PERPETRATOR) | case_side_q(user, Side.VICTIM)
    return Case.objects.filter(q).select_related("programme", "provider", "victim_service", "perpetrator")


def case_get_for(user, case_id) -> Case:
    """A case `user` works on or manages; 404 otherwise."""
    return _not_found(case_list_for(user), case_id, "No such case")


def _claims(user, case: Case) -> tuple[set[str], set[str]]:
    """The sides of `case` `user` has ever had a claim on, and those they hold now: assignments
    (an ended one still counts as ever) and managing the organisation delivering a side."""
    rows = Assignment.objects.filter(case=case, worker=user).values_list("side", "ended_on") \
        if user.is_authenticated else []
    ever, now = {side for side, _ in rows}, {side for side, ended in rows if ended is None}
    managed = managed_orgs(user)
    for side, org in ((Side.PERPETRATOR, case.provider_id), (Side.VICTIM, case.victim_service_id)):
        if org and org in managed:
            ever.add(side)
            now.add(side)
    return ever, now


def sides_claimed(user, case: Case) -> set[str]:
    """Every side of `case` `user` has a claim on (`_claims`). Both is a breach of the barrier:
    such a person sees the perpetrator side only, and `dapi check-barrier` lists them."""
    return _claims(user, case)[0]


def _sides_now(user, case: Case) -> set[str]:
    ever, now = _claims(user, case)
    return {Side.PERPETRATOR if Side.PERPETRATOR in ever else Side.VICTIM} & now


def sides_for(user, case: Case) -> set[str]:
    """The one side of `case` `user` may see, or none: his side for anyone with a claim on it
    (`sides_claimed`), else her side for those assigned to it or managing the victim service;
    never both. Kept on the user object for the request that reads a page; the `can_*` checks of
    writes look again."""
    cache = getattr(user, "_dapi_case_sides", None)
    if cache is None:
        cache = user._dapi_case_sides = {}
    if case.pk not in cache:
        cache[case.pk] = _sides_now(user, case)
    return cache[case.pk]


def can_see_side(user, case: Case, side: str) -> bool:
    """The workers assigned to `side` of the case now and the managers of the organisation
    delivering it (looked up afresh, for the checks of writes)."""
    return side in _sides_now(user, case)


def can_see_victim_side(user, case: Case) -> bool:
    """Her partner support worker and the managers of the case's victim service."""
    return can_see_side(user, case, Side.VICTIM)


def can_see_perpetrator_side(user, case: Case) -> bool:
    """His assigned workers and the managers of the case's provider."""
    return can_see_side(user, case, Side.PERPETRATOR)


def can_work_on_case(user, case: Case) -> bool:
    """Perpetrator-side workers and managers change the case itself: status, needs, goals, sessions."""
    return can_see_perpetrator_side(user, case)


def can_be_assigned(worker, case: Case, side: str) -> bool:
    """A person may be put on `side` of `case` only with no claim on its other side
    (`sides_claimed`): one person, one side."""
    return not (sides_claimed(worker, case) - {side})


def can_assign_workers(user, case: Case, side: str) -> bool:
    """A manager assigns workers to (and takes them off) the side their organisation delivers
    (without seeing it: a manager of both sides' organisations staffs her side blind)."""
    managed = managed_orgs(user)
    if side == Side.PERPETRATOR:
        return case.provider_id in managed
    return side == Side.VICTIM and bool(case.victim_service_id) and case.victim_service_id in managed


def can_link_people(user, case: Case) -> bool:
    """Either side links a victim, child or family member to a case it works on (only the
    pseudonym is shared; her details are then kept by the victim side)."""
    return bool(_sides_now(user, case))


def can_record_contact(user, case: Case, side: str) -> bool:
    """Workers and managers record sessions and contacts on their own side of the case only."""
    return can_see_side(user, case, side)


def can_open_case(user, provider: Organisation) -> bool:
    """The provider's managers open its cases (usually by accepting a referral)."""
    return provider.pk in managed_orgs(user)


def can_see_case_aggregates(user) -> bool:
    """Commissioners and finance officers see case numbers per programme instead of a caseload."""
    return bool(org_ids_with_role(user, *COMMISSIONING_ROLES))


def case_to_work_on(user, case_id) -> Case:
    """A case whose status, needs, goals and sessions `user` may change: its perpetrator side
    (assigned perpetrator-side workers, the provider's managers); 404 for anyone else."""
    case = case_get_for(user, case_id)
    if not can_work_on_case(user, case):
        raise Http404("No such case")
    return case


def case_to_assign_workers(user, case_id, side: str) -> Case:
    """A case to which `user` may add workers on `side`: managers of the organisation delivering
    that side; 404 for anyone else and for a side that does not exist."""
    case = case_get_for(user, case_id)
    if not can_assign_workers(user, case, side):
        raise Http404("No such case")
    return case


def case_to_link_people(user, case_id) -> Case:
    """A case to which `user` may link a victim, child or family member: either side; 404 otherwise."""
    case = case_get_for(user, case_id)
    if not can_link_people(user, case):
        raise Http404("No such case")
    return case


def case_to_record_contact(user, case_id, side: str) -> Case:
    """A case on which `user` may record a session or contact on `side`: that side's workers and
    managers; 404 for the other side, anyone else and a side that does not exist."""
    case = case_get_for(user, case_id)
    if not can_record_contact(user, case, side):
        raise Http404("No such case")
    return case


def need_to_change(user, case_id, need_id) -> Need:
    """One of his needs, for the perpetrator side of its case (`case_to_work_on`); 404 otherwise."""
    return _not_found(case_to_work_on(user, case_id).needs.select_related("case", "kind"), need_id, "Not found")


def goal_to_change(user, case_id, goal_id) -> Goal:
    """One of his goals, for the perpetrator side of its case (`case_to_work_on`); 404 otherwise."""
    return _not_found(case_to_work_on(user, case_id).goals.select_related("case"), goal_id, "Not found")


# -- people on a case ---------------------------------------------------------------------------------

def member_list_for(user, case: Case) -> QuerySet[CaseMember]:
    """Victims, children and family of a case the user can see (none of one they cannot); what of
    them is shown is up to the side."""
    if not sides_for(user, case):
        return CaseMember.objects.none()
    return case.members.select_related("person").order_by("role", "pk")


def can_change_victim_record(user, member: CaseMember) -> bool:
    """Her shared safety flags, support dates, safety plans and DASH: the victim side of her case."""
    return can_see_victim_side(user, member.case)


def victim_record_get_for(user, case: Case, member_id) -> CaseMember:
    """A victim, child or family member's own record (victim side): 404 across the barrier."""
    if not can_see_victim_side(user, case):
        raise Http404("No such person on this case")
    return _not_found(case.members.select_related("person", "case"), member_id, "No such person on this case")


def person_to_describe(user, case: Case, person_id) -> Person:
    """The person on `case` whose identifying details `user` may read and set: him for the
    perpetrator side, a linked victim, child or family member for the victim side; 404 across
    the barrier and for anyone not on the case."""
    if int(person_id) == case.perpetrator_id:
        if not can_see_perpetrator_side(user, case):
            raise Http404("No such person on this case")
        return case.perpetrator
    member_id = case.members.filter(person_id=int(person_id)).values_list("pk", flat=True).first()
    return victim_record_get_for(user, case, member_id or 0).person


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


def can_record_person(user) -> bool:
    """Provider managers and workers and police analysts record a new pseudonymous person (to
    refer him or to link her to a case). The person holds only a reference; the referral or case
    it is linked to in the same transaction is what protects it."""
    return bool(org_ids_with_role(user, *CASE_ROLES, Role.POLICE_ANALYST))


def can_set_identifying_details(user, person: Person) -> bool:
    """His details: the perpetrator side of a case he is on; hers (and a child's or family
    member's): the victim side of a case she is linked to. Someone on no case yet: the staff of
    the organisation that recorded them."""
    visible = case_list_for(user)
    if any(can_see_perpetrator_side(user, case) for case in visible.filter(perpetrator=person)):
        return True
    if any(can_see_victim_side(user, case) for case in visible.filter(members__person=person)):
        return True
    on_a_case = Case.objects.filter(Q(perpetrator=person) | Q(members__person=person)).exists()
    return not on_a_case and person.recorded_by_id in org_ids_with_role(user, *CASE_ROLES, Role.POLICE_ANALYST)


def contact_list_for(user, case: Case) -> QuerySet[Contact]:
    """Sessions and contacts on the sides of `case` that `user` sees."""
    return case.contacts.filter(side__in=sides_for(user, case)).select_related("worker", "member__person")


def safety_plan_list_for(user, member: CaseMember) -> QuerySet[SafetyPlan]:
    """Her safety plans: the victim side only; 404 across the barrier."""
    if not can_see_victim_side(user, member.case):
        raise Http404("No such person on this case")
    return member.safety_plans.all()


def risk_assessment_list_for(user, case: Case) -> QuerySet[RiskAssessment]:
    """The DASH assessments of a case the user can see (none of one they cannot): grades are shared
    across the barrier; the answers are read only through `risk_assessment_get_for`."""
    if not sides_for(user, case):
        return RiskAssessment.objects.none()
    return case.risk_assessments.select_related("member__person", "assessor")


def risk_assessment_get_for(user, case: Case, assessment_id) -> RiskAssessment:
    """A full checklist with its answers: victim side only."""
    if not can_see_victim_side(user, case):
        raise Http404("No such assessment")
    return _not_found(case.risk_assessments.select_related("member__person"), assessment_id, "No such assessment")


# -- referrals ----------------------------------------------------------------------------------------

def referring_orgs(user) -> set[int]:
    """Organisations on whose behalf `user` may refer: police analysts' forces, provider managers' providers."""
    return org_ids_with_role(user, Role.POLICE_ANALYST, Role.PROVIDER_MANAGER)


def referral_list_for(user) -> QuerySet[Referral]:
    """Referrals to a provider its managers screen; referrals a police force or other body made its
    analysts and managers follow up."""
    managed = managed_orgs(user)
    referring = referring_orgs(user)
    q = Q(pk__in=[])
    if managed:
        q |= Q(provider__in=managed)
    if referring:
        q |= Q(referring_organisation__in=referring)
    return Referral.objects.filter(q).select_related("programme", "provider", "person", "referring_organisation",
                                                     "area")


def referral_get_for(user, referral_id) -> Referral:
    """A referral `user` screens or made (see `referral_list_for`); 404 otherwise."""
    return _not_found(referral_list_for(user), referral_id, "No such referral")


def can_refer(user) -> bool:
    """Police analysts and provider managers refer."""
    return bool(referring_orgs(user))


def can_refer_for(user, organisation: Organisation) -> bool:
    """`user` may refer on behalf of `organisation`: one of their `referring_orgs`."""
    return organisation.pk in referring_orgs(user)


def can_refer_as_police(user, organisation: Organisation) -> bool:
    """Police analysts of `organisation` refer with its police identifiers (from its ranking)."""
    return organisation.pk in org_ids_with_role(user, Role.POLICE_ANALYST)


def can_screen_referral(user, referral: Referral) -> bool:
    """The receiving provider's managers accept or decline."""
    return referral.provider_id in managed_orgs(user)


def can_correct_referral(user, referral: Referral) -> bool:
    """The screening facts are corrected by whoever screens it or by the referring organisation."""
    return can_screen_referral(user, referral) or can_refer_for(user, referral.referring_organisation)


def organisations_to_refer_for(user) -> QuerySet[Organisation]:
    """The organisations on whose behalf `user` may refer, by name; 404 for someone who may not
    refer at all."""
    orgs = referring_orgs(user)
    if not orgs:
        raise Http404("Not found")
    return Organisation.objects.filter(pk__in=orgs).order_by("name")


def organisation_to_refer_for(user, name: str) -> Organisation:
    """The referring organisation called `name`, if it is one of `user`'s; 404 otherwise."""
    organisation = Organisation.objects.filter(pk__in=referring_orgs(user), name=name).first()
    if organisation is None:
        raise Http404("No such programme or organisation (the referring organisation must be yours)")
    return organisation


def may_open_cases(user) -> bool:
    """`user` sees case numbers per programme (commissioners), or has a case in their caseload
    (for the navigation)."""
    return can_see_case_aggregates(user) or exists_for(user, case_list_for)


def may_open_referrals(user) -> bool:
    """`user` may refer someone, or see a referral (for the navigation)."""
    return can_refer(user) or exists_for(user, referral_list_for)
