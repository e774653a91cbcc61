"""What every app's access.py shares: refusing as not found.

A record a user may not see, or may not change, answers exactly as a record that does not exist:
404 on a page and in the API, so a refusal never tells anyone that the record is there. Only
access.py modules and the services (checking their `by` through access.py) refuse; views, API
operations, commands and tasks never decide a permission themselves.

Services are called with `by`, the acting user. `by=None` is the system itself (the demo
loader, a background task, an operator's management command on the server): it passes every
check and its audit rows have no actor. Nothing a request reaches passes None.
"""

from django.http import Http404


def require(ok: bool, what: str = "Not found") -> None:
    """Refuse as not found unless `ok`."""
    if not ok:
        raise Http404(what)


def is_system(by) -> bool:
    """Whether `by` is the system itself rather than a person (see the module docstring)."""
    return by is None
