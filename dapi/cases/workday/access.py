"""Which cases are "mine" on a worker's home, and which changes to them the audit log may show,
on top of the case barrier (cases/access.py).

My cases are the open cases I am assigned to now. Of the changes others made to them, I see only
those to records on a side of the case I see (`sides_for`): the case itself and its status on
either side; his sessions, needs, goals, assessments and plan on his side; her membership, DASH,
safety plans and partner support contacts on hers. A change across the barrier (that partner
support called her, say) is never shown to his side: it would tell him she is in contact.
"""

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from ..access import assignment_list_for, sides_for
from ..models import (
    Assignment, Case, CaseMember, Contact, ForumAction, ForumListing, Goal, Need, PerpetratorAssessment, PlanReview,
    RiskAssessment, RiskPlan, SafetyPlan, Side, StatusChange, WorkshopBooking,
)
from ..models.cases import ENDED

BOTH = {Side.PERPETRATOR, Side.VICTIM}
HIS = {Side.PERPETRATOR}
HERS = {Side.VICTIM}
# model -> (path from it to its case, the sides that see it, or the name of its own side field)
RECORDS = {
    StatusChange: ("case", BOTH), Need: ("case", HIS), Goal: ("case", HIS),
    PerpetratorAssessment: ("case", HIS), RiskPlan: ("case", HIS), PlanReview: ("plan__case", HIS),
    WorkshopBooking: ("case", HIS), CaseMember: ("case", HERS), RiskAssessment: ("case", HERS),
    SafetyPlan: ("member__case", HERS), Contact: ("case", "side"), Assignment: ("case", "side"),
    ForumAction: ("listing__case", "side"), ForumListing: ("case", "forum__side"),
}
CHANGES = (LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.DELETE)


def my_case_list_for(user) -> QuerySet[Case]:
    """The open cases `user` is assigned to now, on whichever side (none for anyone else)."""
    return Case.objects.filter(pk__in=assignment_list_for(user).values("case")).exclude(status__in=ENDED) \
        .select_related("programme", "perpetrator")


def change_list_for(user, cases: list[Case]) -> QuerySet[LogEntry]:
    """Creations, changes and deletions by anyone but `user` of `cases` and of their records on the
    sides `user` sees of each; none of records across the barrier."""
    q = Q(pk__in=[])
    by_sides: dict[frozenset, list[int]] = {}
    for case in cases:
        by_sides.setdefault(frozenset(sides_for(user, case)), []).append(case.pk)
    for sides, ids in by_sides.items():
        if not sides:
            continue
        q |= Q(content_type=ContentType.objects.get_for_model(Case), object_id__in=ids)
        for model, (path, seen_by) in RECORDS.items():
            rows = model.objects.filter(**{f"{path}__in": ids})
            if isinstance(seen_by, str):
                rows = rows.filter(**{f"{seen_by}__in": sides})
            elif not seen_by & sides:
                continue
            q |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=rows.values("pk"))
    return LogEntry.objects.filter(q, action__in=CHANGES).exclude(actor=user).select_related("actor", "content_type")
