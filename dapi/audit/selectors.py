"""Reads over the audit trail (django-auditlog's LogEntry) for administrators."""

from dataclasses import dataclass
from datetime import date

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from .access import log_entries_for


def log_page_entries(user, **filters) -> QuerySet[LogEntry]:
    """The entries `user` may read (404 for anyone but an administrator), narrowed by `filters`."""
    return filter_entries(log_entries_for(user), **filters)


def filter_entries(entries: QuerySet[LogEntry], *, actor: str = "", action: int | None = None,
                   content_type: ContentType | None = None, date_from: date | None = None,
                   date_to: date | None = None) -> QuerySet[LogEntry]:
    """Narrow `entries`; each filter left empty matches everything. Dates are local days."""
    if actor:
        entries = entries.filter(actor__username__iexact=actor)
    if action is not None:
        entries = entries.filter(action=action)
    if content_type is not None:
        entries = entries.filter(content_type=content_type)
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


def entry_rows(entries) -> list[EntryRow]:
    """Entries with the names of the fields they changed. The values are never shown: they may
    hold personal data."""
    return [EntryRow(e, sorted(e.changes.keys()) if isinstance(e.changes, dict) else []) for e in entries]
