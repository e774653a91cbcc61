"""Reads for a batch of imported documents (the queue the reviewer works through): each file's
state (waiting, read, could not be read, confirmed, discarded), its likely duplicates, and how far
the batch has got. The batch comes from access.ingest_batch_get_for."""

from dataclasses import dataclass, field

from .duplicates import Duplicate, duplicates_of
from .models import IngestBatch, IngestedDocument, IngestStatus


@dataclass
class QueueRow:
    document: IngestedDocument
    duplicates: list[Duplicate] = field(default_factory=list)


@dataclass
class Queue:
    batch: IngestBatch
    rows: list[QueueRow]

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def read(self) -> int:
        """Documents no longer waiting to be read (read into a draft or failed, then reviewed)."""
        return sum(row.document.status != IngestStatus.WAITING for row in self.rows)

    @property
    def waiting(self) -> int:
        return self.total - self.read

    @property
    def summary(self) -> list[tuple[str, int]]:
        """(state, documents in it) for every state some document of the batch is in."""
        counts = [(label, sum(row.document.status == status for row in self.rows))
                  for status, label in IngestStatus.choices]
        return [(label, n) for label, n in counts if n]

    @property
    def count_drafts(self) -> int:
        """Documents read into a draft (waiting for review, or reviewed since)."""
        return sum(row.document.status in (IngestStatus.DRAFT, IngestStatus.CONFIRMED, IngestStatus.DISCARDED)
                   and not row.document.failure for row in self.rows)

    @property
    def duplicates(self) -> int:
        return sum(bool(row.duplicates) for row in self.rows)


def batch_queue(batch: IngestBatch) -> Queue:
    """The batch's documents in the order they were uploaded, each with its likely duplicates."""
    documents = list(batch.documents.select_related("decision", "organisation").order_by("pk"))
    found = duplicates_of(documents)
    return Queue(batch, [QueueRow(d, found.get(d.pk, [])) for d in documents])
