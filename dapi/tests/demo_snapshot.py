"""The demo loaded once per test process and copied in after that, for the tests that need it.

`load_demo()` makes about 900 queries and `load_demo_cases()` several thousand, and hundreds of
tests start from them: most of the suite's time went there. `loaded(load)` runs the real loader
the first time it meets a database state, keeps the rows it added (read back from the database
itself, so they are exactly what the loader wrote), and the next time it meets the same state
inserts those rows instead, in one transaction, then moves PostgreSQL's id sequences past them.

`DAPI_TEST_FRESH_DEMO=1` turns the copying off, to compare. It runs the loader for real, and
keeps nothing, whenever it cannot be sure a copy would be the
same: a different starting state (any row of any table differs), another day (demo cases are
dated from today), or a loader that changed or deleted rows it did not add.
"""

import hashlib
import json
import os
from collections.abc import Callable
from datetime import date

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from dapi.lib import clock

_kept: dict[tuple, tuple[list, object]] = {}


def _models():
    return [m for m in apps.get_models(include_auto_created=True) if m._meta.managed and not m._meta.proxy]


def table_rows(cursor) -> dict[str, tuple[list[str], dict]]:
    """Every row of every table, by primary key."""
    quote = connection.ops.quote_name
    state = {}
    for model in _models():
        table, pk = model._meta.db_table, model._meta.pk.column
        cursor.execute(f"SELECT * FROM {quote(table)}")
        columns = [c[0] for c in cursor.description]
        at = columns.index(pk)
        state[table] = (columns, {row[at]: row for row in cursor.fetchall()})
    return state


def _fingerprint(state) -> str:
    digest = hashlib.sha256()
    for table in sorted(state):
        columns, rows = state[table]
        digest.update(table.encode())
        for key in sorted(rows, key=str):
            digest.update(repr(rows[key]).encode())
    return digest.hexdigest()


def _added(before, after) -> list[tuple[str, list[str], list[tuple]]] | None:
    """The rows the loader added, table by table; None if it changed or deleted any row."""
    added = []
    for table, (columns, rows) in after.items():
        old = before[table][1]
        if any(key not in rows or rows[key] != row for key, row in old.items()):
            return None
        new = [row for key, row in rows.items() if key not in old]
        if new:
            added.append((table, columns, new))
    return added


def _json_columns() -> dict[str, set[str]]:
    return {m._meta.db_table: {f.column for f in m._meta.concrete_fields if f.get_internal_type() == "JSONField"}
            for m in _models()}


def _insert(cursor, added) -> None:
    quote = connection.ops.quote_name
    # Django reads PostgreSQL's jsonb as its text (JSONField parses it); it goes back as text, cast.
    json_columns = _json_columns() if connection.vendor == "postgresql" else {}
    for table, columns, rows in added:
        values = ", ".join("%s::jsonb" if c in json_columns.get(table, ()) else "%s" for c in columns)
        cursor.executemany(f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) VALUES ({values})",
                           rows)
    for sql in connection.ops.sequence_reset_sql(no_style(), _models()):
        cursor.execute(sql)


def loaded(load: Callable[[], object]) -> object:
    """`load()`'s result, with its rows in the database: made by `load` or copied from its first run."""
    if os.environ.get("DAPI_TEST_FRESH_DEMO") == "1":
        return load()
    with transaction.atomic(), connection.cursor() as cursor:
        before = table_rows(cursor)
        key = (connection.vendor, connection.settings_dict["NAME"], load.__module__, load.__qualname__,
               clock.today(), date.today(), timezone.now().date(), _fingerprint(before))
        if key in _kept:
            added, result = _kept[key]
            _insert(cursor, added)
            return json.loads(json.dumps(result))
        result = load()
        added = _added(before, table_rows(cursor))
        if added is not None:
            _kept[key] = (added, json.loads(json.dumps(result)))
        return result
