"""Benchmark: RFGV validation and ranking at national scale.

    .venv/bin/python bench/rank.py [--rows 10000000] [--baseline-rows 1000000]

Generates synthetic incidents (Parquet, in a temporary directory), then times read+validate and
score+rank with the engine. Baseline in the same run: the plain-Python reading of the method
used as the test oracle (dapi/identification/tests/test_engine_properties.py), on
`--baseline-rows` rows; the ratio compares rows per second.
"""

import argparse
import math
import os
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dapi.identification.engine import default_profile, rank, read_incidents, score  # noqa: E402
from dapi.identification.engine.synth import AS_OF, generate, write  # noqa: E402


def plain_python(path: Path, as_of: date, profile) -> int:
    """The method in plain Python over csv rows: what a spreadsheet macro or script would do."""
    import csv
    harm = defaultdict(dict)
    victims = defaultdict(set)
    last = {}
    area_of = {}
    with path.open() as f:
        for row in csv.DictReader(f):
            day = date.fromisoformat(row["occurred_on"])
            age = row["perpetrator_age"]
            if not (0 <= (as_of - day).days < profile.window_days) or (age and int(age) < profile.minimum_age):
                continue
            pid = row["perpetrator_id"]
            h = profile.harm[row["offence"]]
            incidents = harm[pid]
            incidents[row["incident_id"]] = max(incidents.get(row["incident_id"], 0), h)
            victims[pid].add(row["victim_id"])
            if pid not in last or day >= last[pid]:
                last[pid], area_of[pid] = day, row["area"]
    scored = []
    cap = math.log10(1 + profile.gravity_cap_days)
    for pid, incidents in harm.items():
        n, k, d = len(incidents), len(victims[pid]), (as_of - last[pid]).days
        if n < profile.eligible_min_incidents:
            continue
        r = next(p for limit, p in profile.recency if d <= limit)
        f_ = max(p for t, p in profile.frequency if n >= t)
        v = max(p for t, p in profile.victims if k >= t)
        g = min(100, 100 * math.log10(1 + sum(incidents.values())) / cap)
        scored.append((area_of[pid], -(0.2 * r + 0.2 * f_ + 0.4 * g + 0.2 * v), pid))
    scored.sort()
    return len(scored)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--baseline-rows", type=int, default=1_000_000)
    args = parser.parse_args()
    profile = default_profile()
    work = Path(tempfile.mkdtemp(prefix="dapi-bench-rank-"))
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, polars "
          f"{__import__('polars').__version__}")
    for rows in (args.baseline_rows, args.rows):
        path = work / f"incidents-{rows}.parquet"
        t = time.perf_counter()
        write(generate(rows, 2024), path)
        gen = time.perf_counter() - t
        t = time.perf_counter()
        incidents = read_incidents(path, profile)
        validated = time.perf_counter() - t
        t = time.perf_counter()
        ranked = rank(score(incidents, AS_OF, profile), profile.top_n)
        ranked_s = time.perf_counter() - t
        print(f"engine {rows:>11,} rows: generate {gen:6.2f} s, read+validate {validated:6.2f} s, "
              f"score+rank {ranked_s:6.2f} s, total {validated + ranked_s:6.2f} s "
              f"({rows / (validated + ranked_s):,.0f} rows/s); {ranked.height} ranked")
        if rows == args.baseline_rows:
            engine_rate = rows / (validated + ranked_s)
            csv_path = work / "baseline.csv"
            write(generate(rows, 2024), csv_path)
            t = time.perf_counter()
            plain_python(csv_path, AS_OF, profile)
            base = time.perf_counter() - t
            print(f"baseline (plain Python) {rows:,} rows: {base:6.2f} s ({rows / base:,.0f} rows/s); "
                  f"engine is {engine_rate / (rows / base):.1f}x faster")


if __name__ == "__main__":
    main()
