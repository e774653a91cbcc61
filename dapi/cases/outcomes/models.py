from auditlog.registry import auditlog
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from dapi.funding.models import Programme

from ..models.cases import CaseMember

MAX_ITEMS = 30


class Questionnaire(models.Model):
    """A programme's victim-reported outcome questionnaire: items and scale are data written by the
    programme (never licensed wording), set by its lead commissioner as its eligibility rules are,
    so every provider of the programme asks the same questions and the answers can be compared."""

    programme = models.OneToOneField(Programme, on_delete=models.CASCADE, related_name="victim_questionnaire")
    title = models.CharField(max_length=200)
    scale_min = models.PositiveSmallIntegerField(default=1, validators=[MaxValueValidator(10)])
    scale_max = models.PositiveSmallIntegerField(default=5, validators=[MaxValueValidator(10)])
    scale_min_label = models.CharField(max_length=60, blank=True, help_text='What the lowest answer means, e.g. "Not at all".')
    scale_max_label = models.CharField(max_length=60, blank=True, help_text='What the highest answer means, e.g. "Completely".')
    follow_up_months = models.PositiveSmallIntegerField(
        default=6, validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text="Months after exit when the follow-up is due.")

    def __str__(self) -> str:
        return f"Victim-reported outcomes questionnaire of {self.programme}"

    def clean(self):
        if self.scale_min is not None and self.scale_max is not None and self.scale_min >= self.scale_max:
            raise ValidationError({"scale_max": "The highest answer must be above the lowest."})


class QuestionnaireItem(models.Model):
    """One question. `higher_is_better` says which way the scale points: "How safe do you feel at
    home?" improves upwards, "How often has he frightened you?" downwards."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    wording = models.CharField(max_length=300)
    higher_is_better = models.BooleanField(default=True)

    class Meta:
        ordering = ["questionnaire", "position"]
        constraints = [models.UniqueConstraint(fields=["questionnaire", "position"], name="questionnaire_item_once")]

    def __str__(self) -> str:
        return f"Item {self.position} of {self.questionnaire}"


class Stage(models.TextChoices):
    INTAKE = "intake", "Intake"
    MIDPOINT = "midpoint", "Mid-point"
    EXIT = "exit", "Exit"
    FOLLOW_UP = "follow_up", "Follow-up"


class VictimOutcome(models.Model):
    """Her answers at one stage, keyed by item position, and their oriented total (`score`: each
    answer counted so that higher is better), which the matched-pair results compare."""

    member = models.ForeignKey(CaseMember, on_delete=models.CASCADE, related_name="victim_outcomes")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="responses")
    stage = models.CharField(max_length=12, choices=Stage.choices)
    recorded_on = models.DateField()
    recorded_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                    help_text="Empty when the system recorded them (demonstration data).")
    answers = models.JSONField()
    score = models.SmallIntegerField()

    class Meta:
        ordering = ["member", "recorded_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["member", "stage"], name="victim_outcome_once_per_stage")]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} outcomes of {self.member.person.reference}"


auditlog.register(Questionnaire)
auditlog.register(QuestionnaireItem)
auditlog.register(VictimOutcome, mask_fields=["answers"], mask_callable="dapi.audit.services.redact")
