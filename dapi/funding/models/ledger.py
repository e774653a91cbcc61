"""The funding ledger: where the money comes from, who it is committed to, and for when.

Money is Decimal pence throughout. Amounts the source record does not state are null and
shown as "not stated", never as zero.
"""

from datetime import date
from decimal import Decimal

from auditlog.registry import auditlog
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from dapi.accounts.models import Area, Organisation

from dapi.lib.money import FinancialYear, shares_by_year

MONEY = {"max_digits": 14, "decimal_places": 2}
POSITIVE = [MinValueValidator(Decimal("0.00"), message="Enter an amount of £0.00 or more.")]


def _check_period(start, end, start_field="start", end_field="end"):
    if start and end and end < start:
        raise ValidationError({end_field: "The end date must be on or after the start date."})


class Basis(models.TextChoices):
    TOTAL = "total", "Total for the period"
    PER_ANNUM = "per_annum", "Per annum"


class FundingStream(models.Model):
    """A named source of money offered by a funder, e.g. the Home Office Domestic Abuse
    Perpetrator Intervention Fund."""

    funder = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="funding_streams")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class FundingRound(models.Model):
    stream = models.ForeignKey(FundingStream, on_delete=models.PROTECT, related_name="rounds")
    name = models.CharField(max_length=200)
    period_start = models.DateField()
    period_end = models.DateField()
    opened_on = models.DateField(null=True, blank=True)
    bid_deadline = models.DateField(null=True, blank=True)
    expected_decision_on = models.DateField(null=True, blank=True)
    fund_size_text = models.CharField("size of the fund as published", max_length=100, blank=True)

    class Meta:
        ordering = ["period_start", "name"]

    def __str__(self) -> str:
        return f"{self.stream}: {self.name}"

    def clean(self):
        _check_period(self.period_start, self.period_end, "period_start", "period_end")


class Programme(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    lead_commissioner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="led_programmes")
    areas = models.ManyToManyField(Area, blank=True, related_name="programmes")
    description = models.TextField(blank=True)
    eligibility = models.TextField(blank=True, help_text="Eligibility as written by the commissioner.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProgrammeElement(models.Model):
    """A strand of delivery, e.g. complex needs coordinators, with the provider delivering it."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="elements")
    name = models.CharField(max_length=200)
    provider = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        ordering = ["programme", "name"]

    def __str__(self) -> str:
        return self.name


class BidStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SUCCESSFUL = "successful", "Successful"
    PARTLY_SUCCESSFUL = "partly_successful", "Partly successful"
    UNSUCCESSFUL = "unsuccessful", "Unsuccessful"
    WITHDRAWN = "withdrawn", "Withdrawn"


BID_OUTCOMES = (BidStatus.SUCCESSFUL, BidStatus.PARTLY_SUCCESSFUL, BidStatus.UNSUCCESSFUL, BidStatus.WITHDRAWN)


class Bid(models.Model):
    round = models.ForeignKey(FundingRound, on_delete=models.PROTECT, related_name="bids")
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="bids")
    applicant = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="bids")
    amount_requested = models.DecimalField(**MONEY, null=True, blank=True, validators=POSITIVE)
    submitted_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=BidStatus.choices, default=BidStatus.PENDING)
    decision_expected_on = models.DateField(null=True, blank=True)
    decided_on = models.DateField(null=True, blank=True, help_text="The day the outcome was decided or the bid withdrawn.")
    period_start = models.DateField(null=True, blank=True, help_text="The period bid for; empty: the round's period.")
    period_end = models.DateField(null=True, blank=True)
    outcome_reason = models.TextField(blank=True, help_text="Why the bid was unsuccessful or withdrawn.")

    class Meta:
        ordering = ["round__period_start"]

    def __str__(self) -> str:
        return f"Bid to {self.round} for {self.programme}"

    def clean(self):
        _check_period(self.period_start, self.period_end, "period_start", "period_end")
        if self.decided_on and self.submitted_on and self.decided_on < self.submitted_on:
            raise ValidationError({"decided_on": f"The outcome cannot be dated before the bid was submitted "
                                                 f"({self.submitted_on:%-d %b %Y})."})

    @property
    def period(self) -> tuple[date, date]:
        """The period bid for: its own, or else the round's."""
        return (self.period_start or self.round.period_start, self.period_end or self.round.period_end)

    @property
    def expected_decision(self) -> date | None:
        return self.decision_expected_on or self.round.expected_decision_on


class Award(models.Model):
    """Money granted to a commissioner (or another recipient) for a programme."""

    funder = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="awards_made")
    recipient = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="awards_received")
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="awards")
    round = models.ForeignKey(FundingRound, null=True, blank=True, on_delete=models.PROTECT, related_name="awards")
    bid = models.OneToOneField(Bid, null=True, blank=True, on_delete=models.SET_NULL, related_name="award")
    title = models.CharField(max_length=200)
    amount = models.DecimalField(**MONEY, null=True, blank=True, validators=POSITIVE,
                                 help_text="Leave empty when the record does not state it.")
    awarded_on = models.DateField()
    start = models.DateField()
    end = models.DateField()
    conditions = models.TextField(blank=True)
    match_required = models.DecimalField(**MONEY, null=True, blank=True, validators=POSITIVE,
                                         help_text="Match funding the award requires, if stated.")
    match_required_text = models.CharField(max_length=300, blank=True)
    match_basis = models.CharField("match funding required is", max_length=16, choices=Basis.choices,
                                   default=Basis.TOTAL)

    class Meta:
        ordering = ["start", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        _check_period(self.start, self.end)


class MatchKind(models.TextChoices):
    CASH = "cash", "Cash"
    IN_KIND = "in_kind", "In kind"


class MatchContribution(models.Model):
    """A partner's own money (or its value in kind) added to a programme, as a total or per annum
    over a term, meeting the match condition of an award where one is named."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="match_contributions")
    award = models.ForeignKey(Award, null=True, blank=True, on_delete=models.PROTECT, related_name="match_contributions")
    partner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="match_contributions")
    partner_description = models.CharField(max_length=300, blank=True,
                                           help_text="Who is behind the contribution when it is pooled.")
    amount = models.DecimalField(**MONEY, validators=POSITIVE)
    basis = models.CharField(max_length=16, choices=Basis.choices, default=Basis.TOTAL)
    kind = models.CharField(max_length=16, choices=MatchKind.choices, default=MatchKind.CASH)
    valuation_basis = models.CharField(max_length=300, blank=True,
                                       help_text="How an in-kind contribution was valued, e.g. staff time at salary cost.")
    start = models.DateField()
    end = models.DateField()

    class Meta:
        ordering = ["start"]

    def __str__(self) -> str:
        return f"{self.partner} match to {self.programme}"

    def clean(self):
        _check_period(self.start, self.end)
        if self.kind == MatchKind.IN_KIND and not self.valuation_basis.strip():
            raise ValidationError({"valuation_basis": "Say how the contribution in kind was valued, "
                                                      "for example staff time at salary cost."})


class AgreementKind(models.TextChoices):
    GRANT = "grant", "Grant"
    CONTRACT = "contract", "Contract"


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"
    ACTIVE = "active", "Active"
    ENDED = "ended", "Ended"
    TERMINATED = "terminated", "Terminated"


FUNDED_STATUSES = (AgreementStatus.APPROVED, AgreementStatus.ACTIVE, AgreementStatus.ENDED, AgreementStatus.TERMINATED)


class Agreement(models.Model):
    """A grant or contract committing money to a provider for a term."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="agreements")
    kind = models.CharField(max_length=16, choices=AgreementKind.choices)
    reference = models.CharField(max_length=80, blank=True)
    title = models.CharField(max_length=200)
    commissioner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="agreements_commissioned")
    provider = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="agreements_delivered",
                                 help_text="Leave empty when the record does not name the provider.")
    award = models.ForeignKey(Award, null=True, blank=True, on_delete=models.PROTECT, related_name="agreements",
                              help_text="The award this agreement is paid from, if one.")
    value = models.DecimalField(**MONEY, null=True, blank=True, validators=POSITIVE,
                                help_text="Total value as stated; leave empty when not stated.")
    start = models.DateField(null=True, blank=True, help_text="Leave empty when the record does not state it.")
    end = models.DateField()
    extension_until = models.DateField(null=True, blank=True,
                                       help_text="The latest end date the extension options can reach.")
    extension_terms = models.CharField(max_length=200, blank=True)
    break_notice_months = models.PositiveSmallIntegerField(null=True, blank=True)
    conditions = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT)
    terminated_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["programme", "start", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        _check_period(self.start, self.end)
        if self.extension_until and self.extension_until < self.end:
            raise ValidationError({"extension_until": "An extension cannot end before the agreement ends."})
        if self.status == AgreementStatus.TERMINATED and not self.terminated_on:
            raise ValidationError({"terminated_on": "Enter the date a terminated agreement ended."})

    @property
    def funded_until(self) -> date:
        if self.status == AgreementStatus.TERMINATED and self.terminated_on:
            return min(self.terminated_on, self.end)
        return self.end


class AgreementContribution(models.Model):
    """One contributing partner's line in an agreement's schedule."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="contributions")
    partner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="agreement_contributions")
    amount = models.DecimalField(**MONEY, validators=POSITIVE)
    basis = models.CharField(max_length=16, choices=Basis.choices, default=Basis.PER_ANNUM)
    is_cap = models.BooleanField("up to (a maximum)", default=False)
    condition = models.CharField(max_length=300, blank=True)
    start = models.DateField("from", null=True, blank=True,
                             help_text="Only when the line applies to part of the term: empty, from the term's start.")
    end = models.DateField("until", null=True, blank=True, help_text="Empty: to the term's end.")

    class Meta:
        # A line with no start runs from the term's start, so it comes first on every database
        # (PostgreSQL would otherwise sort an empty start last, SQLite first).
        ordering = ["agreement", models.F("start").asc(nulls_first=True), "-amount"]

    def __str__(self) -> str:
        return f"{self.partner} to {self.agreement}"

    def clean(self):
        _check_period(self.start, self.end)

    def period(self, agreement: "Agreement") -> tuple[date | None, date]:
        """The days this line pays for: its own dates within the agreement's term (a line changed
        part-way through the term, e.g. by a co-funder's cut, is two lines)."""
        start = max(d for d in (self.start, agreement.start) if d) if (self.start or agreement.start) else None
        return start, min(self.end or agreement.end, agreement.end)

    def shares_by_year(self, agreement: "Agreement") -> dict[FinancialYear, Decimal]:
        """The line's money per financial year of its period (per-annum amounts expanded, totals
        spread by days); empty when the term's start is not stated or the period is empty."""
        start, end = self.period(agreement)
        if start is None or end < start:
            return {}
        return shares_by_year(self.amount, self.basis == Basis.PER_ANNUM, start, end)

    @property
    def period_label(self) -> str:
        """The line's own dates in words ("from 1 Apr 2024"); empty for a line over the whole term."""
        if self.start and self.end:
            return f"{self.start:%-d %b %Y} to {self.end:%-d %b %Y}"
        if self.start:
            return f"from {self.start:%-d %b %Y}"
        return f"until {self.end:%-d %b %Y}" if self.end else ""

    def runs_to_end(self, agreement: "Agreement") -> bool:
        """Whether the line still pays on the agreement's last day (what carrying it on would cost)."""
        start, end = self.period(agreement)
        return end == agreement.end and (start is None or start <= end)


class Allocation(models.Model):
    """Money devolved to an area, CSP or partner for one financial year."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="allocations")
    recipient = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="allocations")
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT, related_name="allocations")
    award = models.ForeignKey(Award, null=True, blank=True, on_delete=models.PROTECT, related_name="allocations")
    financial_year = models.PositiveSmallIntegerField(help_text="The year the financial year starts, e.g. 2023 for 2023/24.")
    amount = models.DecimalField(**MONEY, validators=POSITIVE)
    purpose = models.CharField(max_length=300, blank=True)
    conditions = models.TextField(blank=True)

    class Meta:
        ordering = ["financial_year", "-amount", "recipient__name"]

    def __str__(self) -> str:
        return f"{self.recipient} {self.fy}"

    @property
    def fy(self) -> FinancialYear:
        return FinancialYear(self.financial_year)


for _model in (FundingStream, FundingRound, Programme, ProgrammeElement, Bid, Award, MatchContribution,
               Agreement, AgreementContribution, Allocation):
    auditlog.register(_model)
