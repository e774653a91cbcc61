"""Benchmark: a programme's evidence counts at 100,000 cases, counted in the database (now) against
the earlier code that loaded every case, contact and member as model instances.

    .venv/bin/python bench/evidence_counts.py [--database dapi_load] [--before 08c61e3] [--repeat 3]

Needs a database seeded by bench/load/seed.py. The earlier `dapi/reports/evidence.py` is read from
git at --before and loaded beside the current one in this process, so both run on the same data in
the same run: the ratio is now / before. Every figure both give (exact counts, not suppressed) is
compared, and a difference is printed and fails the run. Times are wall-clock medians of --repeat
calls of `programme_evidence` for the financial year, counts made afresh (nothing kept).
"""

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="dapi_load")
    parser.add_argument("--before", default="08c61e3", help="the git revision holding the earlier evidence.py")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--period", default="2025/26")
    return parser.parse_args()


def load_before(revision: str):
    """The earlier evidence module, as dapi.reports.evidence_before (its relative imports resolve)."""
    source = subprocess.run(["git", "show", f"{revision}:dapi/reports/evidence.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    spec = importlib.util.spec_from_loader("dapi.reports.evidence_before", loader=None)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "dapi.reports"
    exec(compile(source, f"{revision}:dapi/reports/evidence.py", "exec"), module.__dict__)
    return module


def figures(ev) -> dict:
    """Every count of the delivery and outcome tables, by label."""
    rows = {f"referrals: {r.label}": r.cell.text for r in ev.referrals}
    rows |= {f"cases: {r.label}": r.cell.text for r in ev.cases}
    rows |= {f"victims: {r.label}": r.cell.text for r in ev.victims}
    rows |= {"eligible": ev.eligible.cell.text}
    rows |= {f"engagement: {label}": text for label, text, _ in ev.engagement}
    rows |= {f"outcomes: {label}": text for label, text, _ in ev.outcomes}
    rows["police outcomes"] = repr(ev.police_outcomes)
    return rows


def timed(function, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    args = parse_args()
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{args.database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dapi.settings")
    os.environ["DAPI_AGGREGATE_CACHE_SECONDS"] = "0"
    import django

    django.setup()
    from dapi.cases.models import Case
    from dapi.cases.selectors import programme_aggregates
    from dapi.funding.models import Programme
    from dapi.lib.money import FinancialYear
    from dapi.reports import evidence

    before = load_before(args.before)
    period, as_of = FinancialYear.parse(args.period), date(2026, 11, 30)
    print(f"database {args.database}: {Case.objects.count():,} cases; period {args.period}; "
          f"median of {args.repeat}; load average {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    print(f"{'programme':<28} {'cases':>7} {'before s':>9} {'now s':>7} {'ratio':>6}  figures")
    differences = 0
    for programme in Programme.objects.filter(cases__isnull=False).distinct().order_by("name"):
        def then(programme=programme):
            return before.programme_evidence(programme, period, as_of, published=False)

        def now(programme=programme):
            return evidence.programme_evidence(programme, period, as_of, published=False)

        old_s, old = timed(then, args.repeat)
        new_s, new = timed(now, args.repeat)
        old_f, new_f = figures(old), figures(new)
        differ = {k: (old_f.get(k), new_f.get(k)) for k in old_f.keys() | new_f.keys() if old_f.get(k) != new_f.get(k)}
        differences += len(differ)
        print(f"{programme.slug[:28]:<28} {programme.cases.count():>7,} {old_s:>9.2f} {new_s:>7.2f} "
              f"{new_s / old_s:>6.2f}  {'all ' + str(len(new_f)) + ' equal' if not differ else differ}")
    programmes = list(Programme.objects.order_by("name"))
    aggregates_s, _ = timed(lambda: programme_aggregates(programmes), args.repeat)
    print(f"case numbers page counts (all {len(programmes)} programmes): {aggregates_s:.2f} s")
    if differences:
        sys.exit(f"{differences} figures differ")


if __name__ == "__main__":
    main()
