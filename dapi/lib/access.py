"""What every app's access.py shares: refusing as not found.

A record a user may not see, or may not change, answers exactly as a record that does not exist:
404 on a page and in the API, so a refusal never tells anyone that the record is there. Only
access.py modules and the services (checking their `by` through access.py) refuse; views, API
operations, commands and tasks never decide a permission themselves.

Services are called with `by`, the acting user. `by=None` is the system itself (the demo
loader, a background task, an operator's management command on the server): it passes every
check and its audit rows have no actor. Nothing a request reaches passes None.
"""

import functools

from django.http import Http404


def require(ok: bool, what: str = "Not found") -> None:
    """Refuse as not found unless `ok`."""
    if not ok:
        raise Http404(what)


def is_system(by) -> bool:
    """Whether `by` is the system itself rather than a person (see the module docstring)."""
    return by is None


def built_once_per_user(build):
    """`build(user)`, a lazy QuerySet of what `user` may see, built once per user object and copied on each
    later call. Such a query is made only from the user's memberships, which are themselves read once per
    user object (dapi/accounts/roles.py), and runs afresh whenever a copy is evaluated, so a copy finds
    exactly what a new build would. Building the nested querysets (not running them) was about half of a
    page's time: the navigation asks a dozen of them on every page. The system (None) and anonymous users
    are built for each call."""

    @functools.wraps(build)
    def built(user):
        if user is None or not user.is_authenticated:
            return build(user)
        kept = getattr(user, "_dapi_querysets", None)
        if kept is None:
            kept = user._dapi_querysets = {}
        if build not in kept:
            kept[build] = build(user)
        return kept[build].all()

    return built
