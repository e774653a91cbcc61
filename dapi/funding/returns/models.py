"""A provider's quarterly spend return against an agreement, by budget line.

Quarters are financial-year quarters (quarter 1 = April to June). The profile is what the agreement's
stated value puts into the quarter by days; it is stored with the return so that the variance it
was judged on stays as it was when the return came in.
"""

from datetime import date
from decimal import Decimal

from auditlog.registry import auditlog
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from ..models.ledger import MONEY, POSITIVE, Agreement
from .periods import due_on, quarter_end, quarter_label, quarter_start


class ReturnStatus(models.TextChoices):
    SUBMITTED = "submitted", "Submitted"
    ACCEPTED = "accepted", "Accepted"
    QUERIED = "queried", "Queried"


class SpendReturn(models.Model):
    """A provider's quarterly spend against an agreement (quarter 1 = April-June)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="spend_returns")
    financial_year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])
    amount = models.DecimalField(**MONEY, validators=POSITIVE, help_text="Total spend: the sum of the budget lines.")
    submitted_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=ReturnStatus.choices, default=ReturnStatus.SUBMITTED)
    profile = models.DecimalField(**MONEY, null=True, blank=True,
                                  help_text="The agreement's value shared into the quarter by days, when submitted.")
    explanation = models.TextField(blank=True, help_text="Why spend differs from the profile.")
    review_note = models.TextField(blank=True, help_text="The commissioner's query, or a note on acceptance.")
    reviewed_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["agreement", "financial_year", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "financial_year", "quarter"], name="spend_return_once_per_quarter"),
        ]

    def __str__(self) -> str:
        return f"{self.agreement} {self.label}"

    @property
    def label(self) -> str:
        return quarter_label(self.financial_year, self.quarter)

    @property
    def period_start(self) -> date:
        return quarter_start(self.financial_year, self.quarter)

    @property
    def period_end(self) -> date:
        return quarter_end(self.financial_year, self.quarter)

    @property
    def variance(self) -> Decimal | None:
        return None if self.profile is None else self.amount - self.profile

    @property
    def variance_size(self) -> Decimal | None:
        return None if self.variance is None else abs(self.variance)

    @property
    def due_on(self) -> date:
        return due_on(self.financial_year, self.quarter)

    @property
    def is_late(self) -> bool:
        """Submitted after its due date (DAPI_SPEND_RETURN_DUE_DAYS after the quarter ends)."""
        return self.submitted_on is not None and self.submitted_on > self.due_on


class SpendReturnLine(models.Model):
    """Spend on one budget line (staff, premises, evaluation, ...) in a return."""

    spend_return = models.ForeignKey(SpendReturn, on_delete=models.CASCADE, related_name="lines")
    budget_line = models.CharField(max_length=120)
    amount = models.DecimalField(**MONEY, validators=POSITIVE)

    class Meta:
        ordering = ["spend_return", "pk"]

    def __str__(self) -> str:
        return f"{self.spend_return}: {self.budget_line}"


for _model in (SpendReturn, SpendReturnLine):
    auditlog.register(_model)
