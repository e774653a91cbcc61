"""`dapi serve`: the web application under gunicorn (static files by whitenoise)."""

import os
import subprocess
import sys

from django.core.management.base import BaseCommand, CommandError

from dapi.accounts.models import User


class Command(BaseCommand):
    help = "Serve dapi with gunicorn. Refuses to start with demo users present unless --allow-demo-users."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=int(os.environ.get("DAPI_WORKERS", "2")))
        parser.add_argument("--allow-demo-users", action="store_true",
                            help="Serve even though synthetic demo users exist (demonstrations only).")
        parser.add_argument("--no-worker", action="store_true",
                            help="Do not start the background task worker (run `dapi db_worker` elsewhere).")

    def handle(self, *args, bind, workers, allow_demo_users, no_worker, **options):
        if not allow_demo_users and User.objects.filter(is_demo=True).exists():
            raise CommandError("Demo users exist in this database. Remove them before a real start, "
                               "or pass --allow-demo-users for a demonstration.")
        if not no_worker:
            # The task worker (identification uploads) runs beside gunicorn in the same process group,
            # so Ctrl+C stops both.
            subprocess.Popen([sys.executable, "-m", "dapi.cli", "db_worker"])
            self.stdout.write("Started the background task worker (dapi db_worker).")
        self.stdout.write(f"Serving on http://{bind}/ (Ctrl+C to stop)")
        self.stdout.flush()
        argv = [sys.executable, "-m", "gunicorn", "dapi.wsgi:application", "--bind", bind,
                "--workers", str(workers), "--access-logfile", "-", "--access-logformat",
                '%(t)s "%(m)s %(U)s" %(s)s %(M)sms']
        os.execv(sys.executable, argv)
