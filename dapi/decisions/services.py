"""Every write to decisions, meetings, resolutions and evaluations: validate, save, audit."""

from django.db import transaction
from django.db.models import F

from dapi.audit.services import acting_as
from dapi.lib.errors import ConflictError

from .models import Decision, Evaluation, Meeting, Resolution

LINKS = ("programmes", "awards", "agreements", "allocations", "match_contributions")


def _set_links(decision: Decision, links: dict) -> None:
    for name in LINKS:
        if name in links and links[name] is not None:
            getattr(decision, name).set(links[name])


@transaction.atomic
def decision_create(*, by, recommendations=(), implications=(), approvals=(), stated_totals=(), **fields) -> Decision:
    """Create a decision record with its recommendations, implications checklist, approvals,
    stated totals and links to the money it decides. Children are lists of field dicts."""
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
    """Change a decision record's own fields and, when given, its links to money."""
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
    meeting = Meeting(**fields)
    meeting.full_clean()
    with acting_as(by):
        meeting.save()
        meeting.programmes.set(programmes)
    return meeting


@transaction.atomic
def resolution_create(*, by, **fields) -> Resolution:
    """Record a resolution of a panel or board with its owner and due date or trigger event."""
    resolution = Resolution(**fields)
    resolution.full_clean()
    with acting_as(by):
        resolution.save()
    return resolution


@transaction.atomic
def resolution_update(*, resolution: Resolution, by, version: int | None = None, **fields) -> Resolution:
    """Change a resolution; with `version`, refuse (ConflictError) a save over someone else's."""
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
def evaluation_create(*, by, **fields) -> Evaluation:
    evaluation = Evaluation(**fields)
    evaluation.full_clean()
    with acting_as(by):
        evaluation.save()
    return evaluation
