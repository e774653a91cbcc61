"""Faults: the background worker is killed (SIGKILL) in the middle of ranking an incident file, with
its rankings written but not committed. Nothing of that attempt is visible, and the next worker to
start on this host takes the task back and ranks the file completely, once.

Everything runs for real in separate processes against a database of its own (a SQLite file, or a
scratch PostgreSQL database when the suite runs on PostgreSQL): `dapi migrate`, the demo loader and
the upload service, then `dapi db_worker`. The test reads the database from outside, as an operator
would. On PostgreSQL it holds a lock on the import row so that the worker stops at its last
statement, after every ranking row is inserted, and is killed there; on SQLite (whose writer cannot
be held up mid-transaction) it kills the worker once its uncommitted rankings have reached the
write-ahead log on disk.
"""

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import date
from pathlib import Path

import dj_database_url
import pytest
from django.db import connection

from dapi.identification.engine import default_profile, rank, read_incidents, score
from dapi.identification.engine.synth import generate, write

# Its tests share module-scoped fixtures that take seconds to make: kept on one pytest-xdist worker (`--dist
# loadgroup`), they are made once per run rather than once per worker.
pytestmark = pytest.mark.xdist_group("worker-fault")

AS_OF = date(2024, 3, 31)
ROWS = 150_000  # about 16,500 ranked perpetrators: half a second or more of writing to kill in
SETUP = "import django; django.setup(); from dapi.demo.seeds import load_demo; load_demo()"
UPLOAD = """
import django
django.setup()
from datetime import date
from django.core.files import File
from dapi.accounts.models import Organisation, User
from dapi.identification.services import incident_import_create
with open({csv!r}, "rb") as f:
    made = incident_import_create(
        organisation=Organisation.objects.get(name="Cleveland Police"), upload=File(f, name="incidents.csv"),
        as_of=date.fromisoformat({as_of!r}), by=User.objects.get(username="police-analyst"))
print(made.pk)
"""
RERUN = """
import django
django.setup()
from dapi.accounts.models import User
from dapi.identification.models import IncidentImport
from dapi.identification.services import incident_import_rerun
incident_import_rerun(incident_import=IncidentImport.objects.get(pk={pk}),
                      by=User.objects.get(username="police-analyst"))
"""


class Scratch:
    """A database of the test's own, reached by the subprocesses through DATABASE_URL and read
    directly by the test."""

    def __init__(self, tmp: Path):
        self.data_dir = tmp / "data"
        self.data_dir.mkdir()
        self.vendor = connection.vendor
        self.env = {**os.environ, "DJANGO_SETTINGS_MODULE": "dapi.settings", "DAPI_DATA_DIR": str(self.data_dir),
                    "DAPI_DEMO_PASSWORD": "scratch-demo-password-2026", "PYTHONUNBUFFERED": "1"}
        self.env.pop("DAPI_TASKS_BACKEND", None)
        if self.vendor == "postgresql":
            import psycopg

            server = dj_database_url.parse(os.environ["DATABASE_URL"])
            self.name = f"dapi_fault_{os.getpid()}_{int(time.time())}"
            self.conninfo = {"host": server["HOST"], "port": server["PORT"] or 5432, "user": server["USER"],
                                 "password": server["PASSWORD"] or None}
            with psycopg.connect(dbname="postgres", autocommit=True, **self.conninfo) as admin:
                admin.execute(f'CREATE DATABASE "{self.name}"')
            self.env["DATABASE_URL"] = (f"postgres://{server['USER']}@{server['HOST']}:{self.conninfo['port']}/"
                                        f"{self.name}")
        else:
            self.env.pop("DATABASE_URL", None)
            self.file = self.data_dir / "dapi.sqlite3"

    def connect(self):
        if self.vendor == "postgresql":
            import psycopg

            return psycopg.connect(dbname=self.name, autocommit=True, **self.conninfo)
        return sqlite3.connect(f"file:{self.file}?mode=ro", uri=True, timeout=30, isolation_level=None)

    def one(self, sql: str, *params):
        with closing(self.connect()) as c:
            return c.execute(sql.replace("?", "%s") if self.vendor == "postgresql" else sql, params).fetchone()

    def drop(self):
        if self.vendor == "postgresql":
            import psycopg

            with psycopg.connect(dbname="postgres", autocommit=True, **self.conninfo) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def run(self, *argv) -> str:
        done = subprocess.run([sys.executable, *argv], env=self.env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def upload(self, csv: Path) -> int:
        return int(self.run("-c", UPLOAD.format(csv=str(csv), as_of=AS_OF.isoformat())).split()[-1])

    def worker(self, log: Path) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "dapi.cli", "db_worker", "--no-startup-delay", "--interval",
                                 "0.1"], env=self.env, stdout=log.open("w"), stderr=subprocess.STDOUT)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """The scratch database, migrated and with the demo's organisations and users."""
    db = Scratch(tmp_path_factory.mktemp("scratch"))
    try:
        db.run("-m", "dapi.cli", "migrate", "-v0")
        db.run("-c", SETUP)
        yield db
    finally:
        db.drop()


@pytest.fixture(scope="module")
def incidents(tmp_path_factory) -> tuple[Path, int, int]:
    """A synthetic incident file, with the number of perpetrators scored and ranked from it."""
    csv = tmp_path_factory.mktemp("incidents") / "incidents.csv"
    write(generate(ROWS, 5), csv)
    profile = default_profile()
    scores = score(read_incidents(csv, profile), AS_OF, profile)
    return csv, scores.height, rank(scores, top_n=10**9).height


def wait_for(what: str, check, timeout: float = 120, every: float = 0.005):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what}")


def status(db: Scratch, pk: int) -> tuple[str, str]:
    return db.one("SELECT status, progress FROM identification_incidentimport WHERE id = ?", pk)


def ranked_rows(db: Scratch, pk: int) -> tuple[int, int]:
    return db.one("SELECT COUNT(*), COUNT(DISTINCT perpetrator_id) FROM identification_rankedperpetrator "
                  "WHERE incident_import_id = ?", pk)


def kill_while_writing_postgresql(db: Scratch, worker: subprocess.Popen, pk: int) -> None:
    """Hold the import row so the worker blocks on its last statement (marking the import done),
    after every ranking row has been inserted; kill it there."""
    with db.connect() as holder:
        holder.autocommit = False
        holder.execute("SELECT id FROM identification_incidentimport WHERE id = %s FOR UPDATE NOWAIT", (pk,))
        blocked = wait_for("the worker to block on its final update, with its rankings inserted", lambda: db.one(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock' "
            "AND query LIKE 'UPDATE \"identification_incidentimport\"%%'", db.name), every=0.05)
        assert ranked_rows(db, pk) == (0, 0)  # inserted, uncommitted: invisible to everyone else
        worker.send_signal(signal.SIGKILL)
        assert worker.wait(timeout=30) == -signal.SIGKILL
        holder.rollback()
    wait_for("PostgreSQL to end the killed worker's session", lambda: db.one(
        "SELECT COUNT(*) = 0 FROM pg_stat_activity WHERE pid = %s", blocked[0])[0], every=0.05)


def kill_while_writing_sqlite(db: Scratch, worker: subprocess.Popen, pk: int) -> None:
    """Kill the worker once its uncommitted rankings have spilled into the write-ahead log."""
    wal = Path(f"{db.file}-wal")
    before = wal.stat().st_size
    wait_for("uncommitted rankings in the write-ahead log", lambda: wal.stat().st_size > before + 256 * 1024)
    worker.send_signal(signal.SIGKILL)
    assert worker.wait(timeout=30) == -signal.SIGKILL


def attempts(db: Scratch, pk: int) -> list[tuple[str, str]]:
    """The queue's attempts at ranking import `pk`: status and exception, oldest first."""
    with closing(db.connect()) as c:
        rows = c.execute("SELECT args_kwargs, status, exception_class_path FROM django_tasks_database_dbtaskresult "
                         "ORDER BY enqueued_at").fetchall()
    return [(status, exception) for args, status, exception in rows
            if (args if isinstance(args, dict) else json.loads(args))["args"] == [pk]]


def work_until_ranked(db: Scratch, pk: int, log: Path) -> None:
    """Start a worker, wait for import `pk` to be ranked, and stop the worker as a service manager would."""
    worker = db.worker(log)
    try:
        wait_for("a worker to rank the file", lambda: status(db, pk)[0] == "done", every=0.2)
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)


def assert_ranked_once(db: Scratch, pk: int, incidents) -> None:
    _, scored, ranked = incidents
    assert ranked_rows(db, pk) == (ranked, ranked)
    assert db.one("SELECT status, perpetrators, rows FROM identification_incidentimport WHERE id = ?", pk) == (
        "done", scored, ROWS)


@pytest.mark.database
def test_a_worker_killed_mid_ranking_leaves_nothing_and_the_next_worker_ranks_the_file_once(scratch, incidents,
                                                                                           tmp_path):
    pk = scratch.upload(incidents[0])
    assert status(scratch, pk) == ("queued", "")
    first = scratch.worker(tmp_path / "worker-1.log")
    try:
        wait_for("the worker to start saving rankings", lambda: status(scratch, pk)[1].startswith("Saving"))
        if scratch.vendor == "postgresql":
            kill_while_writing_postgresql(scratch, first, pk)
        else:
            kill_while_writing_sqlite(scratch, first, pk)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()

    # Killed half-way: nothing of the attempt is visible, the import still says it is running and
    # the queue still thinks the dead worker has the task.
    assert ranked_rows(scratch, pk) == (0, 0)
    assert status(scratch, pk)[0] == "running"
    assert attempts(scratch, pk) == [("RUNNING", "")]

    work_until_ranked(scratch, pk, tmp_path / "worker-2.log")
    dead = f"{socket.gethostname()[:40]}:{first.pid}"
    assert f"left running by stopped worker {dead}; queued again" in (tmp_path / "worker-2.log").read_text()
    assert_ranked_once(scratch, pk, incidents)
    assert attempts(scratch, pk) == [("FAILED", "dapi.worker.WorkerStopped"), ("SUCCESSFUL", "")]


@pytest.mark.database
def test_a_worker_stopped_mid_ranking_marks_the_import_failed_and_an_analyst_runs_it_again(scratch, incidents,
                                                                                          tmp_path):
    """Stopping a worker twice (Ctrl+C twice, or a service manager that will not wait) ends the task
    where it is: the import says it failed, nothing is saved, and it can be run again."""
    pk = scratch.upload(incidents[0])
    log = tmp_path / "worker-1.log"
    worker = scratch.worker(log)
    try:
        wait_for("the worker to start saving rankings", lambda: status(scratch, pk)[1].startswith("Saving"))
        worker.send_signal(signal.SIGTERM)  # first: finish the task, then stop
        # Two signals that arrive together are handled as one: wait until the first is taken.
        wait_for("the worker to take the first signal", lambda: "shutting down gracefully" in log.read_text())
        worker.send_signal(signal.SIGTERM)  # second: stop now
        worker.wait(timeout=60)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    assert status(scratch, pk) == ("failed", "")
    assert ranked_rows(scratch, pk) == (0, 0)
    assert attempts(scratch, pk) == [("FAILED", "builtins.SystemExit")]

    scratch.run("-c", RERUN.format(pk=pk))
    assert status(scratch, pk) == ("queued", "")
    work_until_ranked(scratch, pk, tmp_path / "worker-2.log")
    assert_ranked_once(scratch, pk, incidents)
    assert attempts(scratch, pk) == [("FAILED", "builtins.SystemExit"), ("SUCCESSFUL", "")]


def test_a_synthetic_file_killed_while_being_written_never_appears_half_written(tmp_path):
    target = tmp_path / "incidents.csv"
    target.write_text("the previous file\n")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "dapi.settings", "DAPI_DATA_DIR": str(tmp_path)}
    writing = subprocess.Popen([sys.executable, "-m", "dapi.cli", "synth", "incidents", "--rows", "2000000",
                                "--seed", "1", "--output", str(target)], env=env, stderr=subprocess.DEVNULL)
    try:
        part = wait_for("the file to be written", lambda: [p for p in tmp_path.glob(".incidents.csv.*.part")
                                                             if p.stat().st_size > 0], timeout=180)
        writing.send_signal(signal.SIGKILL)
        assert writing.wait(timeout=30) == -signal.SIGKILL
    finally:
        if writing.poll() is None:
            writing.kill()
    assert part and target.read_text() == "the previous file\n"
