"""Benchmark: an administrator's audit log page (issue 16, item 11) on a large log, against the
unscoped log read the same way in the same process.

    DAPI_DATA_DIR=/tmp/audit-demo .venv/bin/dapi demo --no-serve
    DAPI_DATA_DIR=/tmp/audit-demo .venv/bin/python bench/audit_log.py [--entries 200000] [--repeat 3]

Adds --entries synthetic `access` entries (reads of the demo's cases, people and identifying
details by the demo's case workers and by made-up other staff) inside a transaction that is rolled
back at the end, then times what the page does: count the entries the user may read and fetch the
first page of 50. The baseline is the same count and page over every entry (no scope). Times are
wall-clock medians of --repeat runs; the ratio is scoped / baseline.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def timed(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dapi.settings")
    import django

    django.setup()
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from dapi.accounts.models import User
    from dapi.audit.selectors import log_page_entries
    from dapi.cases.models import Case, IdentifyingDetails, Person

    rng = random.Random(2026)
    kinds = [(ContentType.objects.get_for_model(m), list(m.objects.values_list("pk", flat=True)))
             for m in (Case, Person, IdentifyingDetails)]
    actors = list(User.objects.filter(username__in=["provider-manager", "perpetrator-worker",
                                                    "partner-support-worker"]))
    users = {name: User.objects.get(username=name) for name in ("provider-administrator", "administrator")}

    def page(entries):
        return entries.count(), len(list(entries[:50]))

    with transaction.atomic():
        others = [User.objects.create_user(f"bench-staff-{n}") for n in range(20)]
        rows = []
        for _ in range(args.entries):
            content_type, pks = rng.choice(kinds)
            pk = rng.choice(pks)
            rows.append(LogEntry(content_type=content_type, object_pk=str(pk), object_id=pk, object_repr="bench",
                                 action=LogEntry.Action.ACCESS, actor=rng.choice(actors + others)))
        LogEntry.objects.bulk_create(rows, batch_size=5000)
        total = LogEntry.objects.count()
        print(f"{connection.vendor}, {total:,} entries in the log ({args.entries:,} added), {args.repeat} repeats")
        baseline, (count, _) = timed(lambda: page(LogEntry.objects.order_by("-timestamp", "-pk")), args.repeat)
        print(f"baseline (every entry): {baseline * 1000:.0f} ms, {count:,} entries")
        for name, user in users.items():
            seconds, (count, _) = timed(lambda u=user: page(log_page_entries(u)), args.repeat)
            print(f"{name}: {seconds * 1000:.0f} ms, {count:,} entries, ratio {seconds / baseline:.1f}")
            seconds, (count, _) = timed(lambda u=user: page(log_page_entries(u, actor="perpetrator-worker",
                                                                             action=LogEntry.Action.ACCESS)),
                                        args.repeat)
            print(f"{name}, filtered by user and action: {seconds * 1000:.0f} ms, {count:,} entries, "
                  f"ratio {seconds / baseline:.1f}")
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
