"""Who audit rows are attributed to. Lives here, at the bottom of the app graph, so that every
app's services (accounts' own included) can name the acting user; `dapi.audit.services`
re-exports it."""

from contextlib import contextmanager

from auditlog.context import auditlog_value, set_actor


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
