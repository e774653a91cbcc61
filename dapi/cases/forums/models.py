from auditlog.registry import auditlog
from django.db import models

from dapi.accounts.models import Area, Organisation
from dapi.lib.choices import ActionStatus

from ..models.cases import Case, CaseMember, Side


class ForumType(models.Model):
    """A multi-agency forum (MARAC, MATAC, MAPPA, TATI, ...): data, so areas add their own."""

    code = models.CharField(max_length=16, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    side = models.CharField(max_length=16, choices=Side.choices,
                            help_text="Victim-focused forums (MARAC) list a victim; the others list him.")
    meets_every_days = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class ForumListing(models.Model):
    """A case heard at a forum meeting. A victim-focused listing names the victim heard."""

    forum = models.ForeignKey(ForumType, on_delete=models.PROTECT, related_name="listings")
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    meeting_on = models.DateField()
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="forum_listings")
    member = models.ForeignKey(CaseMember, null=True, blank=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["-meeting_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.forum.code} on {self.meeting_on:%Y-%m-%d} for {self.case.reference}"




class ForumAction(models.Model):
    """An action agreed at a forum, owned by an agency. Victim-side actions sit behind the barrier."""

    listing = models.ForeignKey(ForumListing, on_delete=models.CASCADE, related_name="actions")
    side = models.CharField(max_length=16, choices=Side.choices)
    description = models.CharField(max_length=500)
    owner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="forum_actions")
    due_on = models.DateField()
    status = models.CharField(max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"Action {self.pk} from {self.listing}"


auditlog.register(ForumType)
auditlog.register(ForumListing)
auditlog.register(ForumAction, mask_fields=["description"], mask_callable="dapi.audit.services.redact")
