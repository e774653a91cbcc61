"""`dapi serve`: the web application under gunicorn (static files by whitenoise), and the background
task worker beside it.

This process stays as the parent of both and stops both: SIGTERM (systemd, `kill`), SIGINT (Ctrl+C)
or SIGHUP (the terminal closed) is passed on once to gunicorn and to the worker, each of which stops
gracefully (gunicorn finishes its requests; the worker finishes the task it is running, or stops at
once when idle), and `dapi serve` exits when both have. If gunicorn stops by itself (it cannot bind
its address, say), the worker is stopped too; a worker that dies leaves the site up, as before (its
task is taken back when a worker starts again, dapi/worker.py). Both children run in their own process groups, so
a terminal's Ctrl+C reaches them once, through this process: a second SIGINT would make the worker
abandon its task.
"""

import os
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from dapi.accounts.models import User

# How long to wait, after passing a stop signal on, before killing a child that has not stopped.
# The worker finishes the task in hand first; a ranking of national size takes seconds, not this.
STOP_SECONDS = 120


class Children:
    """The processes `dapi serve` started and passes stop signals on to."""

    def __init__(self):
        self.processes: list[subprocess.Popen] = []
        self.stopping_since: float | None = None

    def start(self, argv: list[str]) -> None:
        if self.stopping_since is None:  # a stop signal that came first means: start nothing more
            self.processes.append(subprocess.Popen(argv, process_group=0))

    def stop(self, signum: int = signal.SIGTERM, *_) -> None:
        """Pass a stop signal on to every child still running (SIGHUP as SIGTERM)."""
        if signum == signal.SIGHUP:
            signum = signal.SIGTERM
        if self.stopping_since is None:
            self.stopping_since = time.monotonic()
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signum)

    def wait(self) -> int:
        """Wait until every child has stopped; stop the rest when the first (gunicorn) stops by
        itself. Returns gunicorn's exit status."""
        while any(p.poll() is None for p in self.processes):
            if self.stopping_since is None and self.processes[0].poll() is not None:
                self.stop()
            if self.stopping_since is not None and time.monotonic() - self.stopping_since > STOP_SECONDS:
                for process in self.processes:
                    if process.poll() is None:
                        process.kill()
            time.sleep(0.2)
        return abs(self.processes[0].returncode or 0) if self.processes else 0


class Command(BaseCommand):
    help = "Serve dapi with gunicorn. Refuses to start with demo users present unless --allow-demo-users."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000", help="Address and port to serve on (default: %(default)s).")
        parser.add_argument("--workers", type=int, default=int(os.environ.get("DAPI_WORKERS", "2")),
                            help="gunicorn worker processes (default: DAPI_WORKERS, or 2).")
        parser.add_argument("--allow-demo-users", action="store_true",
                            help="Serve even though synthetic demo users exist (demonstrations only).")
        parser.add_argument("--no-worker", action="store_true",
                            help="Do not start the background task worker (run `dapi db_worker` elsewhere).")

    def handle(self, *args, bind, workers, allow_demo_users, no_worker, **options):
        if not allow_demo_users and User.objects.filter(is_demo=True).exists():
            raise CommandError("Demo users exist in this database. Remove them before a real start, "
                               "or pass --allow-demo-users for a demonstration.")
        children = Children()
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, children.stop)
        children.start([sys.executable, "-m", "gunicorn", "dapi.wsgi:application", "--bind", bind,
                        "--workers", str(workers), "--access-logfile", "-", "--access-logformat",
                        '%(t)s "%(m)s %(U)s" %(s)s %(M)sms'])
        if not no_worker:
            children.start([sys.executable, "-m", "dapi.cli", "db_worker"])
            self.stdout.write("Started the background task worker (dapi db_worker).")
        self.stdout.write(f"Serving on http://{bind}/ (Ctrl+C to stop)")
        self.stdout.flush()
        status = children.wait()
        if status:
            raise CommandError(f"gunicorn stopped with status {status}.")
