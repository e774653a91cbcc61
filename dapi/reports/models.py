"""Evaluator extracts: a commissioner's approval, the system's keys, and each download."""

import secrets

from auditlog.registry import auditlog
from django.core.exceptions import ValidationError
from django.db import models

from dapi.accounts.models import Organisation
from dapi.funding.models import Programme


class ExtractApproval(models.Model):
    """A commissioner lets one evaluator download pseudonymised extracts of one programme until `expires_on`."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="extract_approvals")
    evaluator = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="extract_approvals")
    approved_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    approved_on = models.DateField()
    expires_on = models.DateField()
    purpose = models.CharField(max_length=300, help_text="What the evaluation is for, e.g. the Home Office evaluation.")

    class Meta:
        ordering = ["-approved_on", "-pk"]

    def __str__(self) -> str:
        return f"Extract of {self.programme} for {self.evaluator} until {self.expires_on:%Y-%m-%d}"

    def clean(self):
        if self.expires_on and self.approved_on and self.expires_on <= self.approved_on:
            raise ValidationError({"expires_on": "The extract must expire after the day it is approved."})


class ExtractKey(models.Model):
    """The secret for one evaluator's keyed hashes of one programme: the same person gets the same
    pseudonym in every extract that evaluator downloads, and no one outside the system can
    recompute it. Never exported."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+")
    evaluator = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64, default=secrets.token_hex, editable=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["programme", "evaluator"], name="one_extract_key")]

    def __str__(self) -> str:
        return f"Extract key for {self.evaluator} on {self.programme}"


class ExtractDownload(models.Model):
    approval = models.ForeignKey(ExtractApproval, on_delete=models.PROTECT, related_name="downloads")
    downloaded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    downloaded_at = models.DateTimeField(auto_now_add=True)
    rows = models.PositiveIntegerField()

    class Meta:
        ordering = ["-downloaded_at"]

    def __str__(self) -> str:
        return f"Download of {self.approval}"


auditlog.register(ExtractApproval)
auditlog.register(ExtractKey, exclude_fields=["key"])
auditlog.register(ExtractDownload)
