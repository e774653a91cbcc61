"""Benchmark: the evidence dashboard and the panel pack at the demo's volume and at 10,000 cases.

    .venv/bin/python bench/reports.py [--repeat 10] [--pack-repeat 3] [--cases 10000]

Three databases, each built afresh in its own temporary DAPI_DATA_DIR (SQLite) by a child process of
this script, all as of the demonstration date (15 Mar 2024, as `make demo` serves it):

- baseline: the seeds and the small demo (`load_demo`, `load_demo_cases`), about a dozen cases;
- demo: what `dapi demo --no-serve` loads (the three programmes at their published volume);
- scaled: the same loader with every programme's yearly intake multiplied so that the whole demo
  holds at least --cases cases (each with its police history, ranked import and computed outcomes).

Each child times, through Django's test client in its own process (server time, no network), the
Cleveland complex needs dashboard for 2023/24 and its panel pack as PDF and as HTML, signed in as the
demo commissioner with the second factor passed. It prints the first call (nothing of this programme
counted or drawn yet: the comparison group's result is there, made when the load stored the groups,
as the background task makes it on a server), the median and worst of --repeat
(PDF: --pack-repeat) calls, the median CPU time of this process per call (on a busy machine the wall
time includes waiting for a core; the CPU time does not), and the number of database queries of a call. The ratios are against the
baseline of the same run. Targets: pack under 10 s, dashboard under 500 ms server time.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO_DAY = "2024-03-15"
PROGRAMME = "cleveland-complex-needs"
URLS = {
    "dashboard 2023/24": f"/reports/programmes/{PROGRAMME}/?period=2023/24",
    "panel pack HTML 2023/24": f"/reports/programmes/{PROGRAMME}/panel-pack.html?period=2023/24",
    "panel pack PDF 2023/24": f"/reports/programmes/{PROGRAMME}/panel-pack.pdf?period=2023/24",
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10, help="calls of the dashboard and the HTML pack")
    parser.add_argument("--pack-repeat", type=int, default=3, help="calls of the PDF pack")
    parser.add_argument("--cases", type=int, default=10_000, help="cases in the scaled database, at least")
    parser.add_argument("--keep", metavar="DIR", help="keep each database in DIR/<kind> and reuse one already there")
    parser.add_argument("--child", choices=["baseline", "demo", "scaled"], help=argparse.SUPPRESS)
    parser.add_argument("--factor", type=float, default=1.0, help=argparse.SUPPRESS)
    return parser.parse_args()


# The child: one database, its load and its timings ----------------------------------------------------------

def child(args) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dapi.settings")
    os.environ.setdefault("DAPI_ALLOWED_HOSTS", "testserver")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from dapi.cases.models import Case, Person
    from dapi.demo import volume

    started = time.perf_counter()
    marker = Path(os.environ["DAPI_DATA_DIR"]) / "bench-loaded"
    if marker.exists():
        pass  # --keep: loaded by an earlier run
    elif args.child == "baseline":
        from dapi.demo.cases import load_demo_cases
        from dapi.demo.seeds import load_demo

        call_command("migrate", verbosity=0)
        load_demo()
        load_demo_cases()
    else:
        if args.factor != 1.0:
            for spec in volume.SPECS:
                spec.per_year = round(spec.per_year * args.factor)
        call_command("demo", no_serve=True, today=DEMO_DAY, stdout=open(os.devnull, "w"))
    loaded_s = None if marker.exists() else time.perf_counter() - started
    marker.touch()
    os.environ["DAPI_TODAY"] = DEMO_DAY  # as `make demo` serves it
    client = signed_in_client()
    figures = {"load_s": loaded_s, "cases": Case.objects.count(), "people": Person.objects.count(),
               "cleveland_cases": Case.objects.filter(programme__slug=PROGRAMME).count(),
               "cleveland_cases_2023_24": cases_in_year(Case), "urls": {}}
    for url in URLS.values():  # warm the imports, templates and fonts on another programme
        client.get(url.replace(PROGRAMME, "greater-manchester-cara"))
    for name, url in URLS.items():
        repeat = args.pack_repeat if name.endswith("PDF 2023/24") else args.repeat
        figures["urls"][name] = measure(client, url, repeat)
    return figures


def cases_in_year(Case) -> int:
    from datetime import date

    from django.db.models import Q

    return Case.objects.filter(programme__slug=PROGRAMME, referred_on__lte=date(2024, 3, 31)).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=date(2023, 4, 1))).count()


def signed_in_client():
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from dapi.accounts.models import User

    client = Client()
    commissioner = User.objects.get(username="commissioner")
    client.force_login(commissioner)
    # Commissioners pass a second factor (docs/security.md): mark the session as having passed it with the
    # demo commissioner's authenticator, as the code page does after a right code.
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=commissioner, confirmed=True).persistent_id
    session.save()
    return client


def measure(client, url, repeat) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, cpu, queries, status, size = [], [], 0, None, 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        queries, status, size = len(ctx.captured_queries), response.status_code, len(response.content)
    if status != 200:
        raise SystemExit(f"{url} answered {status}")
    return {"first_ms": times[0], "median_ms": statistics.median(times), "worst_ms": max(times),
            "cpu_median_ms": statistics.median(cpu), "queries": queries, "bytes": size}


# The parent: three children and the table ------------------------------------------------------------------

def run_child(kind: str, factor: float, args) -> dict:
    if args.keep:
        data = Path(args.keep) / kind
        data.mkdir(parents=True, exist_ok=True)
        return in_data_dir(str(data), kind, factor, args)
    with tempfile.TemporaryDirectory(prefix=f"dapi-bench-reports-{kind}-") as data_dir:
        return in_data_dir(data_dir, kind, factor, args)


def in_data_dir(data_dir: str, kind: str, factor: float, args) -> dict:
    env = {**os.environ, "DAPI_DATA_DIR": data_dir}
    env.pop("DAPI_TODAY", None)
    command = [sys.executable, __file__, "--child", kind, "--factor", str(factor), "--repeat", str(args.repeat),
               "--pack-repeat", str(args.pack_repeat)]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"the {kind} child failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    args = parse_args()
    if args.child:
        print(json.dumps(child(args)))
        return
    print(f"Machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; Python {sys.version.split()[0]}")
    runs = {"baseline": run_child("baseline", 1.0, args)}
    runs["demo"] = run_child("demo", 1.0, args)
    # The demo's intake scaled so that the whole database holds at least --cases cases.
    factor = args.cases / runs["demo"]["cases"] * 1.03
    runs["scaled"] = run_child("scaled", factor, args)
    for kind, run in runs.items():
        print(f"{kind}: {run['cases']:,} cases ({run['cleveland_cases']:,} Cleveland, "
              f"{run['cleveland_cases_2023_24']:,} of them open in 2023/24), {run['people']:,} people; "
              + (f"loaded in {run['load_s']:.1f} s" if run["load_s"] is not None else "loaded by an earlier run")
              + (f" (intake x{factor:.2f})" if kind == "scaled" else ""))
    print(f"{'page':24} {'database':9} {'first ms':>9} {'median ms':>10} {'worst ms':>9} {'CPU ms':>8} {'ratio':>6} "
          f"{'queries':>8} {'bytes':>9}")
    for name in URLS:
        base = runs["baseline"]["urls"][name]["median_ms"]
        for kind, run in runs.items():
            figure = run["urls"][name]
            print(f"{name:24} {kind:9} {figure['first_ms']:>9.1f} {figure['median_ms']:>10.1f} "
                  f"{figure['worst_ms']:>9.1f} {figure['cpu_median_ms']:>8.1f} {figure['median_ms'] / base:>6.2f} "
                  f"{figure['queries']:>8} {figure['bytes']:>9,}")
    worst_dashboard = max(r["urls"]["dashboard 2023/24"]["median_ms"] for r in runs.values())
    worst_pack = max(max(r["urls"]["panel pack PDF 2023/24"]["worst_ms"], r["urls"]["panel pack PDF 2023/24"]["first_ms"])
                     for r in runs.values())
    print(f"Dashboard: slowest median {worst_dashboard:.0f} ms (target under 500 ms). "
          f"PDF pack: slowest call {worst_pack / 1000:.1f} s (target under 10 s).")
    print(f"Load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
