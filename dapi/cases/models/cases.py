from auditlog.registry import auditlog
from django.core.exceptions import ValidationError
from django.db import models

from dapi.accounts.models import Organisation
from dapi.funding.models import Programme

from ..exits import EXIT_REASONS
from .people import Person
from .referrals import Referral


class Side(models.TextChoices):
    """Which side of the information barrier a worker, record or person belongs to."""

    PERPETRATOR = "perpetrator", "Perpetrator side"
    VICTIM = "victim", "Victim side"


class CaseStatus(models.TextChoices):
    REFERRED = "referred", "Referred"
    ASSESSMENT = "assessment", "Assessment"
    ACTIVE = "active", "Active"
    COMPLETED = "completed", "Completed"
    DISENGAGED = "disengaged", "Disengaged"
    CLOSED = "closed", "Closed"


ENDED = (CaseStatus.COMPLETED, CaseStatus.DISENGAGED, CaseStatus.CLOSED)

# The lifecycle: referred -> assessment -> active -> completed | disengaged | closed.
TRANSITIONS = {
    CaseStatus.REFERRED: (CaseStatus.ASSESSMENT, CaseStatus.CLOSED),
    CaseStatus.ASSESSMENT: (CaseStatus.ACTIVE, CaseStatus.DISENGAGED, CaseStatus.CLOSED),
    CaseStatus.ACTIVE: (CaseStatus.COMPLETED, CaseStatus.DISENGAGED, CaseStatus.CLOSED),
    CaseStatus.COMPLETED: (),
    CaseStatus.DISENGAGED: (),
    CaseStatus.CLOSED: (),
}


class Case(models.Model):
    """One perpetrator on one programme, with the victims and children around him.

    `provider` delivers the perpetrator-side work; `victim_service` (often another
    organisation) gives partner support. Each organisation's managers see their own side.
    """

    reference = models.CharField(max_length=20, unique=True, editable=False)
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="cases")
    provider = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="cases_delivered")
    victim_service = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="cases_supported",
                                       help_text="The organisation giving partner support to the victims.")
    perpetrator = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cases_as_perpetrator")
    referral = models.OneToOneField(Referral, null=True, blank=True, on_delete=models.PROTECT, related_name="case")
    status = models.CharField(max_length=16, choices=CaseStatus.choices, default=CaseStatus.REFERRED)
    referred_on = models.DateField()
    assessment_on = models.DateField(null=True, blank=True)
    entered_on = models.DateField("entered the programme (active)", null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    exit_reason = models.CharField(max_length=16, choices=EXIT_REASONS, blank=True,
                                   help_text="Why the case ended, from the coded list (dapi/cases/exits.py).")
    end_reason = models.TextField("the reason in words", blank=True,
                                  help_text='Needed when the coded reason is "other"; free text (masked in the audit).')
    police_contact = models.CharField("police contact (name and team)", max_length=200, blank=True)
    police_contact_email = models.EmailField(blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-referred_on", "-pk"]
        indexes = [models.Index(fields=["programme", "status"]), models.Index(fields=["provider", "status"]),
                   # Cases open in a period (evidence dashboards): ended on or after its start, or not ended.
                   models.Index(fields=["programme", "ended_on"], name="case_programme_ended")]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status not in ENDED


class StatusChange(models.Model):
    """One step of a case's lifecycle, for its timeline."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=16, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=CaseStatus.choices)
    on = models.DateField()
    reason = models.TextField(blank=True)
    by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.case.reference}: {self.to_status} on {self.on:%Y-%m-%d}"


class MemberRole(models.TextChoices):
    VICTIM = "victim", "Victim"
    CHILD = "child", "Child"
    FAMILY = "family", "Other family member"


class SafetyFlag(models.TextChoices):
    """Flags both sides may see: they warn, and none can locate or identify anyone."""

    CHILDREN_IN_HOUSEHOLD = "children", "Children in the household"
    PREGNANT = "pregnant", "Pregnant or recently gave birth"
    WEAPONS = "weapons", "Weapons or access to them"
    STRANGULATION = "strangulation", "History of strangulation"
    STALKING = "stalking", "Stalking behaviour"
    ACTIVE_ORDER = "order", "Protective order in force"
    NO_JOINT_WORK = "no_joint", "No joint sessions with the couple"
    DISCLOSURE_RISK = "disclosure", "Do not disclose contact with partner support"


class CaseMember(models.Model):
    """A victim, child or family member linked to a case. Victims and children are victim side."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="case_memberships")
    role = models.CharField(max_length=16, choices=MemberRole.choices)
    relationship = models.CharField("relationship to him", max_length=100, blank=True,
                                    help_text="For example partner, ex-partner, son.")
    safety_flags = models.JSONField(default=list, blank=True)
    offered_support_on = models.DateField(null=True, blank=True)
    engaged_support_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["role", "pk"]
        constraints = [models.UniqueConstraint(fields=["case", "person"], name="case_member_once")]

    def __str__(self) -> str:
        return f"{self.person.reference} ({self.role}) in {self.case.reference}"

    def clean(self):
        unknown = set(self.safety_flags or []) - set(SafetyFlag.values)
        if unknown:
            raise ValidationError({"safety_flags": f"Unknown flags: {', '.join(sorted(unknown))}."})
        if self.engaged_support_on and not self.offered_support_on:
            raise ValidationError({"offered_support_on": "Record when support was offered before it was taken up."})

    def flag_labels(self) -> list[str]:
        return [SafetyFlag(f).label for f in self.safety_flags or []]


class WorkerRole(models.TextChoices):
    COORDINATOR = "coordinator", "Complex needs coordinator"
    NAVIGATOR = "navigator", "Navigator"
    THERAPIST = "therapist", "Therapeutic support"
    CASE_MANAGER = "case_manager", "Case manager"
    PARTNER_SUPPORT = "partner_support", "Partner support worker"


WORKER_SIDES = {
    WorkerRole.COORDINATOR: Side.PERPETRATOR, WorkerRole.NAVIGATOR: Side.PERPETRATOR,
    WorkerRole.THERAPIST: Side.PERPETRATOR, WorkerRole.CASE_MANAGER: Side.PERPETRATOR,
    WorkerRole.PARTNER_SUPPORT: Side.VICTIM,
}


class Assignment(models.Model):
    """A worker on a case. A worker is on one side of a case, for ever (the service enforces it)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assignments")
    worker = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="assignments")
    role = models.CharField(max_length=16, choices=WorkerRole.choices)
    side = models.CharField(max_length=16, choices=Side.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["side", "role", "pk"]
        indexes = [models.Index(fields=["worker", "case"])]

    def __str__(self) -> str:
        return f"{self.worker} as {self.role} on {self.case.reference}"

    def clean(self):
        if self.role in WORKER_SIDES and self.side != WORKER_SIDES[self.role]:
            raise ValidationError({"role": f"A {self.get_role_display().lower()} works on the "
                                           f"{WORKER_SIDES[self.role].label.lower()}."})
        if self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": "The end date must be on or after the start date."})


auditlog.register(Case, mask_fields=["end_reason", "police_contact", "police_contact_email"],
                  mask_callable="dapi.audit.services.redact")
auditlog.register(StatusChange, mask_fields=["reason"], mask_callable="dapi.audit.services.redact")
auditlog.register(CaseMember)
auditlog.register(Assignment)
