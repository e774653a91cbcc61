"""Incident imports and the RFGV rankings they produce."""

from auditlog.registry import auditlog
from django.db import models

from dapi.accounts.models import Organisation


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Processing"
    INVALID = "invalid", "Rejected: the file is not valid"
    FAILED = "failed", "Failed"
    DONE = "done", "Ranked"


class IncidentImport(models.Model):
    """One police incident file, ranked as of a date with a profile. The file is kept (as Parquet)
    for rescoring and outcomes; rankings are written all at once or not at all."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="incident_imports")
    uploaded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    original_name = models.CharField(max_length=200)
    file = models.FileField(upload_to="incidents/")
    as_of = models.DateField()
    status = models.CharField(max_length=12, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    progress = models.CharField(max_length=200, blank=True)
    errors = models.JSONField(default=list, blank=True)
    profile_version = models.CharField(max_length=40, blank=True)
    rows = models.PositiveIntegerField(null=True, blank=True)
    perpetrators = models.PositiveIntegerField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"Incident import {self.pk} ({self.original_name}, as of {self.as_of:%Y-%m-%d})"


class RankedPerpetrator(models.Model):
    """An eligible perpetrator's RFGV result in one import, with every component and his rank in his area."""

    incident_import = models.ForeignKey(IncidentImport, on_delete=models.CASCADE, related_name="ranked")
    area = models.CharField(max_length=100)
    rank = models.PositiveIntegerField()
    perpetrator_id = models.CharField(max_length=60)
    score = models.FloatField()
    recency = models.PositiveSmallIntegerField()
    frequency = models.PositiveSmallIntegerField()
    gravity = models.FloatField()
    victims = models.PositiveSmallIntegerField()
    incidents = models.PositiveIntegerField()
    victim_count = models.PositiveIntegerField()
    harm_days = models.FloatField()
    days_since = models.PositiveIntegerField()
    last_incident = models.DateField()
    serial = models.BooleanField()

    class Meta:
        ordering = ["area", "rank"]
        indexes = [models.Index(fields=["incident_import", "area", "rank"]),
                   models.Index(fields=["incident_import", "perpetrator_id"])]

    def __str__(self) -> str:
        return f"{self.area} #{self.rank} in import {self.incident_import_id}"


auditlog.register(IncidentImport, exclude_fields=["progress"])
