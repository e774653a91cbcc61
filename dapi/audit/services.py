"""Recording who did what. Model changes are logged by django-auditlog; these helpers make sure
the actor is known outside a web request (CLI, API tokens, background work), record reads, and
record an administrator's export of the log itself."""

from auditlog.models import LogEntry
from auditlog.signals import accessed
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from dapi.accounts.actor import acting_as
from dapi.accounts.models import Organisation

from .access import administered_organisation_ids
from .selectors import log_page_entries

__all__ = ["acting_as", "log_export", "record_access"]


def record_access(instance, *, by) -> None:
    """Write an `access` audit row for a read of `instance` (person and case records)."""
    with acting_as(by):
        accessed.send(sender=instance.__class__, instance=instance)


def redact(value: str) -> str:
    """The audit log's stand-in for a personal value: the field is named as changed, its value never kept."""
    return "[redacted]"


@transaction.atomic
def log_export(*, by, **filters) -> QuerySet[LogEntry]:
    """The entries of the audit log that administrator `by` exports (those they read, narrowed by
    `filters`), with the export itself written to the log: an `access` entry on each organisation
    they administer, noting how many entries and which filters (by name: a typed reference is not
    kept). 404 for anyone who administers nothing; refused past DAPI_AUDIT_EXPORT_MAX_ROWS entries."""
    entries = log_page_entries(by, **filters)
    count = entries.count()
    limit = settings.DAPI_AUDIT_EXPORT_MAX_ROWS
    if count > limit:
        raise ValidationError(f"{count:,} entries match, and an export holds at most {limit:,}: narrow the "
                              "filters (for example the dates) and export again.")
    used = ", ".join(sorted(filters)) or "none"
    with acting_as(by):
        for organisation in Organisation.objects.filter(pk__in=administered_organisation_ids(by)):
            LogEntry.objects.log_create(organisation, force_log=True, action=LogEntry.Action.ACCESS, changes=None,
                                        additional_data={"note": f"Audit log exported: {count} entries "
                                                                 f"(filters: {used})"})
    return entries
