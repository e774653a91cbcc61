from auditlog.registry import auditlog
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from dapi.accounts.models import Area, Organisation
from dapi.funding.models import Programme

from .people import Person

# The offence codes of DOMAIN.md §4's harm table, so a referral's offence and the police data agree.
OFFENCES = [
    ("NCI", "Non-crime incident"), ("CD", "Criminal damage"), ("PO", "Public order"),
    ("HAR", "Harassment or malicious communications"), ("CA", "Common assault"), ("STK", "Stalking"),
    ("CCB", "Controlling or coercive behaviour"), ("TTK", "Threats to kill"), ("SA", "Sexual assault"),
    ("ABH", "Actual bodily harm"), ("NFS", "Non-fatal strangulation"), ("GBH", "Grievous bodily harm"),
    ("RAPE", "Rape"), ("HOM", "Homicide or attempt"),
]


class ReferralSource(models.TextChoices):
    POLICE = "police", "Police / MATAC list"
    MARAC = "marac", "MARAC"
    LOCAL_AUTHORITY = "local_authority", "Local authority domestic abuse team"
    CHILDREN = "childrens_services", "Children's services"
    PROBATION = "probation", "Probation"
    CSP = "csp", "Community Safety Partnership"
    SELF = "self", "Self-referral"


class LawfulBasis(models.TextChoices):
    PUBLIC_TASK = "public_task", "Public task (UK GDPR 6(1)(e)); preventing or detecting crime (DPA 2018 Sch 1 para 10)"
    SAFEGUARDING = "safeguarding", "Public task; safeguarding of individuals at risk (DPA 2018 Sch 1 para 18)"
    LAW_ENFORCEMENT = "law_enforcement", "Law enforcement processing (DPA 2018 Part 3)"
    CONSENT = "consent", "Explicit consent of the person referred"


class CautionType(models.TextChoices):
    NONE = "none", "No caution"
    CONDITIONAL = "conditional", "Conditional caution"
    DIVERSIONARY = "diversionary", "Diversionary caution"
    SIMPLE = "simple", "Simple caution"


class RuleKind(models.TextChoices):
    DASH_BELOW = "dash_below", "DASH score below a threshold"
    DASH_AT_LEAST = "dash_at_least", "DASH score at or above a threshold"
    MARAC_NOT_MET = "marac_not_met", "MARAC criteria not met"
    MARAC_MET = "marac_met", "MARAC criteria met"
    OUTSIDE_MATAC_TOP = "outside_matac_top", "Outside the area's MATAC top N"
    INSIDE_MATAC_TOP = "inside_matac_top", "Inside the area's MATAC top N"
    COMPLEX_NEEDS = "complex_needs", "Complex needs present"
    IN_PROGRAMME_AREA = "in_programme_area", "Lives in the programme's areas"
    AGE_AT_LEAST = "age_at_least", "Aged at least N"
    CAUTION_TYPE = "caution_type", "Caution of an allowed type"
    NO_RECENT_DA_SANCTION = "no_recent_da_sanction", "No domestic abuse caution or conviction within N years"
    OFFENCE_IN = "offence_in", "Offence in an allowed list"


class EligibilityRule(models.Model):
    """One rule of a programme's eligibility: a kind from a fixed vocabulary and its parameters.

    The rules of a programme are data: commissioners change them without a release.
    Parameters: `threshold` (DASH rules), `n` (MATAC rules), `minimum` (complex needs),
    `years` (age, sanctions), `types` (caution types), `codes` (offences).
    """

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="eligibility_rules")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=32, choices=RuleKind.choices)
    parameters = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["programme", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.programme}: {self.get_kind_display()} {self.parameters or ''}".strip()


class ReferralStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class Referral(models.Model):
    """A request to take a perpetrator onto a programme, with the facts it is screened on.

    Facts left empty are "not known"; a rule that needs one says so rather than guessing.
    """

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="referrals")
    provider = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="referrals_received",
                                 help_text="The provider that screens the referral and would hold the case.")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="referrals")
    source = models.CharField(max_length=24, choices=ReferralSource.choices)
    referring_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="referrals_made")
    received_on = models.DateField()
    reason = models.TextField(help_text="Why the referrer thinks this programme fits.")
    lawful_basis = models.CharField(max_length=24, choices=LawfulBasis.choices)
    # Screening facts.
    dash_score = models.PositiveSmallIntegerField("highest DASH score of a linked victim", null=True, blank=True,
                                                  validators=[MaxValueValidator(24)])
    marac_criteria_met = models.BooleanField("MARAC criteria met", null=True, blank=True)
    matac_rank = models.PositiveSmallIntegerField("rank on the area's MATAC list", null=True, blank=True,
                                                  validators=[MinValueValidator(1)],
                                                  help_text="Empty when he is not on the list.")
    matac_checked = models.BooleanField("MATAC list checked", default=False)
    complex_needs = models.ManyToManyField("cases.NeedKind", blank=True, related_name="referrals")
    needs_checked = models.BooleanField("needs assessed", default=False)
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT, related_name="referrals",
                             help_text="Where he lives.")
    age = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(120)])
    caution_type = models.CharField(max_length=16, choices=CautionType.choices, blank=True)
    previous_da_sanction_on = models.DateField("latest domestic abuse caution or conviction", null=True, blank=True)
    history_checked = models.BooleanField("criminal history checked", default=False)
    offence = models.CharField(max_length=8, choices=OFFENCES, blank=True)
    police_perpetrator_id = models.CharField(max_length=40, blank=True)
    rfgv_score = models.DecimalField("RFGV score at referral", max_digits=7, decimal_places=4, null=True, blank=True)
    rfgv_profile = models.CharField("RFGV profile version", max_length=40, blank=True)
    # Screening and decision.
    screening = models.JSONField(default=dict, blank=True, editable=False)
    status = models.CharField(max_length=16, choices=ReferralStatus.choices, default=ReferralStatus.RECEIVED)
    decided_on = models.DateField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-received_on", "-pk"]
        indexes = [
            # Referrals received in a period (evidence dashboards).
            models.Index(fields=["programme", "received_on"], name="referral_programme_received"),
            # The few referrals with a police identifier (police outcomes), without scanning the rest.
            models.Index(fields=["police_perpetrator_id"], condition=~models.Q(police_perpetrator_id=""),
                         name="referral_police_id"),
        ]

    def __str__(self) -> str:
        return f"Referral {self.pk} of {self.person.reference}"

    def clean(self):
        if self.status != ReferralStatus.RECEIVED and not (self.decided_on and self.decision_reason.strip()):
            raise ValidationError({"decision_reason": "Give the date and a reason for accepting or declining."})
        if self.decided_on and self.decided_on < self.received_on:
            raise ValidationError({"decided_on": "The decision date must be on or after the date received."})


auditlog.register(EligibilityRule)
auditlog.register(Referral, m2m_fields={"complex_needs"}, mask_fields=["reason", "decision_reason"],
                  mask_callable="dapi.audit.services.redact")
