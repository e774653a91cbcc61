"""Benchmark: RFGV validation and ranking at national scale.

    .venv/bin/python bench/rank.py [--sizes 100000,1000000,10000000] [--repeat 3] [--baseline-rows 1000000]

For each size, synthetic incidents (`dapi synth`, seed 2024) are written as Parquet to a
temporary directory (deleted at the end), then ranked `--repeat` times, each run in a fresh
Python process so that its peak memory (VmHWM) is its own: `rank_file` reads, validates,
scores and ranks the file, as `dapi rank` does. Medians are reported.

Baseline, in the same run: the plain-Python reading of the method that the tests use as their
oracle (`reference_rank_csv` in dapi/identification/tests/test_engine_oracle.py), over the
same `--baseline-rows` rows as CSV, against the engine over that same CSV file. The two
rankings must be identical, or the benchmark stops.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def peak_gib() -> float:
    """This process's peak resident memory (VmHWM). Not getrusage's ru_maxrss: on Linux that
    keeps the high-water mark of the process before exec, i.e. of the forked copy of the
    benchmark itself, which holds the generated rows."""
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM")) / 2**20


def child(path: str, as_of: str) -> None:
    """One timed ranking in this (fresh) process; prints its figures as JSON."""
    from dapi.identification.engine import default_profile
    from dapi.identification.engine.files import rank_file

    steps, marks = [], []

    def step(text):
        steps.append(text)
        marks.append(time.perf_counter())

    profile = default_profile()
    start = time.perf_counter()
    ranked = rank_file(path, date.fromisoformat(as_of), profile, progress=step)
    end = time.perf_counter()
    marks.append(end)
    print(json.dumps({
        "seconds": end - start, "read_validate": marks[1] - marks[0], "score": marks[2] - marks[1],
        "rank": marks[3] - marks[2], "peak_gib": peak_gib(),
        "ranked": [list(r) for r in ranked.select("area", "rank", "perpetrator_id").rows()],
    }))


def run_child(path: Path, as_of: date) -> dict:
    result = subprocess.run([sys.executable, __file__, "--child", str(path), "--as-of", as_of.isoformat()],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline-rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--child")
    parser.add_argument("--as-of")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.as_of)
        return

    import polars as pl

    from dapi.identification.engine.synth import AS_OF, generate, write

    print(f"machine: {os.cpu_count()} cores ({platform.machine()}), Python {platform.python_version()}, "
          f"Polars {pl.__version__}, load average {os.getloadavg()[0]:.2f} at start")
    work = Path(tempfile.mkdtemp(prefix="dapi-bench-rank-"))
    try:
        print("\n| rows | generate | read, validate, hash | sort, score | rank | total (median) | min-max | rows/s "
              "| peak GiB (each run) |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for rows in [int(s) for s in args.sizes.split(",")]:
            path = work / f"incidents-{rows}.parquet"
            t = time.perf_counter()
            write(generate(rows, args.seed), path)
            generated = time.perf_counter() - t
            runs = [run_child(path, AS_OF) for _ in range(args.repeat)]
            median = {k: statistics.median(r[k] for r in runs) for k in ("seconds", "read_validate", "score", "rank")}
            peaks = ", ".join(f"{r['peak_gib']:.2f}" for r in runs)
            print(f"| {rows:,} | {generated:.2f} s | {median['read_validate']:.2f} s | {median['score']:.2f} s | "
                  f"{median['rank']:.2f} s | {median['seconds']:.2f} s | "
                  f"{min(r['seconds'] for r in runs):.2f}-{max(r['seconds'] for r in runs):.2f} s | "
                  f"{rows / median['seconds']:,.0f} | {peaks} |", flush=True)
            path.unlink()

        from dapi.identification.engine import default_profile
        from dapi.identification.tests.test_engine_oracle import reference_rank_csv

        rows = args.baseline_rows
        csv_path = work / f"incidents-{rows}.csv"
        write(generate(rows, args.seed), csv_path)
        engine = [run_child(csv_path, AS_OF) for _ in range(args.repeat)]
        t = time.perf_counter()
        expected = reference_rank_csv(csv_path, AS_OF, default_profile(), default_profile().top_n)
        baseline = time.perf_counter() - t
        same = all([tuple(r) for r in run["ranked"]] == expected for run in engine)
        engine_s = statistics.median(r["seconds"] for r in engine)
        print(f"\nbaseline: plain Python over {rows:,} rows of CSV: {baseline:.2f} s ({rows / baseline:,.0f} rows/s); "
              f"engine over the same CSV: {engine_s:.2f} s median ({rows / engine_s:,.0f} rows/s); "
              f"engine {baseline / engine_s:.1f}x faster; rankings identical: {'yes' if same else 'NO'}")
        print(f"load average {os.getloadavg()[0]:.2f} at the end")
        if not same:
            sys.exit("the engine and the plain-Python reading disagree")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
