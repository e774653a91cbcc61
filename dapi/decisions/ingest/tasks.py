"""Background work (django-tasks; `dapi db_worker` runs the queue): read each document of a batch
uploaded on the web into its draft, one task per document, so that a batch of large PDFs is never
read inside a request and one document's failure never stops another's."""

from django_tasks import task

from . import reading
from .models import IngestedDocument


@task()
def ingested_document_extract(document_id: int) -> str:
    """Read one waiting document into its draft, or mark it failed with the reason. Its writes are
    one transaction, and a document already read is left alone, so running it again (after a dead
    worker, dapi/worker.py) is safe."""
    document = IngestedDocument.objects.get(pk=document_id)
    try:
        return reading.ingested_document_read(document=document, by=None).status
    except BaseException:
        # The worker records the exception itself; the reviewer sees that reading failed, never a
        # document that says "waiting" for ever.
        reading.ingested_document_fail(document=document, by=None,
                                        reason=f"{document.original_name}: reading it stopped on an unexpected error; "
                                               "upload it again, or report it if it fails again")
        raise
