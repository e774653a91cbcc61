"""Whether a list of what a user may see has a row, asked on every page (the navigation) without making its
query afresh each time.

A list from an app's access.py (`decision_list_for(user)` and the like) is made from the user's id and memberships
alone, so its SQL is the same on every request until their memberships change; but making it (Django building and
compiling a query of several subqueries) takes longer than the database takes to answer it: about 15 ms of every page
went on the navigation's lists. `exists_for` keeps the compiled SQL of each list per user id and memberships in the
process, and runs it against the database every time it is asked, so the answer is always the data's now. Only a list
made from nothing but the user's id and memberships (no date, no row read while it is made) may be asked this way;
dapi/tests/test_exists_for.py compares each such list's answer with its own `.exists()`.
"""

from collections.abc import Callable

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet

from .roles import memberships_of

# Compiled lists kept in this process: (list, user id, memberships) -> (SQL, parameters), or NEVER. dapi has one
# database, so one process compiles for one kind of database.
_KEPT: dict = {}
KEEP_AT_MOST = 4096
NEVER = "no row, whatever the data"  # Django found the list's condition empty (no organisation to match)


def exists_for(user, make_list: Callable[[object], QuerySet]) -> bool:
    """Whether `make_list(user)` has a row, as `make_list(user).exists()` answers, its SQL compiled once."""
    if user is None or not user.is_authenticated:
        return make_list(user).exists()
    key = (make_list.__module__, make_list.__qualname__, user.pk, memberships_of(user))
    kept = _KEPT.get(key)
    if kept is None:
        if len(_KEPT) >= KEEP_AT_MOST:
            _KEPT.clear()
        kept = _KEPT[key] = _compiled(make_list(user))
    if kept == NEVER:
        return False
    sql, params = kept
    with connections["default"].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone() is not None


def _compiled(queryset: QuerySet):
    try:
        return queryset.query.exists(limit=True).get_compiler(queryset.db).as_sql()
    except EmptyResultSet:
        return NEVER
