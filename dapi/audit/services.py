"""Recording who did what. Model changes are logged by django-auditlog; these helpers make sure
the actor is known outside a web request (CLI, API tokens, background work) and record reads."""

from contextlib import contextmanager

from auditlog.context import auditlog_value, set_actor
from auditlog.signals import accessed


@contextmanager
def acting_as(user):
    """Attribute every audit row written inside the block to `user`.

    Inside a web request the middleware has already set the actor and remote address; a
    request without a session user (API token) keeps its remote address and gains the actor.
    """
    current = auditlog_value.get(None)
    if current and current.get("actor") is not None:
        yield
        return
    try:
        with set_actor(user, remote_addr=(current or {}).get("remote_addr")):
            yield
    finally:
        if current is not None:
            auditlog_value.set(current)


def record_access(instance, *, by) -> None:
    """Write an `access` audit row for a read of `instance` (person and case records)."""
    with acting_as(by):
        accessed.send(sender=instance.__class__, instance=instance)
