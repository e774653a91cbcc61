"""Recording who did what. Model changes are logged by django-auditlog; these helpers make sure
the actor is known outside a web request (CLI, API tokens, background work) and record reads."""

from auditlog.signals import accessed

from dapi.accounts.actor import acting_as

__all__ = ["acting_as", "record_access"]


def record_access(instance, *, by) -> None:
    """Write an `access` audit row for a read of `instance` (person and case records)."""
    with acting_as(by):
        accessed.send(sender=instance.__class__, instance=instance)


def redact(value: str) -> str:
    """The audit log's stand-in for a personal value: the field is named as changed, its value never kept."""
    return "[redacted]"
