"""An imported decision document and its draft. The model belongs to the decisions app (app label
"decisions"); decisions/models.py imports it so that Django registers it."""

from auditlog.registry import auditlog
from django.db import models

from dapi.accounts.models import Organisation


class IngestStatus(models.TextChoices):
    WAITING = "waiting", "Waiting to be read"
    FAILED = "failed", "Could not be read"
    DRAFT = "draft", "Draft: waiting for review"
    CONFIRMED = "confirmed", "Confirmed"
    DISCARDED = "discarded", "Discarded"


class IngestBatch(models.Model):
    """Several documents uploaded at once (the web upload of several files, `dapi ingest DIR`): the
    queue they are reviewed from. Files refused on arrival (wrong type, too large, a Word document
    that would unpack too far) are not stored; their names and reasons are kept here."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="ingest_batches",
                                     help_text="The commissioning body the documents were imported for.")
    uploaded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    refused = models.JSONField(default=list, blank=True,
                               help_text="Files refused on arrival and not stored: [{name, reason}].")

    class Meta:
        app_label = "decisions"
        ordering = ["-uploaded_at", "-pk"]
        verbose_name_plural = "ingest batches"

    def __str__(self) -> str:
        return f"Import batch {self.pk}"


class IngestedDocument(models.Model):
    """A published decision document read into a draft (dapi.decisions.ingest.extract). Nothing
    else exists until a person confirms it; confirming creates the decision and keeps this link."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="ingested_documents",
                                     help_text="The commissioning body the document was imported for.")
    uploaded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    original_name = models.CharField(max_length=200)
    file = models.FileField(upload_to="decision-documents/")
    source_text = models.TextField(blank=True,
                                   help_text="The text read from the file; every span in the draft points into it.")
    draft = models.JSONField(default=dict, blank=True,
                             help_text="What the extractor proposed, with the span of text each value came from.")
    status = models.CharField(max_length=12, choices=IngestStatus.choices, default=IngestStatus.DRAFT)
    batch = models.ForeignKey(IngestBatch, null=True, blank=True, on_delete=models.PROTECT, related_name="documents",
                              help_text="The batch it was uploaded in, if it came with others.")
    failure = models.CharField(max_length=500, blank=True, help_text="Why the file could not be read, when it failed.")
    decision = models.OneToOneField("decisions.Decision", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="source_document")
    confirmed_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "decisions"
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"Imported document {self.original_name}"


# The text and the draft are large and never change after upload; the row's other fields are audited.
auditlog.register(IngestedDocument, exclude_fields=["source_text", "draft"])
auditlog.register(IngestBatch)
