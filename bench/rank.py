"""Benchmark: RFGV ranking at national scale, dapi against pandas and DuckDB, in the same run.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/rank.py [--sizes 1000000,10000000,30000000] [--repeat 3]

For each size, synthetic incidents (`dapi synth`, seed 2024) are written as Parquet to a
temporary directory (deleted at the end), then ranked by each of:

- `dapi rank`: the console script as a user runs it (`dapi rank FILE --as-of ... --output x.csv`),
  in a subprocess: start-up, reading, ranking and writing the CSV, timed from outside;
- the engine in-process: `rank_file` and `to_csv`, timed inside a fresh Python process
  (imports not counted);
- pandas: a straightforward pandas implementation of DOMAIN.md section 4 (bench/rank_others.py);
- DuckDB: the same in one SQL query (bench/rank_others.py).

Every run is a fresh process: `--repeat` runs of each at every size below 30 million rows, one run
at 30 million and more (`--kinds` chooses which of the four to run). Peak memory: the run's own
high-water mark (VmHWM) for the in-process runs, and getrusage(RUSAGE_CHILDREN) of a small launcher
for `dapi rank`. The rankings (area, rank, perpetrator_id and score to 4 decimals) of every run must
be identical, or the benchmark stops.
The machine's load average is printed with the figures.
"""

import argparse
import csv
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

# The environment as the user gave it: importing Polars sets its allocator's settings
# (_RJEM_MALLOC_CONF) in os.environ, which every run started afterwards would inherit.
ENVIRONMENT = dict(os.environ)
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DAPI = Path(sys.executable).parent / "dapi"
KINDS = ["dapi rank", "engine", "pandas", "duckdb"]
ONCE_FROM = 30_000_000  # rows: sizes this large are run once


def vm_hwm_gib() -> float:
    """This process's peak resident memory (VmHWM: its own since exec, unlike ru_maxrss)."""
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM")) / 2**20


def published(path: Path) -> list[tuple[str, int, str, str]]:
    with path.open(newline="") as f:
        return [(r["area"], int(r["rank"]), r["perpetrator_id"], r["score"]) for r in csv.DictReader(f)]


def child(kind: str, path: str, as_of: str, out: str) -> None:
    """One timed ranking in this fresh process; prints its figures as JSON and writes its ranking to `out`."""
    on = date.fromisoformat(as_of)
    if kind == "dapi rank":
        # This launcher imports nothing big, so the child's peak is its own (ru_maxrss counts the fork).
        start = time.perf_counter()
        subprocess.run([str(DAPI), "rank", path, "--as-of", as_of, "--output", out], check=True,
                       stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**20
        print(json.dumps({"seconds": seconds, "peak_gib": peak}))
        return
    from dapi.identification.engine import default_profile

    profile = default_profile()
    if kind == "engine":
        from dapi.identification.engine.files import rank_file
        from dapi.identification.engine.output import to_csv

        start = time.perf_counter()
        text = to_csv(rank_file(path, on, profile))
        Path(out).write_text(text)
        seconds = time.perf_counter() - start
    else:
        import rank_others

        implementation = rank_others.pandas_rank if kind == "pandas" else rank_others.duckdb_rank
        start = time.perf_counter()
        rows = implementation(path, on, profile, profile.top_n)
        seconds = time.perf_counter() - start
        with open(out, "w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["area", "rank", "perpetrator_id", "score"])
            writer.writerows(rows)
    print(json.dumps({"seconds": seconds, "peak_gib": vm_hwm_gib()}))


def run_child(kind: str, path: Path, as_of: date, out: Path) -> dict:
    result = subprocess.run([sys.executable, __file__, "--child", kind, str(path), "--as-of", as_of.isoformat(),
                             "--out", str(out)], capture_output=True, text=True, env=ENVIRONMENT)
    if result.returncode:
        sys.exit(f"{kind} failed:\n{result.stderr}")
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000000,10000000,30000000", help="Row counts, comma-separated.")
    parser.add_argument("--repeat", type=int, default=3,
                        help="Runs of each at every size below 30 million rows (those run once).")
    parser.add_argument("--seed", type=int, default=2024, help="Seed of the synthetic incidents.")
    parser.add_argument("--kinds", default=",".join(KINDS), help="Which to run, comma-separated.")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--as-of", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.as_of, args.out)
        return

    import duckdb
    import pandas
    import polars as pl

    from dapi.identification.engine.synth import AS_OF, generate, write

    kinds = args.kinds.split(",")
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"machine: {os.cpu_count()} cores ({platform.machine()}), "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
          f"Python {platform.python_version()}, Polars {pl.__version__}, pandas {pandas.__version__}, "
          f"DuckDB {duckdb.__version__}")
    work = Path(tempfile.mkdtemp(prefix="dapi-bench-rank-"))
    try:
        print("\n| rows | run | median s | min-max s | rows/s | peak GiB (each run) | x pandas | x fastest "
              "| load avg (1 min) |")
        print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for rows in sizes:
            path = work / f"incidents-{rows}.parquet"
            frame = generate(rows, args.seed)
            write(frame, path)
            del frame
            repeat = 1 if rows >= ONCE_FROM else args.repeat
            results, rankings = {}, {}
            for kind in kinds:
                runs = []
                for i in range(repeat):
                    out = work / f"{kind.replace(' ', '-')}-{i}.csv"
                    load = os.getloadavg()[0]
                    runs.append(run_child(kind, path, AS_OF, out) | {"load": load})
                    rankings[f"{kind} #{i + 1}"] = published(out)
                    out.unlink()
                results[kind] = runs
            first = next(iter(rankings.values()))
            differ = [name for name, ranking in rankings.items() if ranking != first]
            medians = {kind: statistics.median(r["seconds"] for r in runs) for kind, runs in results.items()}
            fastest = min(medians.values())
            for kind, runs in results.items():
                m = medians[kind]
                peaks = ", ".join(f"{r['peak_gib']:.2f}" for r in runs)
                loads = ", ".join(f"{r['load']:.1f}" for r in runs)
                versus_pandas = f"{medians['pandas'] / m:.1f}" if "pandas" in medians else "-"
                print(f"| {rows:,} | {kind} | {m:.2f} | {min(r['seconds'] for r in runs):.2f}-"
                      f"{max(r['seconds'] for r in runs):.2f} | {rows / m:,.0f} | "
                      f"{peaks} | {versus_pandas} | {m / fastest:.2f} | {loads} |", flush=True)
            print(f"| {rows:,} | rankings identical ({len(first)} rows, {len(rankings)} runs) | "
                  f"{'yes' if not differ else 'NO: ' + ', '.join(differ)} | | | | | | |", flush=True)
            path.unlink()
            if differ:
                sys.exit(f"the rankings differ at {rows:,} rows: {', '.join(differ)}")
        print(f"\nload average {os.getloadavg()[0]:.2f} at the end")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
