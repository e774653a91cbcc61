"""Writing an assessment tool, his assessments with it and his risk management plan. Each write
checks its `by` through assessment/access.py (`by=None` is the system), validates, saves and
audits in one transaction; a refusal raises Http404 and writes nothing."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require
from dapi.lib.dates import future_errors

from . import access
from .example import EXAMPLE_TITLE, example_items
from .models import (
    MAX_ITEMS, AssessmentKind, AssessmentTool, PerpetratorAssessment, PlanReview, RiskPlan, ToolItem,
)


def _save(instance, by):
    instance.full_clean()
    with acting_as(by):
        instance.save()
    return instance


@transaction.atomic
def tool_set(*, programme, by, title: str, items: list[dict]) -> AssessmentTool:
    """Write (or rewrite) `programme`'s assessment tool (with no programme, the example tool):
    `items` in order, each {"wording", "scale_min", "scale_max", "scale_labels"}. Once anyone has
    been assessed with it, its items and scales are fixed (answers would no longer compare); the
    title can still change. Who may: those who may change the programme (`access.can_set_tool`)."""
    require(is_system(by) or access.can_set_tool(by, programme), "No such programme")
    if not items or len(items) > MAX_ITEMS:
        raise ValidationError({"items": f"A tool has from 1 to {MAX_ITEMS} items."})
    wanted = [ToolItem(position=n, wording=str(i.get("wording", "")).strip(), scale_min=i.get("scale_min", 0),
                       scale_max=i.get("scale_max", 3), scale_labels=list(i.get("scale_labels") or []))
              for n, i in enumerate(items, start=1)]
    tool = AssessmentTool.objects.filter(programme=programme).first() if programme is not None else None
    tool = tool or AssessmentTool(programme=programme)
    if tool.pk and tool.assessments.exists():
        had = [(i.wording, i.scale_min, i.scale_max, i.scale_labels) for i in tool.items.all()]
        if had != [(i.wording, i.scale_min, i.scale_max, i.scale_labels) for i in wanted]:
            raise ValidationError({"items": "People have been assessed with this tool: its items and scales can no "
                                            "longer change."})
    tool.title = title
    _save(tool, by)
    with acting_as(by):
        tool.items.all().delete()
    for item in wanted:
        item.tool = tool
        _save(item, by)
    return tool


def example_tool() -> AssessmentTool:
    """The example tool (example.py), written once, by the system, the first time it is needed."""
    return AssessmentTool.objects.filter(programme__isnull=True).order_by("pk").first() or tool_set(
        programme=None, by=None, title=EXAMPLE_TITLE, items=example_items())


def tool_for(programme) -> AssessmentTool:
    """The tool a programme's cases are assessed with: its own, or the example."""
    return AssessmentTool.objects.filter(programme=programme).first() or example_tool()


def scored(tool: AssessmentTool, answers: dict) -> tuple[dict[str, int], int]:
    """The answers keyed by item position (as text) and their total, or a ValidationError naming
    each item unanswered, answered off its scale or not on the tool (field `item_<position>`)."""
    items = list(tool.items.all())
    given = {str(k): v for k, v in answers.items()}
    errors = {f"item_{k}": f"Item {k} is not on this tool, which has items 1 to {len(items)}." for k in given
              if k not in {str(i.position) for i in items}}
    clean = {}
    for item in items:
        value, low, high = given.get(str(item.position)), item.scale_min, item.scale_max
        if value is None or value == "":
            errors[f"item_{item.position}"] = f"Answer item {item.position}, from {low} to {high}."
        elif isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            errors[f"item_{item.position}"] = (f"Item {item.position}: {value!r} is not on its scale; answer with a "
                                               f"whole number from {low} to {high}.")
        else:
            clean[str(item.position)] = value
    if errors:
        raise ValidationError(errors)
    return clean, sum(clean.values())


@transaction.atomic
def perpetrator_assessment_record(*, case, by, kind: str, assessed_on: date, answers: dict,
                                  summary: str = "") -> PerpetratorAssessment:
    """His answers with his programme's tool (its own or the example) on `assessed_on`: not after
    today nor before he was referred; one intake, first; reviews and one exit on or after it. Who
    may: the perpetrator side of the case (`access.can_record`)."""
    require(is_system(by) or access.can_record(by, case), "No such case")
    if kind not in AssessmentKind.values:
        raise ValidationError({"kind": f"Choose one of: {', '.join(AssessmentKind.labels)}."})
    if errors := future_errors({"assessed_on": ("The date of the assessment", assessed_on)}):
        raise ValidationError(errors)
    if assessed_on < case.referred_on:
        raise ValidationError({"assessed_on": f"The assessment cannot be before he was referred "
                                              f"({case.referred_on:%d %b %Y})."})
    earlier = list(case.perpetrator_assessments.all())
    intake = next((a for a in earlier if a.kind == AssessmentKind.INTAKE), None)
    if kind == AssessmentKind.INTAKE and intake:
        raise ValidationError({"kind": "His intake assessment is already recorded; record a review."})
    if kind != AssessmentKind.INTAKE:
        if intake is None:
            raise ValidationError({"kind": "Record his intake assessment first."})
        if assessed_on < intake.assessed_on:
            raise ValidationError({"assessed_on": f"A {AssessmentKind(kind).label.lower()} cannot be before his "
                                                  f"intake assessment ({intake.assessed_on:%d %b %Y})."})
    if kind == AssessmentKind.EXIT and any(a.kind == AssessmentKind.EXIT for a in earlier):
        raise ValidationError({"kind": "His exit assessment is already recorded."})
    tool = intake.tool if intake else tool_for(case.programme)
    clean, total = scored(tool, answers)
    return _save(PerpetratorAssessment(case=case, tool=tool, kind=kind, assessed_on=assessed_on, assessor=by,
                                       answers=clean, total=total, summary=summary.strip()), by)


@transaction.atomic
def risk_plan_review(*, case, by, reviewed_on: date, risks: list[str], actions: list[dict], next_review_on: date,
                     note: str = "") -> RiskPlan:
    """Agree his risk management plan, or review it: the risks, the actions and controls (who does
    what) and the next review date, kept as they were in the plan's history. The review is not
    after today, not before he was referred nor before the last review; the next one is after it.
    Who may: the perpetrator side of the case (`access.can_record`)."""
    require(is_system(by) or access.can_record(by, case), "No such case")
    if errors := future_errors({"reviewed_on": ("The date of the review", reviewed_on)}):
        raise ValidationError(errors)
    plan = RiskPlan.objects.select_for_update().filter(case=case).first()
    since = plan.reviewed_on if plan else case.referred_on
    if reviewed_on < since:
        what = "the last review" if plan else "he was referred"
        raise ValidationError({"reviewed_on": f"The review cannot be before {what} ({since:%d %b %Y})."})
    risks = [str(r).strip() for r in risks]
    actions = [{"who": str(a.get("who", "")).strip(), "what": str(a.get("what", "")).strip()}
               if isinstance(a, dict) else a for a in actions]
    plan = plan or RiskPlan(case=case, agreed_on=reviewed_on)
    plan.risks, plan.actions, plan.reviewed_on, plan.next_review_on = risks, actions, reviewed_on, next_review_on
    _save(plan, by)
    _save(PlanReview(plan=plan, reviewed_on=reviewed_on, reviewer=by, risks=risks, actions=actions,
                     next_review_on=next_review_on, note=note.strip()), by)
    return plan
