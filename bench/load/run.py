"""Run the load benchmark: gunicorn and the task worker on a seeded database, locust twice.

    .venv/bin/python bench/load/run.py [--database dapi_load] [--workers 3] [--threads 1]
        [--users 50] [--spawn-rate 5] [--time 3m] [--baseline-users 5] [--baseline-time 1m]
        [--no-keep-counts] [--count-seconds 300]

Needs `pip install -e '.[bench]'` (locust) and a database seeded by bench/load/seed.py. Starts
gunicorn (what `dapi serve --no-worker --allow-demo-users` runs, with the worker count, threads
and an access log file chosen here) and `dapi db_worker` for the analyst's uploads, with DEBUG
off. DAPI_PRODUCTION is not set: it redirects every request to HTTPS and marks cookies Secure,
which a plain-HTTP benchmark on 127.0.0.1 cannot follow; it changes headers and cookie flags,
not the work a request does. Then locust runs headless: first the baseline (the same scenario at
--baseline-users), then the measured run; the ratio of their overall p95 is printed. Results
(locust CSVs, logs, summary.json) go to var/load/runs/<timestamp>-w<workers>t<threads>/.

Commissioners' counts are kept for --count-seconds (DAPI_AGGREGATE_CACHE_SECONDS); each run starts
with none kept and, unless --no-keep-counts, asks once for every dashboard of the scenario first
(as seed.py's load-commissioner-00, with its second factor), as on a server in use.
--count-seconds 0 counts on every request (what keeping them saves).
"""

import argparse
import json
import math
import os
import re
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="dapi_load")
    parser.add_argument("--db-host", default="127.0.0.1:5432")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (gthread when more than 1)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--time", default="3m")
    parser.add_argument("--baseline-users", type=int, default=5)
    parser.add_argument("--baseline-time", default="1m")
    parser.add_argument("--rows", type=int, default=2000, help="rows of the analyst's incident file")
    parser.add_argument("--no-keep-counts", dest="keep_counts", action="store_false",
                        help="start with no counts kept (the first dashboard of each programme and year counts)")
    parser.add_argument("--count-seconds", type=int, default=300,
                        help="DAPI_AGGREGATE_CACHE_SECONDS for the server (0: count on every request)")
    parser.add_argument("--users-file", default=str(ROOT / "var" / "load" / "users.json"),
                        help="the synthetic users and keys written by seed.py")
    return parser.parse_args()


def uptime() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def cpu_times() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot, from /proc/stat."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields) - idle, sum(fields)


def cpu_by_process() -> dict[int, tuple[str, float]]:
    """CPU seconds used so far by each process of the benchmark: pid -> (kind, seconds)."""
    import psutil  # installed with locust

    seconds = {}
    for process in psutil.process_iter(["pid", "name", "cmdline", "cpu_times"]):
        cmdline = " ".join(process.info["cmdline"] or [])
        kind = ("gunicorn" if "gunicorn" in cmdline else "db_worker" if "db_worker" in cmdline
                else "postgres" if process.info["name"] == "postgres" else "")
        if kind and process.info["cpu_times"]:
            times = process.info["cpu_times"]
            seconds[process.info["pid"]] = (kind, times.user + times.system)
    return seconds


class CpuSampler(threading.Thread):
    """Reads `cpu_by_process` every second while locust runs, so processes that start and end in
    the meantime (PostgreSQL backends come and go with Django's connections) are counted up to
    their last reading."""

    def __init__(self):
        super().__init__(daemon=True)
        self.first, self.last, self.stopping = cpu_by_process(), {}, threading.Event()
        self.started = time.monotonic()

    def run(self):
        while not self.stopping.wait(1):
            self.last.update(cpu_by_process())

    def cores(self) -> dict[str, float]:
        """Cores used on average by each kind of process (2.0: both CPUs all the time)."""
        self.stopping.set()
        self.join()
        self.last.update(cpu_by_process())
        elapsed, used = time.monotonic() - self.started, {}
        for pid, (kind, seconds) in self.last.items():
            used[kind] = used.get(kind, 0) + seconds - self.first.get(pid, (kind, 0))[1]
        return {kind: round(value / elapsed, 2) for kind, value in sorted(used.items())}


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"gunicorn did not answer {url} within {seconds:.0f} s")


def keep_counts(port: int, users_file: str) -> float:
    """Ask once, as a synthetic commissioner, for the case numbers and each programme's dashboard
    for each year the scenario uses, so both runs start with the counts kept (dapi/lib/aggregates.py),
    as on a server in use. Commissioners pass a second factor: this signs in as seed.py's
    load-commissioner-00, which no locust user is, with the code from its key. Returns the seconds
    it took."""
    import requests
    from django_otp.oath import totp

    sys.path.insert(0, str(ROOT / "bench" / "load"))
    from scenario import PASSWORD, WITH_CASES, financial_years

    account = json.loads(Path(users_file).read_text()).get("counts_commissioner")
    if not account:
        sys.exit(f"{users_file} has no counts_commissioner: seed the database again with bench/load/seed.py")
    started, session, url = time.monotonic(), requests.Session(), f"http://127.0.0.1:{port}"
    csrf = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    token = csrf.search(session.get(url + "/login/").text).group(1)
    response = session.post(url + "/login/", data={"username": account["username"], "password": PASSWORD,
                                                   "csrfmiddlewaretoken": token}, headers={"Referer": url + "/login/"})
    if "/login/verify/" not in response.url:
        sys.exit(f"warming the counts: {account['username']} was not asked for a code ({response.url})")
    response = session.post(url + "/login/verify/", data={
        "otp_token": f"{totp(bytes.fromhex(account['key'])):06d}", "next": "/",
        "csrfmiddlewaretoken": csrf.search(response.text).group(1)}, headers={"Referer": url + "/login/verify/"})
    if response.status_code != 200 or "/login/" in response.url:
        sys.exit(f"warming the counts: the code for {account['username']} was refused ({response.url})")
    pages = ["/cases/"] + [f"/reports/programmes/{slug}/?period={year}" for slug in WITH_CASES
                           for year in financial_years()]
    for page in pages:
        response = session.get(url + page)
        if response.status_code != 200 or 'action="/login/"' in response.text:
            sys.exit(f"warming the counts: {page} answered {response.status_code}")
    return time.monotonic() - started


def read_log(path: Path) -> list[tuple[float, str, float, bool]]:
    rows = []
    for line in path.read_text().splitlines():
        start, name, ms, failed = line.split("\t")
        rows.append((float(start), name, float(ms), failed == "1"))
    return rows


def percentile(sorted_ms: list[float], p: float) -> float:
    """Nearest rank: the smallest value with at least p% of the values at or below it."""
    return sorted_ms[max(0, math.ceil(p / 100 * len(sorted_ms)) - 1)]


def summarise(rows) -> dict:
    """Per request name and overall ("Aggregated"): count, failures, p50/p95/p99 ms, requests/s."""
    if not rows:
        return {}
    seconds = max(start + ms / 1000 for start, _, ms, _ in rows) - min(start for start, *_ in rows)
    groups = {}
    for _, name, ms, failed in rows:
        groups.setdefault(name, []).append((ms, failed))
    groups["Aggregated"] = [(ms, failed) for _, _, ms, failed in rows]
    table = {}
    for name in sorted(groups, key=lambda n: (n == "Aggregated", n)):
        times = sorted(ms for ms, _ in groups[name])
        table[name] = {"count": len(times), "failures": sum(f for _, f in groups[name]),
                       "p50": percentile(times, 50), "p95": percentile(times, 95), "p99": percentile(times, 99),
                       "max": times[-1], "rps": len(times) / seconds}
    return table


def print_table(title: str, table: dict) -> None:
    print(f"\n{title}")
    print(f"{'request':<36} {'count':>6} {'fails':>5} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'max ms':>7} "
          f"{'req/s':>6}")
    for name, r in table.items():
        print(f"{name[:36]:<36} {r['count']:>6} {r['failures']:>5} {r['p50']:>7.0f} {r['p95']:>7.0f} {r['p99']:>7.0f} "
              f"{r['max']:>7.0f} {r['rps']:>6.2f}")


def run_locust(args, base: Path, name: str, users: int, duration: str, env: dict) -> dict:
    prefix = base / name
    command = [str(BIN / "locust"), "-f", str(ROOT / "bench" / "load" / "locustfile.py"), "--headless",
               "--host", f"http://127.0.0.1:{args.port}", "-u", str(users), "-r", str(args.spawn_rate),
               "-t", duration, "--csv", str(prefix), "--only-summary", "--stop-timeout", "30",
               "--loglevel", "WARNING"]
    load = {"before": uptime()}
    busy_before, total_before = cpu_times()
    sampler, started = CpuSampler(), time.monotonic()
    sampler.start()
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    log_path, uploads_path = base / f"{name}-requests.tsv", base / f"{name}-uploads.json"
    with open(base / f"{name}-locust.log", "w") as log:
        subprocess.run(command, env={**env, "LOAD_UPLOADS_OUT": str(uploads_path), "LOAD_REQUEST_LOG": str(log_path)},
                       stdout=log, stderr=subprocess.STDOUT, check=False)
    load["after"] = uptime()
    busy_after, total_after = cpu_times()
    load["cpu_busy"] = round((busy_after - busy_before) / (total_after - total_before), 3)
    elapsed, children = time.monotonic() - started, resource.getrusage(resource.RUSAGE_CHILDREN)
    load["cores_by_process"] = sampler.cores()
    # Locust has ended by now: its share is what this process's finished children used meanwhile.
    load["cores_by_process"]["locust"] = round(
        (children.ru_utime + children.ru_stime - children_before.ru_utime - children_before.ru_stime) / elapsed, 2)
    rows = read_log(log_path)
    signed_in = max((start + ms / 1000 for start, n, ms, _ in rows if n.startswith("sign in:")), default=0)
    whole, steady = summarise(rows), summarise([r for r in rows if r[0] >= signed_in])
    uploads = json.loads(uploads_path.read_text()) if uploads_path.exists() else {}
    print(f"\n== {name}: {users} users for {duration} (spawn rate {args.spawn_rate}/s); "
          f"load average before {load['before']}, after {load['after']}; both CPUs {100 * load['cpu_busy']:.0f}% "
          "busy over the run (everything on the machine: gunicorn, PostgreSQL, locust, any other work); "
          f"cores used by process: {load['cores_by_process']}")
    print_table("Whole run, sign-in included:", whole)
    print_table(f"After every user had signed in ({max(r[0] for r in rows) - signed_in:.0f} s of the run):", steady)
    if uploads.get("upload_to_ranked_seconds"):
        print(f"upload to ranked (s): {uploads['upload_to_ranked_seconds']}")
    return {"users": users, "time": duration, "load_average": load, "whole": whole, "steady": steady, **uploads}


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def main():
    args = parse_args()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    base = ROOT / "var" / "load" / "runs" / f"{stamp}-w{args.workers}t{args.threads}"
    base.mkdir(parents=True)
    data_dir = ROOT / "var" / "load" / "data"
    env = {**os.environ, "DATABASE_URL": f"postgres://postgres@{args.db_host}/{args.database}",
           "DAPI_DATA_DIR": str(data_dir), "DAPI_ALLOWED_HOSTS": "127.0.0.1,localhost", "DAPI_DEBUG": "0",
           "DAPI_SECRET_KEY": secrets.token_urlsafe(50), "DJANGO_SETTINGS_MODULE": "dapi.settings",
           "LOAD_USERS": args.users_file,
           "LOAD_INCIDENTS": str(ROOT / "var" / "load" / f"incidents-{args.rows}.csv"),
           "DAPI_AGGREGATE_CACHE_SECONDS": str(args.count_seconds)}
    # Counts kept by an earlier run would be read as if this run had made them.
    shutil.rmtree(data_dir / "cache" / "aggregates", ignore_errors=True)
    env.pop("DAPI_PRODUCTION", None)
    if not Path(env["LOAD_INCIDENTS"]).exists():
        subprocess.run([str(BIN / "dapi"), "synth", "incidents", "--rows", str(args.rows), "--seed", "1",
                        "--output", env["LOAD_INCIDENTS"]], env=env, check=True)
    gunicorn = [str(BIN / "python"), "-m", "gunicorn", "dapi.wsgi:application", "--bind", f"127.0.0.1:{args.port}",
                "--workers", str(args.workers), "--access-logfile", str(base / "access.log"),
                "--access-logformat", '%(t)s "%(m)s %(U)s?%(q)s" %(s)s %(M)sms', "--error-logfile",
                str(base / "gunicorn.log")]
    if args.threads > 1:
        gunicorn += ["--worker-class", "gthread", "--threads", str(args.threads)]
    started = []
    try:
        with open(base / "db_worker.log", "w") as log:
            started.append(subprocess.Popen([str(BIN / "dapi"), "db_worker"], env=env, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True))
        started.append(subprocess.Popen(gunicorn, env=env, start_new_session=True, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL))
        wait_until_up(f"http://127.0.0.1:{args.port}/login/")
        print(f"gunicorn: {args.workers} workers x {args.threads} threads on 127.0.0.1:{args.port}, "
              f"database {args.database}; db_worker running. Output: {base}")
        if args.keep_counts and args.count_seconds > 0:
            print(f"Counts kept for every dashboard of the scenario in {keep_counts(args.port, args.users_file):.1f} s")
        baseline = run_locust(args, base, "baseline", args.baseline_users, args.baseline_time, env)
        # Different workers for the measured run: a TOTP code is accepted once per user per 30 s.
        measured = run_locust(args, base, "measured", args.users, args.time,
                              {**env, "LOAD_ACCOUNT_OFFSET": str(args.baseline_users)})
    finally:
        for process in reversed(started):
            stop(process)
    ratios = {part: measured[part]["Aggregated"]["p95"] / baseline[part]["Aggregated"]["p95"]
              for part in ("whole", "steady")}
    summary = {"gunicorn": {"workers": args.workers, "threads": args.threads}, "database": args.database,
               "counts_kept_before_the_baseline": args.keep_counts and args.count_seconds > 0,
               "aggregate_cache_seconds": args.count_seconds,
               "baseline": baseline, "measured": measured, "p95_ratio": ratios}
    (base / "summary.json").write_text(json.dumps(summary, indent=1))
    for part, words in (("whole", "whole run"), ("steady", "after sign-in")):
        m, b = measured[part]["Aggregated"], baseline[part]["Aggregated"]
        print(f"\n{words}: p95 {m['p95']:.0f} ms at {args.users} users, {b['p95']:.0f} ms at {args.baseline_users} "
              f"users (baseline): ratio {ratios[part]:.2f}; p50 {m['p50']:.0f} ms; {m['rps']:.1f} requests/s; "
              f"{m['failures']} failures of {m['count']} requests.")


if __name__ == "__main__":
    main()
