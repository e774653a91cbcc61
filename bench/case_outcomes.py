"""Time a case's police outcomes page on a large import: `python bench/case_outcomes.py --rows N`.

Builds a throw-away SQLite database under a temporary data directory: the seed data and demo users,
one Cleveland Police import of N synthetic incident rows (ranked in this process, tasks run at
once), a perpetrator referred from its ranking, accepted and made active 120 days before the
import's as-of date. Then opens the case outcomes page as his worker `--repeat` times and prints
the median and worst time and the most the process's resident memory grew during a page view.
Runs on the code before and after issue 16 item 1 alike (it uses only what both have).
"""

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="dapi-bench-outcomes-")
    os.environ.update(DAPI_DATA_DIR=data, DJANGO_SETTINGS_MODULE="dapi.settings", DAPI_DEBUG="0")
    import django
    from django.conf import settings

    django.setup()
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.ALLOWED_HOSTS = ["*"]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    from dapi.accounts.models import Organisation, User
    from dapi.cases.models import Assignment, CaseStatus
    from dapi.cases.services.cases import case_change_status
    from dapi.cases.services.referrals import referral_accept
    from dapi.conftest import pass_second_factor
    from dapi.demo.cases import load_rules
    from dapi.demo.seeds import load_demo
    from dapi.funding.models import Programme
    from dapi.identification.engine.synth import generate, write
    from dapi.identification.models import RankedPerpetrator
    from dapi.identification.services import incident_import_create, refer_from_ranking

    load_demo()
    load_rules()
    users = {u.username: u for u in User.objects.filter(is_demo=True)}
    org = Organisation.objects.get
    path = Path(data) / "incidents.parquet"
    frame = generate(args.rows, 1)
    write(frame, path)
    as_of = frame["occurred_on"].max()
    del frame
    started = time.perf_counter()
    imp = incident_import_create(organisation=org(name="Cleveland Police"), as_of=as_of,
                                 upload=SimpleUploadedFile("incidents.parquet", path.read_bytes()),
                                 by=users["police-analyst"])
    print(f"{args.rows:,} rows ranked in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    ranked = RankedPerpetrator.objects.filter(incident_import=imp).order_by("rank")[30]
    referral = refer_from_ranking(ranked=ranked, programme=Programme.objects.get(slug="cleveland-complex-needs"),
                                  provider=org(name="Harbour Support Services"), reason="Bench", by=users["police-analyst"])
    entry = as_of - timedelta(days=120)
    case = referral_accept(referral=referral, by=users["provider-manager"], on=referral.received_on, reason="Bench",
                           version=referral.version, victim_service=org(name="My Sister's Place"))
    Assignment.objects.create(case=case, worker=users["perpetrator-worker"], role="coordinator", side="perpetrator",
                              started_on=entry - timedelta(days=20))
    case.referred_on = entry - timedelta(days=20)
    case.save()
    case.status_changes.update(on=entry - timedelta(days=20))
    for to, on in ((CaseStatus.ASSESSMENT, entry - timedelta(days=10)), (CaseStatus.ACTIVE, entry)):
        case = case_change_status(case=case, to=to, on=on, by=users["provider-manager"], version=case.version)
    client = Client()
    client.force_login(users["perpetrator-worker"])
    pass_second_factor(client, users["perpetrator-worker"])
    url = reverse("identification:case_outcomes", args=[case.pk])
    times, growth = [], []
    for _ in range(args.repeat):
        before, peak, done = rss_mb(), [0.0], threading.Event()

        def sample(before=before, peak=peak, done=done):
            while not done.is_set():
                peak[0] = max(peak[0], rss_mb() - before)
                time.sleep(0.005)

        sampler = threading.Thread(target=sample)
        sampler.start()
        t = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - t)
        done.set()
        sampler.join()
        growth.append(peak[0])
        assert response.status_code == 200 and b"12 months before and after entry" in response.content, response
    print(f"outcomes page, {args.rows:,} incident rows: median {statistics.median(times) * 1000:.0f} ms, "
          f"worst {max(times) * 1000:.0f} ms, resident memory grew at most {max(growth):.0f} MB "
          f"({args.repeat} views)")


if __name__ == "__main__":
    main()
