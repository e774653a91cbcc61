"""Who may import decision documents and review them: the only place it is decided.

The people who may add decision records (commissioners and finance officers of a body, see
decisions/access.py) import documents for that body, and see, review, confirm or discard every
document imported for it, whoever uploaded it. Everyone else is answered as if there were no
such page or document (Http404).
"""

from django.db.models import QuerySet
from django.http import Http404

from dapi.accounts.models import Organisation
from dapi.lib.access import require

from ..access import can_create_decision, deciding_bodies_for, deciding_bodies_to_create
from .models import IngestBatch, IngestedDocument


def import_bodies_for(user) -> QuerySet[Organisation]:
    """The bodies `user` may import decision documents for: those whose decisions they may add."""
    return deciding_bodies_for(user)


def import_bodies_to_upload(user) -> QuerySet[Organisation]:
    """As import_bodies_for, for the upload page: Http404 when there is none."""
    return deciding_bodies_to_create(user)


def can_import_for(user, organisation) -> bool:
    """Whether `user` may import a document for `organisation` (and so create its decision)."""
    return can_create_decision(user, organisation)


def ingested_document_list_for(user) -> QuerySet[IngestedDocument]:
    """Imported documents of the bodies `user` may import for, whoever uploaded them."""
    return IngestedDocument.objects.filter(organisation__in=import_bodies_for(user).values("pk")).select_related(
        "organisation", "uploaded_by")


def ingested_document_get_for(user, document_id) -> IngestedDocument:
    """One imported document, or Http404 "No such document" for anyone who may not review it (its
    existence is not told)."""
    try:
        return ingested_document_list_for(user).get(pk=document_id)
    except (IngestedDocument.DoesNotExist, ValueError):
        raise Http404("No such document") from None


def can_review(user, document: IngestedDocument) -> bool:
    """Whether `user` may confirm or discard the document: whoever may import for its body."""
    return can_import_for(user, document.organisation_id)


def ingested_document_to_review(user, document_id) -> IngestedDocument:
    """A document `user` may confirm or discard; Http404 "No such document" for any other."""
    document = ingested_document_get_for(user, document_id)
    require(can_review(user, document), "No such document")
    return document


def ingest_batch_get_for(user, batch_id) -> IngestBatch:
    """A batch of documents imported for a body `user` may import for (whoever uploaded it), or
    Http404 "No such batch" for anyone else."""
    try:
        return IngestBatch.objects.filter(organisation__in=import_bodies_for(user).values("pk")).select_related(
            "organisation", "uploaded_by").get(pk=batch_id)
    except (IngestBatch.DoesNotExist, ValueError):
        raise Http404("No such batch") from None
