"""The perpetrator-side assessment and risk management plan (DOMAIN.md section 8, issue 17 item 6).

Not DASH, which is about her risk: a programme's own tool about him (its items and each item's
scale are data written by the programme, never licensed wording), his intake assessment, reviews and
exit assessment with it, and his risk management plan (risks, actions with who does them, a next
review date, and the history of its reviews). All of it is perpetrator-side: the victim side never
sees it (access.py).
"""

from auditlog.registry import auditlog
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models

from dapi.funding.models import Programme

from ..models.cases import Case

MAX_ITEMS = 30
MAX_SCALE = 10
MAX_PLAN_ROWS = 30


class AssessmentTool(models.Model):
    """A programme's assessment tool; with no programme, the example tool (example.py) that every
    programme without its own uses."""

    programme = models.OneToOneField(Programme, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="assessment_tool",
                                     help_text="Empty for the example tool any programme may use.")
    title = models.CharField(max_length=200)

    def __str__(self) -> str:
        return f"Assessment tool of {self.programme}" if self.programme_id else "Example assessment tool"


class ToolItem(models.Model):
    """One item (a domain such as "jealousy and control") with its own scale from `scale_min` to
    `scale_max`, each point labelled by `scale_labels` (as many labels as points, or none)."""

    tool = models.ForeignKey(AssessmentTool, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    wording = models.CharField(max_length=300)
    scale_min = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(MAX_SCALE)])
    scale_max = models.PositiveSmallIntegerField(default=3, validators=[MaxValueValidator(MAX_SCALE)])
    scale_labels = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["tool", "position"]
        constraints = [models.UniqueConstraint(fields=["tool", "position"], name="tool_item_once")]

    def __str__(self) -> str:
        return f"Item {self.position} of {self.tool}"

    def clean(self):
        if self.scale_min is not None and self.scale_max is not None and self.scale_min >= self.scale_max:
            raise ValidationError({"scale_max": f"Item {self.position}: the highest answer must be above the lowest."})
        labels = self.scale_labels or []
        points = (self.scale_max or 0) - (self.scale_min or 0) + 1
        if labels and (len(labels) != points or not all(isinstance(x, str) and x.strip() for x in labels)):
            raise ValidationError({"scale_labels": f"Item {self.position}: give one label for each of its {points} "
                                                   f"answers, or none."})

    def points(self) -> list[tuple[int, str]]:
        """Each answer with its label ("2: often"), lowest first."""
        labels = self.scale_labels or []
        return [(n, f"{n}: {labels[i]}" if labels else str(n))
                for i, n in enumerate(range(self.scale_min, self.scale_max + 1))]


class AssessmentKind(models.TextChoices):
    INTAKE = "intake", "Intake"
    REVIEW = "review", "Review"
    EXIT = "exit", "Exit"


class PerpetratorAssessment(models.Model):
    """His answers with the tool on one day, keyed by item position, their total and the assessor's
    summary. One intake and one exit per case; any number of reviews between them."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="perpetrator_assessments")
    tool = models.ForeignKey(AssessmentTool, on_delete=models.PROTECT, related_name="assessments")
    kind = models.CharField(max_length=8, choices=AssessmentKind.choices)
    assessed_on = models.DateField()
    assessor = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                 help_text="Empty when the system recorded it (demonstration data).")
    answers = models.JSONField()
    total = models.PositiveSmallIntegerField()
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["case", "assessed_on", "pk"]
        indexes = [models.Index(fields=["case", "assessed_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} assessment of {self.case.reference} on {self.assessed_on:%Y-%m-%d}"


class RiskPlan(models.Model):
    """His risk management plan as it stands: the risks, the actions and controls (who does what)
    and when it is next reviewed. Each agreement or review is kept in `reviews`."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="risk_plan")
    risks = models.JSONField(default=list, help_text="The risks, one text each.")
    actions = models.JSONField(default=list, help_text='Actions and controls: {"who": ..., "what": ...} each.')
    agreed_on = models.DateField()
    reviewed_on = models.DateField(help_text="The latest review (the day it was agreed until one is made).")
    next_review_on = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["next_review_on"])]

    def __str__(self) -> str:
        return f"Risk management plan of {self.case.reference}"

    def clean(self):
        errors = {}
        if not self.risks or len(self.risks) > MAX_PLAN_ROWS or not all(
                isinstance(r, str) and r.strip() for r in self.risks):
            errors["risks"] = f"Give from 1 to {MAX_PLAN_ROWS} risks, each in words."
        if not self.actions or len(self.actions) > MAX_PLAN_ROWS or not all(
                isinstance(a, dict) and set(a) == {"who", "what"} and all(
                    isinstance(v, str) and v.strip() for v in a.values()) for a in self.actions):
            errors["actions"] = f"Give from 1 to {MAX_PLAN_ROWS} actions, each saying who does what."
        if self.next_review_on and self.reviewed_on and self.next_review_on <= self.reviewed_on:
            errors["next_review_on"] = "The next review must be after this one."
        if errors:
            raise ValidationError(errors)


class PlanReview(models.Model):
    """One agreement or review of the plan, with the plan as it was then left."""

    plan = models.ForeignKey(RiskPlan, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    reviewer = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    risks = models.JSONField(default=list)
    actions = models.JSONField(default=list)
    next_review_on = models.DateField()
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["plan", "reviewed_on", "pk"]

    def __str__(self) -> str:
        return f"Review of {self.plan} on {self.reviewed_on:%Y-%m-%d}"


auditlog.register(AssessmentTool)
auditlog.register(ToolItem)
auditlog.register(PerpetratorAssessment, mask_fields=["answers", "summary"], mask_callable="dapi.audit.services.redact")
auditlog.register(RiskPlan, mask_fields=["risks", "actions"], mask_callable="dapi.audit.services.redact")
auditlog.register(PlanReview, mask_fields=["risks", "actions", "note"], mask_callable="dapi.audit.services.redact")
