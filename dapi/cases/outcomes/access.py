"""Who may see and record victim-reported outcomes, on top of the case barrier (cases/access.py).

Her answers are victim-side records: only the victim side of her case (her partner support worker,
the victim service's managers) reads or records them; everyone else gets 404, in the same words as
for someone not on the case. The questionnaire itself is the programme's configuration, set by
those who may change the programme (its lead commissioner's commissioners and finance officers),
as they set its eligibility rules. Commissioners and panels see the answers only as matched-pair
counts under disclosure control (reports).
"""

from django.db.models import QuerySet
from django.http import Http404

from dapi.funding import access as funding_access
from dapi.funding.models import Programme

from .. import access as case_access
from ..models import CaseMember, MemberRole
from .models import VictimOutcome


def can_record_outcome(user, member: CaseMember) -> bool:
    """A victim's answers: the victim side of her case (`cases.access.can_change_victim_record`),
    for victims only (children and family members answer no questionnaire)."""
    return member.role == MemberRole.VICTIM and case_access.can_change_victim_record(user, member)


def member_to_record_outcome(user, case_id, member_id) -> CaseMember:
    """A victim whose answers `user` may record (`can_record_outcome`); 404 otherwise."""
    case = case_access.case_get_for(user, case_id)
    member = case_access.victim_record_get_for(user, case, member_id)
    if not can_record_outcome(user, member):
        raise Http404("No such person on this case")
    return member


def victim_outcome_list_for(user, member: CaseMember) -> QuerySet[VictimOutcome]:
    """Her recorded answers: the victim side only; 404 across the barrier."""
    if not case_access.can_see_victim_side(user, member.case):
        raise Http404("No such person on this case")
    return member.victim_outcomes.select_related("questionnaire").order_by("recorded_on", "pk")


def can_set_questionnaire(user, programme: Programme) -> bool:
    """Those who may change the programme (`funding.access.can_change_programme`) write its questionnaire."""
    return funding_access.can_change_programme(user, programme)
