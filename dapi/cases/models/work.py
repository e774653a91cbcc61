from auditlog.registry import auditlog
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models

from .cases import Case, CaseMember, Side


class ContactKind(models.TextChoices):
    ASSESSMENT = "assessment", "Assessment"
    ONE_TO_ONE = "one_to_one", "One-to-one session"
    GROUP = "group", "Group session"
    THERAPY = "therapy", "Therapeutic session"
    PHONE = "phone", "Phone or video contact"
    HOME_VISIT = "home_visit", "Home visit"
    ADVOCACY = "advocacy", "Advocacy or appointment support"


class Attendance(models.TextChoices):
    ATTENDED = "attended", "Attended"
    DID_NOT_ATTEND = "dna", "Did not attend"
    CANCELLED = "cancelled", "Cancelled"


class Contact(models.Model):
    """A session or contact. Victim-side contacts (with a victim) sit behind the barrier with their notes."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    side = models.CharField(max_length=16, choices=Side.choices)
    member = models.ForeignKey(CaseMember, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts",
                               help_text="The victim this contact was with (victim side only).")
    kind = models.CharField(max_length=16, choices=ContactKind.choices)
    on = models.DateField()
    duration_minutes = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(600)])
    attendance = models.CharField(max_length=12, choices=Attendance.choices)
    worker = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="contacts")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.case.reference} ({self.on:%Y-%m-%d})"

    def clean(self):
        if self.side == Side.VICTIM and not self.member_id:
            raise ValidationError({"member": "Choose the victim this contact was with."})
        if self.side == Side.PERPETRATOR and self.member_id:
            raise ValidationError({"member": "A perpetrator-side session is not with a victim."})


class NeedKind(models.Model):
    """A kind of need (mental health, drugs, alcohol, housing, ...): data, so areas can add their own."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class NeedStatus(models.TextChoices):
    IDENTIFIED = "identified", "Identified"
    IN_PROGRESS = "in_progress", "Being addressed"
    MET = "met", "Met"
    DECLINED = "declined", "Support declined"


class Need(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="needs")
    kind = models.ForeignKey(NeedKind, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=16, choices=NeedStatus.choices, default=NeedStatus.IDENTIFIED)
    identified_on = models.DateField()
    updated_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["kind__position", "pk"]
        constraints = [models.UniqueConstraint(fields=["case", "kind"], name="need_once_per_case")]

    def __str__(self) -> str:
        return f"{self.kind} need on {self.case.reference}"


class GoalStatus(models.TextChoices):
    OPEN = "open", "Working towards"
    ACHIEVED = "achieved", "Achieved"
    DROPPED = "dropped", "No longer pursued"


class Goal(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="goals")
    description = models.CharField(max_length=300)
    status = models.CharField(max_length=16, choices=GoalStatus.choices, default=GoalStatus.OPEN)
    set_on = models.DateField()
    target_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["status", "set_on", "pk"]

    def __str__(self) -> str:
        return f"Goal {self.pk} on {self.case.reference}"


class SafetyPlan(models.Model):
    """A victim's safety plan: victim side only."""

    member = models.ForeignKey(CaseMember, on_delete=models.CASCADE, related_name="safety_plans")
    agreed_on = models.DateField()
    review_on = models.DateField(null=True, blank=True)
    plan = models.TextField()

    class Meta:
        ordering = ["-agreed_on", "-pk"]

    def __str__(self) -> str:
        return f"Safety plan of {self.member.person.reference}"


auditlog.register(Contact, mask_fields=["notes"], mask_callable="dapi.audit.services.redact")
auditlog.register(NeedKind)
auditlog.register(Need)
auditlog.register(Goal, mask_fields=["description"], mask_callable="dapi.audit.services.redact")
auditlog.register(SafetyPlan, mask_fields=["plan"], mask_callable="dapi.audit.services.redact")
