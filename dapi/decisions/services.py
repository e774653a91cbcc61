"""Every write to decisions, meetings, resolutions and evaluations: check that `by` may, validate,
save and audit, in one transaction.

`by` is the acting user; None is the system itself (the demo loader, operator commands), which
passes every check (dapi.lib.access). A user who may not make the change gets Http404 with the
words access.py uses for a record they cannot see, and nothing is written.
"""

from django.db import transaction
from django.db.models import F

from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require
from dapi.lib.errors import ConflictError

from . import access
from .models import Decision, Evaluation, Meeting, Resolution

LINKS = ("programmes", "awards", "agreements", "allocations", "match_contributions")


def _set_links(decision: Decision, links: dict) -> None:
    for name in LINKS:
        if name in links and links[name] is not None:
            getattr(decision, name).set(links[name])


@transaction.atomic
def decision_create(*, by, recommendations=(), implications=(), approvals=(), stated_totals=(), **fields) -> Decision:
    """Create a decision record with its recommendations, implications checklist, approvals,
    stated totals and links to the money it decides. Children are lists of field dicts.

    Commissioners and finance officers of the deciding body (`organisation`) may; anyone else
    gets Http404 "No such organisation"."""
    require(is_system(by) or access.can_create_decision(by, fields.get("organisation") or 0), "No such organisation")
    links = {name: fields.pop(name) for name in LINKS if name in fields}
    decision = Decision(**fields)
    decision.full_clean()
    with acting_as(by):
        decision.save()
        _set_links(decision, links)
        for i, rec in enumerate(recommendations):
            decision.recommendations.create(position=i, **rec)
        for i, imp in enumerate(implications):
            decision.implications.create(position=i, **imp)
        for i, appr in enumerate(approvals):
            decision.approvals.create(position=i, **appr)
        for total in stated_totals:
            decision.stated_totals.create(**total)
    return decision


@transaction.atomic
def decision_update(*, decision: Decision, by, **fields) -> Decision:
    """Change a decision record's own fields and, when given, its links to money.

    Commissioners and finance officers of the deciding body may, and may move the record only to
    another body they commission for; anyone else gets Http404 "No such decision"."""
    if not is_system(by):
        require(access.can_change_decision(by, decision), "No such decision")
        if "organisation" in fields:
            require(access.can_create_decision(by, fields["organisation"] or 0), "No such organisation")
    links = {name: fields.pop(name) for name in LINKS if name in fields}
    for name, value in fields.items():
        setattr(decision, name, value)
    decision.full_clean()
    with acting_as(by):
        decision.save()
        _set_links(decision, links)
    return decision


@transaction.atomic
def meeting_create(*, by, programmes=(), **fields) -> Meeting:
    """Record a meeting of a panel or board (`body`) about `programmes`.

    Commissioners and finance officers of the body or of a programme's lead commissioner may;
    anyone else gets Http404 "No such organisation"."""
    programmes = list(programmes)
    require(is_system(by) or access.can_record_meeting(by, fields.get("body") or 0, programmes), "No such organisation")
    meeting = Meeting(**fields)
    meeting.full_clean()
    with acting_as(by):
        meeting.save()
        meeting.programmes.set(programmes)
    return meeting


@transaction.atomic
def resolution_create(*, by, meeting: Meeting, **fields) -> Resolution:
    """Record a resolution of a panel or board with its owner and due date or trigger event.

    Whoever may resolve at the meeting (access.can_resolve) may; anyone else gets Http404 "No such
    meeting"."""
    require(is_system(by) or access.can_resolve(by, meeting), "No such meeting")
    resolution = Resolution(meeting=meeting, **fields)
    resolution.full_clean()
    with acting_as(by):
        resolution.save()
    return resolution


@transaction.atomic
def resolution_update(*, resolution: Resolution, by, version: int | None = None, **fields) -> Resolution:
    """Change a resolution; with `version`, refuse (ConflictError) a save over someone else's.

    Whoever may resolve at its meeting may; anyone else gets Http404 "No such resolution"."""
    require(is_system(by) or access.can_change_resolution(by, resolution), "No such resolution")
    for name, value in fields.items():
        setattr(resolution, name, value)
    resolution.full_clean()
    with acting_as(by):
        if version is not None:
            if not Resolution.objects.filter(pk=resolution.pk, version=version).update(version=F("version") + 1):
                raise ConflictError("This resolution was changed by someone else after you opened it. "
                                    "Reload it and make your change again.")
            resolution.version = version + 1
        else:
            resolution.version += 1
        resolution.save()
    return resolution


@transaction.atomic
def evaluation_create(*, by, programme, **fields) -> Evaluation:
    """Plan an evaluation of `programme` by a research body.

    Commissioners and finance officers of the programme's lead commissioner may; anyone else gets
    Http404 "No such programme"."""
    require(is_system(by) or access.can_plan_evaluation(by, programme), "No such programme")
    evaluation = Evaluation(programme=programme, **fields)
    evaluation.full_clean()
    with acting_as(by):
        evaluation.save()
    return evaluation
