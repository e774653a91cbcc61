from auditlog.registry import auditlog
from django.db import models

from ..dash import DASH_ITEMS
from .cases import Case, CaseMember


class Answer(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_KNOWN = "not_known", "Not known"


class Grade(models.TextChoices):
    STANDARD = "standard", "Standard"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"



class RiskAssessment(models.Model):
    """A DASH risk identification checklist for one victim, scored and graded as DOMAIN.md §5.

    Score, grades and the MARAC decision are computed by `dash.assess` in the service and
    stored, so a later change of rules never rewrites an assessment already made.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="risk_assessments")
    member = models.ForeignKey(CaseMember, on_delete=models.CASCADE, related_name="risk_assessments")
    assessed_on = models.DateField()
    incident_on = models.DateField("date of the incident prompting it", null=True, blank=True)
    assessor = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField(help_text="Item number (1-24, as the published checklist numbers them) to yes, no "
                                         "or not_known.")
    answers_as_recorded = models.JSONField(
        null=True, blank=True, help_text="Checklists recorded before the product followed the published numbering "
                                         "(migration 0005): the answers as recorded, under the product's earlier "
                                         "numbering. Empty for every checklist recorded since.")
    score = models.PositiveSmallIntegerField()
    computed_grade = models.CharField(max_length=10, choices=Grade.choices)
    judgement_grade = models.CharField("grade by professional judgement", max_length=10, choices=Grade.choices,
                                       blank=True)
    judgement_reason = models.TextField(blank=True)
    grade = models.CharField(max_length=10, choices=Grade.choices)
    marac_referral = models.BooleanField()
    marac_reasons = models.JSONField(default=list, blank=True)
    marac_referred_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-assessed_on", "-pk"]

    def __str__(self) -> str:
        return f"DASH of {self.member.person.reference} on {self.assessed_on:%Y-%m-%d}"

    def answer_rows(self):
        """(item, topic, answer); the answer is "" for an item the checklist did not ask (item 3 of one
        recorded on the product's earlier list)."""
        return [(n, label, self.answers.get(str(n), "")) for n, label in DASH_ITEMS.items()]

    @property
    def yes_count(self) -> int:
        """The "yes" answers under the published numbering: differs from the stored score only for a
        checklist recorded on the earlier list that said yes to both harm to children and harm to others."""
        return sum(1 for v in self.answers.values() if v == "yes")


class DashDraft(models.Model):
    """A DASH checklist begun and saved to be finished later: the answers so far, by item number. A
    draft is not an assessment: it is never scored, graded or counted, and it is deleted when the
    checklist is finished (`risk_assessment_create`). One draft per victim; victim side only."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="dash_drafts")
    member = models.OneToOneField(CaseMember, on_delete=models.CASCADE, related_name="dash_draft")
    assessor = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField(default=dict, blank=True,
                               help_text="Item number (1-24) to yes, no or not_known, for the items answered so far.")
    assessed_on = models.DateField(null=True, blank=True)
    incident_on = models.DateField("date of the incident prompting it", null=True, blank=True)
    judgement_grade = models.CharField("grade by professional judgement", max_length=10, choices=Grade.choices,
                                       blank=True)
    judgement_reason = models.TextField(blank=True)
    saved_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"DASH draft of {self.member.person.reference}"

    @property
    def answered(self) -> int:
        return sum(1 for v in self.answers.values() if v)


auditlog.register(RiskAssessment, mask_fields=["judgement_reason"], mask_callable="dapi.audit.services.redact")
auditlog.register(DashDraft, mask_fields=["judgement_reason"], mask_callable="dapi.audit.services.redact")
