"""Reads over the audit trail (django-auditlog's LogEntry) for administrators."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from .access import log_entries_for

EXPORT_HEADER = ["time", "actor", "action", "object_type", "object_id", "object", "remote_address", "changed_fields",
                 "note"]


def log_page_entries(user, **filters) -> QuerySet[LogEntry]:
    """The entries `user` may read (404 for anyone but an administrator), narrowed by `filters`."""
    return filter_entries(log_entries_for(user), **filters)


def filter_entries(entries: QuerySet[LogEntry], *, actor: str = "", action: int | None = None,
                   content_type: ContentType | None = None, record: str = "", date_from: date | None = None,
                   date_to: date | None = None) -> QuerySet[LogEntry]:
    """Narrow `entries`; each filter left empty matches everything. `record` is a reference as the
    log names the record (a case's or person's reference matches every entry about it and about the
    records named after it) or a record's id. Dates are local days."""
    if actor:
        entries = entries.filter(actor__username__iexact=actor)
    if action is not None:
        entries = entries.filter(action=action)
    if content_type is not None:
        entries = entries.filter(content_type=content_type)
    if record:
        named = Q(object_repr__icontains=record)
        entries = entries.filter(named | Q(object_id=int(record)) if record.isdigit() else named)
    if date_from:
        entries = entries.filter(timestamp__date__gte=date_from)
    if date_to:
        entries = entries.filter(timestamp__date__lte=date_to)
    return entries


def audited_content_types() -> QuerySet[ContentType]:
    """The kinds of record the audit trail covers, for the filter."""
    models = auditlog.get_models()
    ids = [ContentType.objects.get_for_model(m).pk for m in models]
    return ContentType.objects.filter(pk__in=ids).order_by("app_label", "model")


@dataclass
class EntryRow:
    entry: LogEntry
    changed_fields: list[str]
    note: str


def _changed_fields(entry: LogEntry) -> list[str]:
    return sorted(entry.changes.keys()) if isinstance(entry.changes, dict) else []


def _note(entry: LogEntry) -> str:
    return entry.additional_data.get("note", "") if isinstance(entry.additional_data, dict) else ""


def entry_rows(entries) -> list[EntryRow]:
    """Entries with the names of the fields they changed. The values are never shown: they may
    hold personal data."""
    return [EntryRow(e, _changed_fields(e), _note(e)) for e in entries]


def export_rows(entries: QuerySet[LogEntry]) -> Iterator[list]:
    """The CSV rows of `entries` (after `EXPORT_HEADER`): as the page shows them, times in ISO 8601
    (UTC), changed fields by name only."""
    for e in entries.iterator(chunk_size=2000):
        yield [e.timestamp.isoformat(), e.actor.username if e.actor else "system", e.get_action_display(),
               e.content_type.name, e.object_pk, e.object_repr, e.remote_addr or "", " ".join(_changed_fields(e)),
               _note(e)]
