"""Targets and KPIs of an agreement, per financial year: counted from the case data (referrals,
engaged, completed, victims supported) or entered by the provider (any other measure)."""

from auditlog.registry import auditlog
from django.core.exceptions import ValidationError
from django.db import models

from dapi.lib.money import FinancialYear

from .ledger import Agreement


class Measure(models.TextChoices):
    REFERRALS = "referrals", "Referrals received"
    ENGAGED = "engaged", "Perpetrators engaged (assessment and a session)"
    COMPLETED = "completed", "Cases completed"
    VICTIMS_SUPPORTED = "victims_supported", "Victims engaged with support"
    PROVIDER = "provider", "Entered by the provider"


COUNTED = (Measure.REFERRALS, Measure.ENGAGED, Measure.COMPLETED, Measure.VICTIMS_SUPPORTED)


class Target(models.Model):
    """What an agreement is to achieve in one financial year, and (for a measure the provider
    reports) what it says it achieved."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="targets")
    measure = models.CharField(max_length=20, choices=Measure.choices)
    name = models.CharField(max_length=200, blank=True, help_text="What is counted, for a measure the provider enters.")
    financial_year = models.PositiveSmallIntegerField(help_text="The year the financial year starts, e.g. 2023.")
    target = models.PositiveIntegerField()
    actual = models.PositiveIntegerField(null=True, blank=True, help_text="Entered by the provider.")
    actual_entered_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["agreement", "financial_year", "measure", "name"]
        constraints = [models.UniqueConstraint(fields=["agreement", "measure", "name", "financial_year"],
                                               name="target_once_per_measure_and_year")]

    def __str__(self) -> str:
        return f"{self.label} {FinancialYear(self.financial_year)}"

    @property
    def label(self) -> str:
        return self.name if self.measure == Measure.PROVIDER else self.get_measure_display()

    @property
    def counted(self) -> bool:
        return self.measure in COUNTED

    def clean(self):
        if self.measure == Measure.PROVIDER and not self.name.strip():
            raise ValidationError({"name": "Name what the provider counts, for example group sessions delivered."})
        if self.measure != Measure.PROVIDER and self.name:
            raise ValidationError({"name": "Only a measure the provider enters has a name."})


auditlog.register(Target)
