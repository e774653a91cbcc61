"""Counts over many cases for commissioners' pages, kept for a few minutes.

At 100,000 cases a programme's evidence counts take 0.3-0.4 s to make and the case numbers page
0.13 s (bench/RESULTS.md), too long to make on every request of a busy server. They are kept in
the "aggregates" cache (files under DAPI_DATA_DIR/cache, shared by the server's processes) for
DAPI_AGGREGATE_CACHE_SECONDS (default 300) and the pages say when they were counted. 0 counts
afresh every time, as the tests do. Only counts are kept, never a record about a person, and
they are kept unsuppressed: disclosure control is applied when a page shows them, for its viewer.
A result keyed by a fingerprint of what it is made from is `kept` without a time limit instead.
"""

from datetime import datetime
from typing import TypeVar
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

T = TypeVar("T")
# Part of every key: a change to what a count holds changes this, so no process reads the old shape.
VERSION = 1


def remembered(key: str, count: Callable[[], T]) -> tuple[T, datetime]:
    """`count()` and when it was made, or what it gave within the last DAPI_AGGREGATE_CACHE_SECONDS."""
    seconds = settings.DAPI_AGGREGATE_CACHE_SECONDS
    if seconds <= 0:
        return count(), timezone.now()
    cache = caches["aggregates"]
    key = f"v{VERSION}:{key}"
    kept = cache.get(key)
    if kept is None:
        kept = (count(), timezone.now())
        cache.set(key, kept, seconds)
    return kept


def kept(key: str, make: Callable[[], T]) -> T:
    """`make()`, kept without a time limit: for a result whose key names exactly what it is made
    from (a fingerprint of the rows), so it can never be out of date, only no longer asked for."""
    cache = caches["aggregates"]
    key = f"v{VERSION}:{key}"
    result = cache.get(key)
    if result is None:
        result = make()
        cache.set(key, result, None)
    return result


def recounted_every() -> int:
    """Minutes between recounts (0 when counts are made afresh on every request)."""
    return max(0, settings.DAPI_AGGREGATE_CACHE_SECONDS) // 60
