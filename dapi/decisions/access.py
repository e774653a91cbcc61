"""Who may see and change decisions, meetings, resolutions and evaluations: the only place it is decided.

A decision is visible to whoever may see one of the programmes it concerns or links money to,
and to commissioners and finance officers of the body that made it; they alone may record or
change its decisions. Resolutions are visible with their meeting: to those who see one of its
programmes, and to members of the meeting's body (panel members see their own panel's
resolutions). Commissioners and finance officers of the meeting's body, or of the lead
commissioner of a programme it concerns, record and change them.

What a user may not see, or may not change, answers as if it did not exist (Http404 with the
same words), on pages and in the API alike. Services pass `by=None` for the system itself
(dapi.lib.access); these functions are about people and refuse None.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from dapi.accounts.lists import exists_for
from dapi.accounts.models import Organisation, Role
from dapi.accounts.roles import COMMISSIONING_ROLES, org_ids_with_role
from dapi.funding.access import programme_list_for
from dapi.lib.access import require

from .models import Decision, Evaluation, Meeting, Resolution


def _commissioning(user) -> set[int]:
    return org_ids_with_role(user, *COMMISSIONING_ROLES)


def _pk(obj) -> int | None:
    return getattr(obj, "pk", obj)


# -- decisions ------------------------------------------------------------------------------------


def _decisions_of(links) -> Q:
    return Q(pk__in=links.values("decision_id"))


def decision_list_for(user) -> QuerySet[Decision]:
    """Decisions `user` may see: those about or funding a programme they see, and every decision
    of a body where they are a commissioner or finance officer. Empty for no one else."""
    # Each way of reaching a decision is a list of decision ids of its own (no joins, so no repeats
    # to remove): the database reads each once, whatever it knows of the tables' sizes. As one join
    # of every link table, PostgreSQL on unanalysed tables looped over 5,005 decisions with a
    # sequential scan each (bench/RESULTS.md).
    programmes = programme_list_for(user).values("pk")
    q = (
        _decisions_of(Decision.programmes.through.objects.filter(programme__in=programmes))
        | _decisions_of(Decision.agreements.through.objects.filter(agreement__programme__in=programmes))
        | _decisions_of(Decision.awards.through.objects.filter(award__programme__in=programmes))
        | _decisions_of(Decision.allocations.through.objects.filter(allocation__programme__in=programmes))
        | Q(organisation__in=_commissioning(user))
    )
    return Decision.objects.filter(q).select_related("organisation")


def decision_get_for(user, decision_id) -> Decision:
    """A decision `user` may see; Http404 "No such decision" for any other, as for a missing one."""
    try:
        return decision_list_for(user).get(pk=decision_id)
    except (Decision.DoesNotExist, ValueError):
        raise Http404("No such decision") from None


def deciding_bodies_for(user) -> QuerySet[Organisation]:
    """The bodies whose decision records `user` may add: those where they are a commissioner or
    finance officer. Empty for every other role."""
    return Organisation.objects.filter(pk__in=_commissioning(user))


def deciding_bodies_to_create(user) -> QuerySet[Organisation]:
    """As deciding_bodies_for, for the pages that add a decision: Http404 when there is none, so
    that those pages do not exist for anyone who may not use them."""
    bodies = deciding_bodies_for(user)
    require(bodies.exists())
    return bodies


def can_create_decision(user, organisation=None) -> bool:
    """Whether `user` may record a decision of `organisation` (of any body when it is None):
    commissioners and finance officers of that body."""
    commissioning = _commissioning(user)
    return bool(commissioning) if organisation is None else _pk(organisation) in commissioning


def can_change_decision(user, decision: Decision) -> bool:
    """Commissioners and finance officers of the deciding body may change its records."""
    return can_create_decision(user, decision.organisation_id)


def decision_to_change(user, decision_id) -> Decision:
    """A decision `user` may change (see can_change_decision); Http404 "No such decision" for any
    other, whether or not they may see it."""
    decision = decision_get_for(user, decision_id)
    require(can_change_decision(user, decision), "No such decision")
    return decision


# -- meetings and resolutions --------------------------------------------------------------------


def meeting_list_for(user) -> QuerySet[Meeting]:
    """Meetings about a programme `user` sees, and meetings of a body where they are a panel
    member, commissioner or finance officer."""
    programmes = programme_list_for(user).values("pk")
    q = Q(programmes__in=programmes) | Q(body__in=org_ids_with_role(user, Role.PANEL_MEMBER, *COMMISSIONING_ROLES))
    ids = Meeting.objects.filter(q).values("pk")
    return Meeting.objects.filter(pk__in=ids).select_related("body")


def meeting_get_for(user, meeting_id) -> Meeting:
    """A meeting `user` may see; Http404 "No such meeting" for any other."""
    try:
        return meeting_list_for(user).get(pk=meeting_id)
    except (Meeting.DoesNotExist, ValueError):
        raise Http404("No such meeting") from None


def can_record_meeting(user, body, programmes=()) -> bool:
    """Whether `user` may record a meeting of `body` about `programmes`: commissioners and finance
    officers of the body, or of the lead commissioner of one of the programmes."""
    commissioning = _commissioning(user)
    return _pk(body) in commissioning or any(p.lead_commissioner_id in commissioning for p in programmes)


def can_resolve(user, meeting: Meeting) -> bool:
    """Whether `user` may record and change the meeting's resolutions: commissioners and finance
    officers of its body, or of the lead commissioner of a programme it concerns."""
    commissioning = _commissioning(user)
    if not commissioning:
        return False
    return meeting.body_id in commissioning or meeting.programmes.filter(lead_commissioner__in=commissioning).exists()


def meeting_to_resolve(user, meeting_id) -> Meeting:
    """A meeting `user` may add resolutions to (see can_resolve); Http404 "No such meeting" for
    any other, whether or not they may see it."""
    meeting = meeting_get_for(user, meeting_id)
    require(can_resolve(user, meeting), "No such meeting")
    return meeting


def resolution_list_for(user) -> QuerySet[Resolution]:
    """Resolutions of the meetings `user` may see."""
    return Resolution.objects.filter(meeting__in=meeting_list_for(user).values("pk")).select_related("meeting")


def resolution_get_for(user, resolution_id) -> Resolution:
    """A resolution `user` may see; Http404 "No such resolution" for any other."""
    try:
        return resolution_list_for(user).get(pk=resolution_id)
    except (Resolution.DoesNotExist, ValueError):
        raise Http404("No such resolution") from None


def can_change_resolution(user, resolution: Resolution) -> bool:
    """Those who may resolve at its meeting (see can_resolve) may change a resolution."""
    return can_resolve(user, resolution.meeting)


def resolution_to_change(user, resolution_id) -> Resolution:
    """A resolution `user` may change; Http404 "No such resolution" for any other, whether or not
    they may see it (a panel member sees their panel's resolutions but gets 404 changing one)."""
    resolution = resolution_get_for(user, resolution_id)
    require(can_change_resolution(user, resolution), "No such resolution")
    return resolution


# -- evaluations ---------------------------------------------------------------------------------


def evaluation_list_for(user) -> QuerySet[Evaluation]:
    """Evaluations of programmes `user` sees, and those their own research body carries out."""
    programmes = programme_list_for(user).values("pk")
    q = Q(programme__in=programmes) | Q(evaluator__in=org_ids_with_role(user, Role.EVALUATOR))
    return Evaluation.objects.filter(q).select_related("programme", "evaluator").distinct()


def can_plan_evaluation(user, programme) -> bool:
    """Commissioners and finance officers of the programme's lead commissioner plan its evaluations."""
    return programme.lead_commissioner_id in _commissioning(user)


def may_open_decisions(user) -> bool:
    """`user` may see a decision record, or add one for a body (for the navigation)."""
    # The bodies are asked first: one short query settles it for commissioners and finance officers.
    return exists_for(user, deciding_bodies_for) or exists_for(user, decision_list_for)


def may_open_resolutions(user) -> bool:
    """`user` may see a resolution (for the navigation)."""
    return exists_for(user, resolution_list_for)


def panel_resolution_list_for(user) -> QuerySet[Resolution]:
    """Resolutions of meetings of a panel or board `user` sits on (a panel member's home page);
    none for anyone else."""
    return resolution_list_for(user).filter(meeting__body__in=org_ids_with_role(user, Role.PANEL_MEMBER))


def evaluation_carried_out_list_for(user) -> QuerySet[Evaluation]:
    """Evaluations carried out by a research body `user` belongs to (an evaluator's home page);
    none for anyone else."""
    return evaluation_list_for(user).filter(evaluator__in=org_ids_with_role(user, Role.EVALUATOR))
