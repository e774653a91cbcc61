"""Published decision records, the money they commit, and the meetings that scrutinise them."""

from decimal import Decimal

from auditlog.registry import auditlog
from django.core.validators import MinValueValidator
from django.db import models

from dapi.lib.choices import ActionStatus
from dapi.accounts.models import Organisation
from dapi.funding.models import (
    MONEY, Agreement, Allocation, Award, CoFunderCut, Extension, MatchContribution, Programme, Variation,
)

# Importing lives in its own sub-package; its model is imported here so that Django registers it.
from .ingest.models import IngestBatch, IngestedDocument, IngestStatus  # noqa: F401


class DocumentType(models.TextChoices):
    DECISION_RECORD = "decision_record", "Decision record"
    DECISION_DETAILS = "decision_details", "Decision details (ModernGov)"
    REQUEST_FOR_DECISION = "request_for_decision", "Request for decision"
    PANEL_MINUTES = "panel_minutes", "Panel minutes"


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PROPOSED = "proposed", "Proposed"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    NOTED = "noted", "Noted"


class Decision(models.Model):
    """One published decision record and the money it commits."""

    reference = models.CharField(max_length=80, blank=True)
    title = models.CharField(max_length=300)
    document_type = models.CharField(max_length=32, choices=DocumentType.choices, default=DocumentType.DECISION_RECORD)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="decisions",
                                     help_text="The body that made or published the decision.")
    decision_maker = models.CharField(max_length=300)
    status = models.CharField(max_length=16, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT)
    status_text = models.CharField("status as published", max_length=200, blank=True)
    is_key_decision = models.BooleanField("key decision", null=True, blank=True)
    is_subject_to_call_in = models.BooleanField("subject to call-in", null=True, blank=True)
    decision_date = models.DateField(null=True, blank=True)
    publication_date = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    decision_text = models.TextField(blank=True)
    lead_officer = models.CharField(max_length=200, blank=True)
    source_note = models.CharField(max_length=300, blank=True, help_text="Where the record was published.")
    programmes = models.ManyToManyField(Programme, blank=True, related_name="decisions")
    awards = models.ManyToManyField(Award, blank=True, related_name="decisions")
    agreements = models.ManyToManyField(Agreement, blank=True, related_name="decisions")
    allocations = models.ManyToManyField(Allocation, blank=True, related_name="decisions")
    match_contributions = models.ManyToManyField(MatchContribution, blank=True, related_name="decisions")
    # The contract events and co-funders' cuts it approves (written by funding's services, as awards'
    # approving decisions are by a bid's outcome).
    extensions = models.ManyToManyField(Extension, blank=True, related_name="decisions")
    variations = models.ManyToManyField(Variation, blank=True, related_name="decisions")
    cofunding_cuts = models.ManyToManyField(CoFunderCut, blank=True, related_name="decisions")

    class Meta:
        ordering = ["-decision_date", "reference"]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}".strip()


class Recommendation(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="recommendations")
    number = models.CharField(max_length=20, blank=True)
    text = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["decision", "position"]

    def __str__(self) -> str:
        return f"Recommendation {self.number or self.position + 1}"


class Implication(models.Model):
    """One line of the implications checklist: was it considered, and what was said."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="implications")
    topic = models.CharField(max_length=80)
    considered = models.BooleanField(null=True, blank=True)
    notes = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["decision", "position"]

    def __str__(self) -> str:
        return self.topic


class Approval(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="approvals")
    name = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=200)
    approved_on = models.DateField(null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["decision", "position"]

    def __str__(self) -> str:
        return f"Approval by {self.role}"


class TotalComponent(models.TextChoices):
    AGREEMENTS = "agreements", "Linked agreements"
    ALLOCATIONS = "allocations", "Linked allocations"
    SOURCES = "sources", "Linked awards and match contributions"


class StatedTotal(models.Model):
    """A total the record states, checked against the linked money it should add up to."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="stated_totals")
    label = models.CharField(max_length=200)
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(Decimal("0"))])
    component = models.CharField(max_length=16, choices=TotalComponent.choices)
    financial_year = models.PositiveSmallIntegerField(null=True, blank=True)
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.PROTECT,
                                  help_text="Count only linked money of this programme.")

    class Meta:
        ordering = ["decision", "id"]

    def __str__(self) -> str:
        return self.label


class Meeting(models.Model):
    """A sitting of a Police and Crime Panel or programme board."""

    body = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField(max_length=300)
    held_on = models.DateField(null=True, blank=True)
    programmes = models.ManyToManyField(Programme, blank=True, related_name="meetings")
    record = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings",
                               help_text="The published minutes, if loaded as a record.")

    class Meta:
        ordering = ["-held_on", "title"]

    def __str__(self) -> str:
        return self.title


# A resolution is an agreed action: its status is the one enum resolutions and forum actions share.
ResolutionStatus = ActionStatus


class Resolution(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="resolutions")
    number = models.CharField(max_length=20, blank=True)
    text = models.TextField()
    owner = models.CharField(max_length=200, blank=True)
    due_on = models.DateField(null=True, blank=True)
    trigger = models.CharField("due on an event", max_length=300, blank=True)
    status = models.CharField(max_length=16, choices=ResolutionStatus.choices, default=ResolutionStatus.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["meeting", "number"]

    def __str__(self) -> str:
        return f"{self.number} {self.text[:60]}"


class EvaluationStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DELIVERED = "delivered", "Delivered"


class Evaluation(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="evaluations")
    evaluator = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="evaluations")
    title = models.CharField(max_length=300)
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=EvaluationStatus.choices, default=EvaluationStatus.PLANNED)
    delivered_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on"]

    def __str__(self) -> str:
        return self.title


for _model in (Decision, Recommendation, Implication, Approval, StatedTotal, Meeting, Resolution, Evaluation):
    auditlog.register(_model)

