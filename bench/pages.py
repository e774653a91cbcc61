"""Benchmark: programme page and runway API at scale.

    .venv/bin/python bench/pages.py [--repeat 20]
    .venv/bin/python bench/pages.py --postgres postgres://postgres@127.0.0.1:5432/postgres [--repeat 20]

Builds a throwaway SQLite database (in a temporary DAPI_DATA_DIR) with the seeds, measures the
pages (baseline), then adds 50 programmes, 2,000 agreements and 5,000 decisions and measures
again. Times are server time in this process (Django test client, no network); the ratio is
large / baseline from the same run. Target: under 150 ms and a bounded number of queries.

With `--postgres URL` (a server and a database to connect to first) it creates a fresh database
there instead, turns autovacuum off on every table so that nothing is analysed behind its back,
measures the baseline and the pages at scale on tables that have never been analysed (the plans a
fresh or freshly restored database gets), then runs ANALYZE and measures the pages at scale again;
the database is dropped at the end. CPU ms is this process's CPU time per request (Django, not the
database server), and DB ms the time the queries took as Django's query log records it (the
database's share of the wall clock), both medians beside the wall-clock median.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DAPI_DATA_DIR", tempfile.mkdtemp(prefix="dapi-bench-"))
parser = argparse.ArgumentParser()
parser.add_argument("--repeat", type=int, default=20)
parser.add_argument("--postgres", metavar="URL", help="Run on a fresh PostgreSQL database made through this "
                                                      "server URL, unanalysed and then analysed.")
ARGS = parser.parse_args()
BENCH_DATABASE = f"dapi_bench_pages_{os.getpid()}"


def _database_url(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


if ARGS.postgres:
    import psycopg

    with psycopg.connect(ARGS.postgres, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')
    os.environ["DATABASE_URL"] = _database_url(ARGS.postgres, BENCH_DATABASE)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dapi.settings")
os.environ.setdefault("DAPI_ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from dapi.accounts.models import Organisation, User  # noqa: E402
from dapi.decisions.models import Decision, StatedTotal  # noqa: E402
from dapi.demo.seeds import load_demo  # noqa: E402
from dapi.funding.models import Agreement, AgreementContribution, Programme  # noqa: E402

PROGRAMMES, AGREEMENTS, DECISIONS = 50, 2000, 5000


def measure(client, url, repeat):
    times, cpu, db, queries, status = [], [], [], 0, None
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        db.append(sum(float(q["time"]) for q in ctx.captured_queries) * 1000)
        queries, status = len(ctx.captured_queries), response.status_code
    return {"median_ms": statistics.median(times), "p95_ms": sorted(times)[int(0.95 * (len(times) - 1))],
            "cpu_ms": statistics.median(cpu), "db_ms": statistics.median(db), "queries": queries, "status": status}


def autovacuum_off():
    """No table is analysed until the bench says so: the plans of a database nobody has analysed."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        for (table,) in cursor.fetchall():
            cursor.execute(f'ALTER TABLE "{table}" SET (autovacuum_enabled = false)')


def never_analysed() -> int:
    """Public tables with rows that have never been analysed (by hand or by autovacuum)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_user_tables WHERE last_analyze IS NULL "
                       "AND last_autoanalyze IS NULL AND n_live_tup > 0")
        return cursor.fetchone()[0]


def grow():
    """50 programmes led by the Cleveland OPCC, 40 agreements and 100 decisions each."""
    opcc = Organisation.objects.get(name="Office of the Police and Crime Commissioner for Cleveland")
    providers = list(Organisation.objects.filter(kind="provider"))
    programmes = Programme.objects.bulk_create(
        Programme(name=f"Bench programme {i:02d}", slug=f"bench-{i:02d}", lead_commissioner=opcc) for i in range(PROGRAMMES))
    per = AGREEMENTS // PROGRAMMES
    start = date(2022, 4, 1)
    agreements = Agreement.objects.bulk_create(
        Agreement(programme=p, kind="grant", title=f"Bench agreement {p.slug}-{j}", commissioner=opcc,
                  provider=providers[j % len(providers)], value=Decimal("10000.00") + j,
                  start=start + timedelta(days=30 * j), end=start + timedelta(days=30 * j + 364), status="active",
                  extension_until=start + timedelta(days=30 * j + 729) if j % 5 == 0 else None)
        for p in programmes for j in range(per))
    AgreementContribution.objects.bulk_create(
        AgreementContribution(agreement=a, partner=opcc, amount=Decimal("5000.00"), basis="per_annum")
        for a in agreements[::2])
    by_programme = {}
    for a in agreements:
        by_programme.setdefault(a.programme_id, []).append(a)
    decisions = Decision.objects.bulk_create(
        Decision(reference=f"B-{i:05d}", title=f"Bench decision {i}", organisation=opcc, decision_maker="PCC",
                 status="approved", decision_date=date(2023, 1, 1) + timedelta(days=i % 365))
        for i in range(DECISIONS))
    links_p, links_a = Decision.programmes.through, Decision.agreements.through
    rows_p, rows_a, totals = [], [], []
    for i, d in enumerate(decisions):
        p = programmes[i % PROGRAMMES]
        rows_p.append(links_p(decision_id=d.pk, programme_id=p.pk))
        rows_a.append(links_a(decision_id=d.pk, agreement_id=by_programme[p.pk][i % per].pk))
        totals.append(StatedTotal(decision=d, label="Total", amount=Decimal("10000.00"), component="agreements"))
    links_p.objects.bulk_create(rows_p)
    links_a.objects.bulk_create(rows_a)
    StatedTotal.objects.bulk_create(totals)


def run(repeat, postgres=False):
    call_command("migrate", verbosity=0)
    if postgres:
        autovacuum_off()
    load_demo()
    client = Client()
    commissioner = User.objects.get(username="commissioner")
    client.force_login(commissioner)
    # Commissioners pass a second factor (docs/security.md): mark the session as having passed it with
    # the demo commissioner's authenticator, as the code page does after a right code.
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=commissioner, confirmed=True).persistent_id
    session.save()
    urls = {
        "programme page (Cleveland)": "/programmes/cleveland-complex-needs/",
        "programme page (bench-07)": "/programmes/bench-07/",
        "runway API (all programmes)": "/api/runway",
        "runway API (all, as of 2024-06-01)": "/api/runway?today=2024-06-01",
        "runway API (one programme)": "/api/programmes/cleveland-complex-needs/runway",
    }
    client.get("/programmes/cleveland-complex-needs/")  # warm templates and imports
    baseline = {name: measure(client, url, repeat) for name, url in urls.items() if "bench" not in url}
    grow()
    print(f"Data: {Programme.objects.count()} programmes, {Agreement.objects.count()} agreements, "
          f"{Decision.objects.count()} decisions on {connection.vendor}")
    runs = [("", None)] if not postgres else [("unanalysed", None), ("analysed", "ANALYZE")]
    worst = {}
    for label, statement in runs:
        if statement:
            with connection.cursor() as cursor:
                cursor.execute(statement)
        if postgres:
            print(f"\n{label}: {never_analysed()} tables with rows never analysed")
        print(f"{'page':36} {'base ms':>8} {'large ms':>9} {'p95 ms':>7} {'CPU ms':>7} {'DB ms':>6} {'ratio':>6} "
              f"{'queries':>8} status")
        for name, url in urls.items():
            large = measure(client, url, repeat)
            base = baseline.get(name)
            ratio = f"{large['median_ms'] / base['median_ms']:.2f}" if base else "-"
            base_ms = f"{base['median_ms']:.1f}" if base else "-"
            print(f"{name:36} {base_ms:>8} {large['median_ms']:>9.1f} {large['p95_ms']:>7.1f} {large['cpu_ms']:>7.1f} "
                  f"{large['db_ms']:>6.1f} {ratio:>6} {large['queries']:>8} {large['status']}")
            worst[label] = max(worst.get(label, 0.0), large["median_ms"])
    for label, ms in worst.items():
        print(f"Slowest median at scale{' (' + label + ')' if label else ''}: {ms:.1f} ms (target < 150 ms)")


def drop_database():
    connection.close()
    with psycopg.connect(ARGS.postgres, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')


if __name__ == "__main__":
    try:
        run(ARGS.repeat, postgres=bool(ARGS.postgres))
    finally:
        if ARGS.postgres:
            drop_database()
