"""Co-funding rules a decision states about an agreement's partners (DOMAIN.md section 1), and a
co-funder's cut recorded against them.

Hampshire's PCCML/000407/2018: "any percentage reduction by the council may also be reduced by the
PCC" is a `MirroredReduction` (the PCC follows the council); "subject to Safer Communities Funding
being forthcoming" a `FundingCondition` on the PCC's contribution. A `CoFunderCut` is a proposal: it
changes nothing in the ledger until it is applied with the decision that approves it
(services/cofunding.py, which links that decision from the decisions side: `Decision.cofunding_cuts`).
"""

from decimal import Decimal

from auditlog.registry import auditlog
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from dapi.accounts.models import Organisation

from .ledger import MONEY, Agreement


class MirroredReduction(models.Model):
    """`partner` may reduce its contribution by the same percentage as `follows` cuts its own."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="mirrored_reductions")
    partner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+",
                                help_text="The contributor whose contribution follows the other's cut.")
    follows = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+",
                                help_text="The contributor whose cut is mirrored.")
    source = models.CharField(max_length=300, blank=True, help_text="Where the rule is stated, e.g. a recommendation.")

    class Meta:
        ordering = ["agreement", "pk"]
        constraints = [models.UniqueConstraint(fields=["agreement", "partner", "follows"], name="mirror_once")]

    def __str__(self) -> str:
        return f"{self.partner} mirrors {self.follows}"


class FundingStatus(models.TextChoices):
    UNKNOWN = "unknown", "Not yet known"
    CONFIRMED = "confirmed", "Confirmed"
    NOT_FORTHCOMING = "not_forthcoming", "Not forthcoming"


class FundingCondition(models.Model):
    """`partner`'s contribution depends on `funding` (from `funder`, where one is named) being
    forthcoming. Unmet (a risk on the runway) when not forthcoming, or still unknown after `known_by`."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="funding_conditions")
    partner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+",
                                help_text="The contributor whose contribution depends on it.")
    funding = models.CharField(max_length=200, help_text="The funding it depends on, as the record names it.")
    funder = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=16, choices=FundingStatus.choices, default=FundingStatus.UNKNOWN)
    known_by = models.DateField(null=True, blank=True, help_text="When the funding should be known.")
    source = models.CharField(max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["agreement", "pk"]

    def __str__(self) -> str:
        return f"{self.partner}: subject to {self.funding}"

    def is_unmet(self, today) -> bool:
        return self.status == FundingStatus.NOT_FORTHCOMING or (
            self.status == FundingStatus.UNKNOWN and self.known_by is not None and self.known_by < today)


class CutStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed (awaiting a decision)"
    APPLIED = "applied", "Applied"


class CoFunderCut(models.Model):
    """A co-funder's cut of its contribution from a financial year, by a percentage or by an amount a
    year: with the mirrored reductions it proposes a new schedule, applied only with a decision."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="cofunder_cuts")
    partner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    from_year = models.PositiveSmallIntegerField(help_text="The financial year it starts, e.g. 2024 for 2024/25.")
    percentage = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True,
                                     validators=[MinValueValidator(Decimal("0.01")),
                                                 MaxValueValidator(Decimal("100"))])
    amount = models.DecimalField(**MONEY, null=True, blank=True, validators=[MinValueValidator(Decimal("0.01"))],
                                 help_text="The cut a year, when given as an amount.")
    recorded_on = models.DateField(help_text="The day the co-funder said so.")
    note = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=CutStatus.choices, default=CutStatus.PROPOSED)
    applied_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["agreement", "recorded_on", "pk"]

    def __str__(self) -> str:
        return f"Cut by {self.partner} from {self.from_year}"


for _model in (MirroredReduction, FundingCondition, CoFunderCut):
    auditlog.register(_model)
