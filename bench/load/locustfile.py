"""Locust scenario for dapi: commissioners on dashboards, case workers on case pages, an analyst uploading.

    locust -f bench/load/locustfile.py --host http://127.0.0.1:8765 --headless -u 50 -r 5 -t 3m

Reads the synthetic users written by bench/load/seed.py (LOAD_USERS, default var/load/users.json)
and the incident file to upload (LOAD_INCIDENTS, default var/load/incidents-2000.csv). Every
locust user signs in once, as a real person would: the password page, then for case-data roles
the 6-digit code page, with the code computed from the user's TOTP key (django_otp.oath.totp).
Each case worker is a different synthetic worker and each commissioner a different synthetic
commissioner (a code is accepted once per user per 30 s); LOAD_ACCOUNT_OFFSET skips the first N
of each, so a second run in the same minute uses others.

A request fails when its final status is not 2xx (redirects are followed, as a browser would),
when a page that needs a session shows the sign-in form instead, or when an upload is rejected or
not ranked within LOAD_RANK_TIMEOUT seconds. Names group the requests by page type, not by URL.
"""

import itertools
import json
import os
import random
import re
import time
from datetime import date
from pathlib import Path

from django_otp.oath import totp
from locust import HttpUser, between, events, task
from scenario import PASSWORD, PROGRAMMES, WITH_CASES, financial_years

ROOT = Path(__file__).resolve().parents[2]
USERS = json.loads(Path(os.environ.get("LOAD_USERS", ROOT / "var" / "load" / "users.json")).read_text())
INCIDENTS = Path(os.environ.get("LOAD_INCIDENTS", ROOT / "var" / "load" / "incidents-2000.csv"))
RANK_TIMEOUT = float(os.environ.get("LOAD_RANK_TIMEOUT", "120"))
OFFSET = int(os.environ.get("LOAD_ACCOUNT_OFFSET", "0"))
# Think time between pages: 1-5 s, far busier than a person reading a case record.
THINK = between(1, 5)

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CASE_LINK = re.compile(r'href="/cases/(\d+)/"')
VICTIM_LINK = re.compile(r'href="(/cases/\d+/victims/\d+/)"')
DASH_LINK = re.compile(r'href="(/cases/\d+/dash/\d+/)"')
SIGN_IN_FORM = 'action="/login/"'
UPLOADS: list[float] = []  # seconds from upload to ranked, per upload


def _accounts(users):
    if not users:
        raise SystemExit(f"{os.environ.get('LOAD_USERS', 'var/load/users.json')} has none of the synthetic users "
                         "a locust user needs: seed the database again with bench/load/seed.py")
    return itertools.cycle(users[OFFSET:] + users[:OFFSET])


ACCOUNTS = {role: _accounts([w for w in USERS["workers"] if w["role"] == role])
            for role in ("perpetrator_worker", "partner_support_worker")}
# Commissioners pass a second factor too: one synthetic commissioner each (written by seed.py).
ACCOUNTS["commissioner"] = _accounts(USERS.get("commissioners", []))
DEMO_KEYS = {d["username"]: d["key"] for d in USERS["demo"]}


def _options(html, name):
    """The non-empty option values of a <select name=...> on the page."""
    match = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S)
    return re.findall(r'<option value="([^"]+)"', match.group(1)) if match else []


class Person(HttpUser):
    abstract = True
    wait_time = THINK
    username = ""
    key = None  # a hex TOTP key for roles with a second factor

    def on_start(self):
        self.sign_in()

    def page(self, url, name, *, expect=None):
        """GET a page; a failure unless it ends 2xx on a page that is not the sign-in form."""
        with self.client.get(url, name=name, catch_response=True) as response:
            if not 200 <= response.status_code < 300:
                # Status 0: no answer at all (the connection failed); say how.
                response.failure(f"status {response.status_code}" + (f": {response.error!r}" if response.error
                                                                     and not response.status_code else ""))
            elif SIGN_IN_FORM in response.text or response.url.split("?")[0].endswith(("/login/", "/login/verify/")):
                response.failure("shown the sign-in page")
            elif expect and expect not in response.text:
                response.failure(f"page without {expect!r}")
            else:
                response.success()
            return response

    def sign_in(self):
        form = self.client.get("/login/", name="sign in: password page")
        token = CSRF.search(form.text).group(1)
        with self.client.post("/login/", name="sign in: password", catch_response=True, data={
                "username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token, "next": ""},
                headers={"Referer": self.host + "/login/"}) as response:
            on_code_page = "/login/verify/" in response.url
            if response.status_code != 200 or SIGN_IN_FORM in response.text:
                response.failure(f"password refused for {self.username}")
                return
            if self.key and not on_code_page:
                response.failure("no second step asked for")
                return
            response.success()
        if not self.key:
            return
        token = CSRF.search(response.text).group(1)
        code = f"{totp(bytes.fromhex(self.key)):06d}"
        with self.client.post("/login/verify/", name="sign in: code", catch_response=True, data={
                "otp_token": code, "csrfmiddlewaretoken": token, "next": "/"},
                headers={"Referer": self.host + "/login/verify/"}) as response:
            if response.status_code != 200 or "/login/" in response.url:
                response.failure(f"code refused for {self.username}")
            else:
                response.success()


class Commissioner(Person):
    """A synthetic commissioner with the demo commissioner's four commissioning bodies and an
    authenticator of their own: home page, programme pages, reports dashboards."""

    weight = 3

    def on_start(self):
        account = next(ACCOUNTS["commissioner"])
        self.username, self.key = account["username"], account["key"]
        super().on_start()
        self.filters = {}

    @task(2)
    def home(self):
        self.page("/", "home (commissioner)")

    @task(2)
    def programme(self):
        self.page(f"/programmes/{random.choice(PROGRAMMES)}/", "programme page")

    @task(3)
    def dashboard(self):
        slug = random.choice(WITH_CASES)
        if slug not in self.filters:
            response = self.page(f"/reports/programmes/{slug}/", "reports dashboard")
            self.filters[slug] = (_options(response.text, "area"), _options(response.text, "provider"))
            return
        areas, providers = self.filters[slug]
        query = {"period": random.choice(financial_years())}
        if areas and random.random() < 0.5:
            query["area"] = random.choice(areas)
        if providers and random.random() < 0.3:
            query["provider"] = random.choice(providers)
        self.page(f"/reports/programmes/{slug}/?" + "&".join(f"{k}={v}" for k, v in query.items()),
                  "reports dashboard (filtered)")

    @task(1)
    def reports(self):
        self.page("/reports/", "reports list")

    @task(1)
    def aggregates(self):
        self.page("/cases/", "case aggregates (commissioner)")


class CaseWorker(Person):
    abstract = True
    role = ""

    def on_start(self):
        account = next(ACCOUNTS[self.role])
        self.username, self.key = account["username"], account["key"]
        self.cases = []
        super().on_start()
        self.caseload()

    @task(2)
    def caseload(self):
        response = self.page("/cases/", "caseload")
        self.cases = CASE_LINK.findall(response.text) or self.cases

    @task(1)
    def caseload_filtered(self):
        self.page("/cases/?status=active", "caseload (filtered)")

    @task(1)
    def home(self):
        self.page("/", "home (worker)")

    def case(self):
        if not self.cases:
            return None
        return self.page(f"/cases/{random.choice(self.cases)}/", "case page")


class PerpetratorWorker(CaseWorker):
    weight = 4
    role = "perpetrator_worker"

    @task(5)
    def case_page(self):
        self.case()

    @task(1)
    def overdue(self):
        self.page("/forums/actions/overdue/", "overdue forum actions")

    @task(1)
    def search(self):
        if self.cases:
            response = self.case()
            reference = re.search(r"\bP-[0-9A-Z]{4}-[0-9A-Z]{4}\b", response.text)
            if reference:
                self.page(f"/people/search/?q={reference.group(0)[:6]}", "person search")


class PartnerSupportWorker(CaseWorker):
    weight = 3
    role = "partner_support_worker"

    @task(3)
    def case_page(self):
        self.case()

    @task(3)
    def victim_record(self):
        response = self.case()
        links = VICTIM_LINK.findall(response.text) if response is not None else []
        if links:
            self.page(random.choice(links), "victim record")

    @task(1)
    def dash(self):
        response = self.case()
        links = DASH_LINK.findall(response.text) if response is not None else []
        if links:
            self.page(random.choice(links), "DASH assessment")


class PoliceAnalyst(Person):
    """One analyst: uploads a small incident file, waits for the ranking as the page does (every
    3 s), then reads it."""

    fixed_count = 1
    wait_time = between(20, 40)
    username = "police-analyst"

    def on_start(self):
        self.key = DEMO_KEYS[self.username]
        super().on_start()

    @task
    def upload(self):
        form = self.page("/identification/", "imports")
        token = CSRF.search(form.text).group(1)
        as_of = re.search(r'name="as_of" value="([^"]*)"', form.text)
        organisation = _options(form.text, "organisation")
        with INCIDENTS.open("rb") as handle, self.client.post(
                "/identification/", name="upload incidents", catch_response=True,
                files={"file": (INCIDENTS.name, handle, "text/csv")},
                data={"csrfmiddlewaretoken": token, "as_of": as_of.group(1) if as_of else date.today().isoformat(),
                      "organisation": organisation[0] if organisation else ""},
                headers={"Referer": self.host + "/identification/"}) as response:
            match = re.search(r"/identification/imports/(\d+)/", response.url)
            if response.status_code != 200 or not match:
                response.failure(f"upload not accepted (status {response.status_code}, {response.url})")
                return
            response.success()
        url, started = match.group(0), time.monotonic()
        while True:
            with self.client.get(url, name="import page (polling)", catch_response=True) as page:
                waiting = "refreshes itself" in page.text
                if page.status_code != 200 or SIGN_IN_FORM in page.text:
                    page.failure(f"status {page.status_code}")
                    return
                if waiting and time.monotonic() - started > RANK_TIMEOUT:
                    page.failure(f"not ranked within {RANK_TIMEOUT:.0f} s")
                    return
                if not waiting and "perpetrators with an incident in the window" not in page.text:
                    page.failure("import rejected or failed")
                    return
                page.success()
            if not waiting:
                break
            time.sleep(3)
        UPLOADS.append(round(time.monotonic() - started, 2))
        self.page(url + "?serial_only=on&top=10", "ranking (filtered)")


# Every request, one line each (start time, name, milliseconds, failed), so the runner can give
# exact percentiles (locust's own round to two significant figures) for the whole run and for the
# part after every user has signed in.
REQUEST_LOG = open(os.environ["LOAD_REQUEST_LOG"], "w") if os.environ.get("LOAD_REQUEST_LOG") else None


@events.request.add_listener
def _log_request(request_type, name, response_time, response_length, exception=None, start_time=None, **kwargs):
    if REQUEST_LOG is not None:
        REQUEST_LOG.write(f"{start_time or time.time() - response_time / 1000:.3f}\t{name}\t{response_time:.1f}\t"
                          f"{int(exception is not None)}\n")


@events.test_stop.add_listener
def _write_uploads(environment, **kwargs):
    """Seconds from upload to ranked page, for the runner (not mixed into the request statistics)."""
    out = os.environ.get("LOAD_UPLOADS_OUT")
    if out:
        Path(out).write_text(json.dumps({"upload_to_ranked_seconds": UPLOADS}))
    if REQUEST_LOG is not None:
        REQUEST_LOG.flush()
