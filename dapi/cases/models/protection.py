from auditlog.registry import auditlog
from django.db import models


class ErasureReason(models.TextChoices):
    SUBJECT_REQUEST = "subject_request", "Request from the person (right to erasure)"
    RETENTION = "retention", "Retention period ended"
    RECORDED_IN_ERROR = "error", "Recorded in error"


class Erasure(models.Model):
    """That someone's records were erased, by whom and why, and how many rows went. It holds no
    reference, name or other personal data: after erasure nothing here points back to the person."""

    erased_at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.CharField(max_length=24, choices=ErasureReason.choices)
    role = models.CharField(max_length=16, help_text="perpetrator, victim, child or family: what the person was.")
    rows = models.JSONField(default=dict, help_text="Rows removed, by record type.")

    class Meta:
        ordering = ["-erased_at"]

    def __str__(self) -> str:
        return f"Erasure {self.pk} ({self.get_reason_display()})"


auditlog.register(Erasure)
