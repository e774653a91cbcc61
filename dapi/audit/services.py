"""Recording who did what. Model changes are logged by django-auditlog; these helpers make sure
the actor is known outside a web request (CLI, API tokens, background work) and record reads."""

from contextlib import contextmanager

from auditlog.context import auditlog_value, set_actor
from auditlog.signals import accessed


@contextmanager
def acting_as(user):
    """Attribute every audit row written inside the block to `user`.

    The explicit actor wins over whatever the request middleware set (they agree for a
    signed-in page; an API token request has no session user). The remote address of the
    request, if any, is kept, and the surrounding context is restored afterwards.
    """
    current = auditlog_value.get(None) or {}
    try:
        with set_actor(user, remote_addr=current.get("remote_addr"), remote_port=current.get("remote_port")):
            yield
    finally:
        if current:
            auditlog_value.set(current)


def record_access(instance, *, by) -> None:
    """Write an `access` audit row for a read of `instance` (person and case records)."""
    with acting_as(by):
        accessed.send(sender=instance.__class__, instance=instance)
