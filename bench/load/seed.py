"""Seed a PostgreSQL database for the load benchmark: the demo, then synthetic cases at scale.

    .venv/bin/python bench/load/seed.py dapi_load [--cases 100000] [--seed 1] [--replace]

Creates the database NAME on 127.0.0.1:5432 (user postgres; --replace drops it first, and only
names starting with "dapi_load" may be dropped), migrates it (`dapi migrate`), loads the demo
(`dapi demo --no-serve`), then adds CASES synthetic cases with bulk_create: each with its
perpetrator and his referral, a victim (and often a child), a perpetrator-side worker and (where
the programme has a victim service) a partner support worker, status history, sessions, needs,
goals, DASH assessments, safety plans and forum listings and actions. Every person is synthetic
(`is_synthetic=True`, names that say "(load)"); every worker is a synthetic demo user with a TOTP
authenticator, whose keys go to var/load/users.json for the locustfile (they are synthetic users
in a throwaway database; never do this with real ones). Commissioners must pass a second factor
too, and django-otp accepts a code once per user per 30 s, so the simulated commissioners cannot
share the demo `commissioner`: --commissioners synthetic commissioners (load-commissioner-01 and
on, default 60, enough for 150 locust users) get the demo commissioner's memberships (the four
commissioning bodies) and an authenticator each, and load-commissioner-00, one more, is for
run.py's own sign-in (keeping the counts); their keys go to the same file.

Deterministic from --seed: the same seed and sizes give the same references, dates, answers and
keys. Dates run from 1 Apr 2019 to --as-of (default 30 Nov 2026). Case histories: about 10% close
at referral and 10% disengage at assessment; the rest become active and end 3-8 months later, so
about one case in seventeen is open on the last day. A worker's caseload is their current
assignments: the open cases and those ended within the last four weeks, shared so that each
worker has about 45 (22 to 69 with seed 1); older assignments are ended.

The bulk writes bypass the services on purpose (a service call per row, with its audit row, would
take hours at this size); nothing here is ever run against a real database.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
FIRST_DAY = date(2019, 4, 1)
CHUNK = 2000  # cases per transaction
CASELOAD = (30, 60)  # a worker's weight when current cases are shared out
# (programme slug, share of cases, provider, victim service or None, referring organisation, source)
PROGRAMMES = [
    ("cleveland-complex-needs", 0.35, "Harbour Support Services", "My Sister's Place", "Cleveland Police", "police"),
    ("jenkins-centre", 0.20, "Jenkins Centre", "Jenkins Centre", "Jenkins Centre", "self"),
    ("greater-manchester-cara", 0.20, "The Hampton Trust", None, "Greater Manchester Police", "police"),
    ("hampshire-perpetrator", 0.25, "The Hampton Trust", "The Hampton Trust", "Hampshire County Council",
     "local_authority"),
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", help="name of the PostgreSQL database to create, e.g. dapi_load")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--commissioners", type=int, default=60,
                        help="synthetic commissioners for the locustfile (about 3 in 10 locust users are commissioners)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--as-of", default="2026-11-30", help="the last day of the synthetic history")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="5432")
    parser.add_argument("--user", default="postgres")
    parser.add_argument("--replace", action="store_true", help="drop the database first if it exists")
    parser.add_argument("--users-out", default=str(ROOT / "var" / "load" / "users.json"))
    return parser.parse_args()


def create_database(args) -> str:
    import psycopg

    if args.replace and not args.database.startswith("dapi_load"):
        sys.exit("--replace drops the database: only names starting with dapi_load are allowed")
    with psycopg.connect(host=args.host, port=args.port, user=args.user, dbname="postgres",
                         autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [args.database]).fetchone()
        if exists and not args.replace:
            sys.exit(f"Database {args.database} exists: pass --replace to drop and recreate it")
        if exists:
            conn.execute(f'DROP DATABASE "{args.database}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{args.database}"')
    return f"postgres://{args.user}@{args.host}:{args.port}/{args.database}"


def dapi(*argv, env):
    subprocess.run([str(ROOT / ".venv" / "bin" / "dapi"), *argv], env=env, check=True, stdout=subprocess.DEVNULL)


@dataclass
class Plan:
    """One synthetic case's history, decided before anything is written."""

    n: int
    programme: str
    received: date
    referred: date
    assessment: date | None = None
    active: date | None = None
    ended: date | None = None
    end_status: str = ""
    children: bool = False
    workers: dict = field(default_factory=dict)  # side -> User id


class Refs:
    """Unique references in the house style (P-XXXX-XXXX, C-XXXX-XXXX) from the seeded generator."""

    def __init__(self, rng, taken):
        self.rng, self.taken = rng, set(taken)

    def __call__(self, prefix):
        while True:
            ref = f"{prefix}-" + "".join(self.rng.choice(_ALPHABET) for _ in range(4)) + "-" + "".join(
                self.rng.choice(_ALPHABET) for _ in range(4))
            if ref not in self.taken:
                self.taken.add(ref)
                return ref


def plan_cases(rng, count, as_of) -> list[Plan]:
    span = (as_of - timedelta(days=3) - FIRST_DAY).days
    slugs, weights = [p[0] for p in PROGRAMMES], [p[1] for p in PROGRAMMES]
    plans = []
    for n in range(count):
        referred = FIRST_DAY + timedelta(days=rng.randint(0, span))
        plan = Plan(n=n, programme=rng.choices(slugs, weights)[0],
                    received=referred - timedelta(days=rng.randint(2, 6)), referred=referred,
                    children=rng.random() < 0.6)
        fate = rng.random()
        if fate < 0.10:
            plan.ended, plan.end_status = referred + timedelta(days=rng.randint(7, 30)), "closed"
        else:
            plan.assessment = referred + timedelta(days=rng.randint(7, 21))
            if fate < 0.20:
                plan.ended, plan.end_status = plan.assessment + timedelta(days=rng.randint(14, 60)), "disengaged"
            else:
                plan.active = plan.assessment + timedelta(days=rng.randint(14, 28))
                plan.ended = plan.active + timedelta(days=rng.randint(90, 240))
                plan.end_status = "completed" if rng.random() < 0.65 else "disengaged"
        # What has happened by the as-of date.
        if plan.assessment and plan.assessment > as_of:
            plan.assessment = None
        if plan.active and plan.active > as_of:
            plan.active = None
        if plan.ended and plan.ended > as_of:
            plan.ended, plan.end_status = None, ""
        plans.append(plan)
    plans.sort(key=lambda p: (p.referred, p.n))
    return plans


# The coded exit reason of each ending (dapi/cases/exits.py), fitting the free-text reason above.
EXIT_REASON_OF = {"completed": "completed", "disengaged": "lost_contact", "closed": "lost_contact"}


def status_of(plan) -> str:
    if plan.ended:
        return plan.end_status
    return "active" if plan.active else "assessment" if plan.assessment else "referred"


def is_current(plan, as_of) -> bool:
    """A worker keeps a case on their caseload until four weeks after it ends."""
    return plan.ended is None or plan.ended + timedelta(days=28) > as_of


def main():
    args = parse_args()
    as_of = date.fromisoformat(args.as_of)
    started = time.perf_counter()
    from rich.console import Console

    console = Console()
    url = create_database(args)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "dapi.settings"}
    os.environ.update({"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "dapi.settings"})
    console.print(f"Created database [bold]{args.database}[/]; migrating")
    dapi("migrate", env=env)
    console.print(f"Migrated in {time.perf_counter() - started:.1f} s; loading the demo")
    dapi("demo", "--no-serve", env=env)
    console.print(f"Demo loaded at {time.perf_counter() - started:.1f} s")

    import django

    django.setup()
    seeder = Seeder(args, as_of, console)
    seeder.run()
    from django.db import connection

    with connection.cursor() as cursor:
        # What autovacuum would have done to a settled database: planner statistics, and the
        # visibility map that index-only scans need.
        console.print("VACUUM ANALYZE")
        cursor.execute("VACUUM ANALYZE")
    seeder.report()
    console.print(f"[bold]Done in {time.perf_counter() - started:.1f} s[/] (seed {args.seed}, {args.cases:,} cases)")


class Seeder:
    def __init__(self, args, as_of, console):
        self.args, self.as_of, self.console = args, as_of, console
        self.rng = random.Random(args.seed)

    def run(self):
        from django.contrib.auth.hashers import make_password
        from django.db import transaction

        from dapi.accounts.models import Area, Organisation
        from dapi.cases.models import Case, ForumType, NeedKind, Person
        from dapi.funding.models import Programme

        rng = self.rng
        self.refs = Refs(rng, list(Person.objects.values_list("reference", flat=True))
                         + list(Case.objects.values_list("reference", flat=True)))
        self.orgs = {o.name: o for o in Organisation.objects.all()}
        self.programmes = {p.slug: p for p in Programme.objects.filter(slug__in=[p[0] for p in PROGRAMMES])}
        self.areas = {}
        for slug, programme in self.programmes.items():
            areas = list(programme.areas.all())
            children = list(Area.objects.filter(parent__in=areas))
            self.areas[slug] = children or areas
        self.needs = list(NeedKind.objects.all())
        self.forums = {f.code: f for f in ForumType.objects.all()}
        self.config = {p[0]: p for p in PROGRAMMES}
        self.password = make_password(os.environ.get("DAPI_DEMO_PASSWORD", "dapi-demo-2026"))

        self.console.print(f"Planning {self.args.cases:,} case histories")
        self.plans = plan_cases(rng, self.args.cases, self.as_of)
        with transaction.atomic():
            self.workers = self.make_workers()
            self.make_commissioners()
        self.assign_workers()
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

        columns = ["{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn()]
        with Progress(*columns, console=self.console) as progress:
            task = progress.add_task("Cases", total=len(self.plans))
            for start in range(0, len(self.plans), CHUNK):
                chunk = self.plans[start:start + CHUNK]
                with transaction.atomic():
                    self.write_chunk(chunk)
                progress.advance(task, len(chunk))
            extra = self.args.cases // 8
            task = progress.add_task("Referrals not accepted", total=extra)
            for start in range(0, extra, CHUNK):
                size = min(CHUNK, extra - start)
                with transaction.atomic():
                    self.write_other_referrals(start, size)
                progress.advance(task, size)

    # Workers -----------------------------------------------------------------------------------------

    def pools(self):
        """(organisation name, side) of every worker pool the programmes need."""
        wanted = set()
        for _slug, _, provider, victim_service, _, _ in PROGRAMMES:
            wanted.add((provider, "perpetrator"))
            if victim_service:
                wanted.add((victim_service, "victim"))
        return sorted(wanted)

    def make_workers(self):
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from dapi.accounts.models import Membership, Role, User

        current = Counter()
        for plan in self.plans:
            if is_current(plan, self.as_of):
                _, _, provider, victim_service, _, _ = self.config[plan.programme]
                current[(provider, "perpetrator")] += 1
                if victim_service:
                    current[(victim_service, "victim")] += 1
        workers = {}
        users, memberships, devices, self.exported = [], [], [], []
        number = 0
        for org_name, side in self.pools():
            size = max(1, round(current[(org_name, side)] / (sum(CASELOAD) / 2)))
            role = Role.PERPETRATOR_WORKER if side == "perpetrator" else Role.PARTNER_SUPPORT_WORKER
            pool = []
            for _ in range(size):
                number += 1
                username = f"load-{'pw' if side == 'perpetrator' else 'psw'}-{number:04d}"
                user = User(username=username, password=self.password, first_name="Synthetic",
                            last_name=f"Worker {number:04d} (load)", is_demo=True)
                key = self.rng.randbytes(20).hex()
                users.append(user)
                pool.append((user, self.rng.randint(*CASELOAD)))
                devices.append((user, key))
                self.exported.append({"username": username, "role": role.value, "organisation": org_name,
                                      "key": key})
            workers[(org_name, side)] = pool
        User.objects.bulk_create(users)
        for (org_name, side), pool in workers.items():
            role = Role.PERPETRATOR_WORKER if side == "perpetrator" else Role.PARTNER_SUPPORT_WORKER
            memberships += [Membership(user=u, organisation=self.orgs[org_name], role=role) for u, _ in pool]
        Membership.objects.bulk_create(memberships)
        TOTPDevice.objects.bulk_create(TOTPDevice(user=u, name="Load test authenticator", confirmed=True, key=k)
                                       for u, k in devices)
        self.console.print(f"{len(users):,} synthetic workers in {len(workers)} pools: "
                           + ", ".join(f"{o} {s} side {len(p)}" for (o, s), p in workers.items()))
        return workers

    def make_commissioners(self):
        """load-commissioner-00 (for run.py) to -NN (for the locustfile): the demo commissioner's
        memberships and a confirmed authenticator each. Their keys come from a generator of their own,
        so the cases are the same as without them."""
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from dapi.accounts.models import Membership, Role, User

        rng = random.Random(f"{self.args.seed}-commissioners")
        demo = list(Membership.objects.filter(user__username="commissioner", role=Role.COMMISSIONER)
                    .select_related("organisation").order_by("organisation__name"))
        if not demo:
            sys.exit("The demo has no `commissioner` with commissioner memberships to copy")
        users, keys = [], []
        for number in range(self.args.commissioners + 1):
            users.append(User(username=f"load-commissioner-{number:02d}", password=self.password,
                              first_name="Synthetic", last_name=f"Commissioner {number:02d} (load)", is_demo=True))
            keys.append(rng.randbytes(20).hex())
        User.objects.bulk_create(users)
        Membership.objects.bulk_create(Membership(user=u, organisation=m.organisation, role=m.role)
                                       for u in users for m in demo)
        TOTPDevice.objects.bulk_create(TOTPDevice(user=u, name="Load test authenticator", confirmed=True, key=k)
                                       for u, k in zip(users, keys, strict=True))
        organisations = "; ".join(m.organisation.name for m in demo)
        exported = [{"username": u.username, "role": Role.COMMISSIONER.value, "organisation": organisations, "key": k}
                    for u, k in zip(users, keys, strict=True)]
        self.counts_commissioner, self.commissioners = exported[0], exported[1:]
        self.console.print(f"{len(users)} synthetic commissioners with an authenticator, each a member of: "
                           + organisations)

    def assign_workers(self):
        for plan in self.plans:
            _, _, provider, victim_service, _, _ = self.config[plan.programme]
            for org_name, side in ((provider, "perpetrator"), (victim_service, "victim")):
                if not org_name:
                    continue
                pool = self.workers[(org_name, side)]
                if is_current(plan, self.as_of):
                    user = self.rng.choices([u for u, _ in pool], [w for _, w in pool])[0]
                else:
                    user = self.rng.choice(pool)[0]
                plan.workers[side] = user

    # Cases ---------------------------------------------------------------------------------------------

    def person(self, recorded_by):
        from dapi.cases.models import Person

        return Person(reference=self.refs("P"), recorded_by=recorded_by, is_synthetic=True)

    def answers(self, yes):
        from dapi.cases.dash import DASH_ITEMS

        items = list(DASH_ITEMS)
        self.rng.shuffle(items)
        chosen = set(items[:yes])
        return {str(n): "yes" if n in chosen else self.rng.choice(["no", "no", "not_known"]) for n in DASH_ITEMS}

    def write_chunk(self, chunk):
        from dapi.cases import dash
        from dapi.cases.models import (
            Assignment, Case, CaseMember, Contact, ForumAction, ForumListing, Goal, IdentifyingDetails, Need, Person,
            Referral, RiskAssessment, SafetyPlan, StatusChange,
        )

        rng = self.rng
        rows = defaultdict(list)
        people, details = [], []
        for plan in chunk:
            slug, _, provider, victim_service, referrer, source = self.config[plan.programme]
            provider, victim_service = self.orgs[provider], victim_service and self.orgs[victim_service]
            him = self.person(self.orgs[referrer] if source == "police" else provider)
            her = self.person(victim_service or provider)
            child = self.person(victim_service or provider) if plan.children else None
            people += [p for p in (him, her, child) if p]
            number = plan.n + 1
            details.append(IdentifyingDetails(
                person=him, full_name=f"Synthetic Person {number:06d} (load)",
                date_of_birth=date(1970 + rng.randint(0, 35), rng.randint(1, 12), rng.randint(1, 28)),
                address=f"{rng.randint(1, 199)} Load Street (synthetic)", police_person_id=f"SYN-L{number:06d}"))
            details.append(IdentifyingDetails(
                person=her, full_name=f"Synthetic Partner {number:06d} (load)",
                address=f"{rng.randint(1, 199)} Example Road (synthetic)",
                phone="07700 900" + f"{rng.randint(0, 999):03d}"))
            plan.people = (him, her, child)
        Person.objects.bulk_create(people, batch_size=5000)
        IdentifyingDetails.objects.bulk_create(details, batch_size=5000)

        referrals, cases = [], []
        for plan in chunk:
            slug, _, provider, victim_service, referrer, source = self.config[plan.programme]
            him, her, child = plan.people
            dash_score = rng.randint(2, 13)
            area = rng.choice(self.areas[slug])
            referral = Referral(
                programme=self.programmes[slug], provider=self.orgs[provider], person=him, source=source,
                referring_organisation=self.orgs[referrer], received_on=plan.received,
                reason="Synthetic load-test referral: repeat call-outs.", lawful_basis="public_task",
                dash_score=dash_score, marac_criteria_met=False, matac_checked=True, needs_checked=True,
                area=area, age=rng.randint(18, 60), offence=rng.choice(["CA", "HAR", "PO", "CD", "NCI"]),
                caution_type="conditional" if slug == "greater-manchester-cara" else "",
                screening={"outcome": "eligible", "results": [],
                           "summary": "eligible: synthetic load-test referral (screening not run)"},
                status="accepted", decided_on=plan.referred, decision_reason="Meets the programme's criteria.")
            referrals.append(referral)
            plan.referral = referral
        Referral.objects.bulk_create(referrals, batch_size=5000)
        for plan in chunk:
            slug, _, provider, victim_service, _, _ = self.config[plan.programme]
            case = Case(reference=self.refs("C"), programme=self.programmes[slug], provider=self.orgs[provider],
                        victim_service=victim_service and self.orgs[victim_service], perpetrator=plan.people[0],
                        referral=plan.referral, status=status_of(plan), referred_on=plan.referred,
                        assessment_on=plan.assessment, entered_on=plan.active, ended_on=plan.ended,
                        end_reason="Stopped attending (synthetic)." if plan.end_status in ("disengaged", "closed")
                        else "", exit_reason=EXIT_REASON_OF.get(status_of(plan), ""),
                        version=1 + bool(plan.assessment) + bool(plan.active) + bool(plan.ended))
            cases.append(case)
            plan.case = case
        Case.objects.bulk_create(cases, batch_size=5000)

        members = []
        for plan in chunk:
            case, (him, her, child) = plan.case, plan.people
            engaged = bool(case.victim_service_id and plan.active)
            flags = rng.sample(["children", "stalking", "no_joint", "disclosure"], rng.randint(0, 2))
            victim = CaseMember(case=case, person=her, role="victim", relationship="partner", safety_flags=flags,
                                offered_support_on=plan.assessment if case.victim_service_id else None,
                                engaged_support_on=plan.active if engaged else None)
            members.append(victim)
            plan.victim = victim
            if child:
                members.append(CaseMember(case=case, person=child, role="child", relationship="child"))
        CaseMember.objects.bulk_create(members, batch_size=5000)

        assessments, listings = [], []
        for plan in chunk:
            case = plan.case
            him_worker, her_worker = plan.workers["perpetrator"], plan.workers.get("victim")
            ended = plan.ended + timedelta(days=28) if not is_current(plan, self.as_of) else None
            rows[Assignment].append(Assignment(case=case, worker=him_worker, side="perpetrator",
                                               role=rng.choice(["coordinator", "case_manager"]),
                                               started_on=plan.referred, ended_on=ended))
            if her_worker:
                rows[Assignment].append(Assignment(case=case, worker=her_worker, side="victim",
                                                   role="partner_support", started_on=plan.referred, ended_on=ended))
            steps = [("", "referred", plan.referred, "")]
            if plan.assessment:
                steps.append(("referred", "assessment", plan.assessment, ""))
            if plan.active:
                steps.append(("assessment", "active", plan.active, ""))
            if plan.ended:
                steps.append((steps[-1][1], plan.end_status, plan.ended, case.end_reason))
            rows[StatusChange] += [StatusChange(case=case, from_status=a, to_status=b, on=on, reason=why, by=him_worker)
                                   for a, b, on, why in steps]
            assessor = her_worker or him_worker
            dash_dates = [plan.referred] + ([plan.active + timedelta(days=60)] if plan.active else [])
            for k, on in enumerate(d for d in dash_dates if d <= self.as_of):
                answers = self.answers(rng.randint(4, 15) if k == 0 else rng.randint(2, 10))
                result = dash.assess(answers, incident_on=on - timedelta(days=3) if k == 0 else None)
                assessments.append(RiskAssessment(
                    case=case, member=plan.victim, assessed_on=on, incident_on=on - timedelta(days=3) if k == 0
                    else None, assessor=assessor, answers=answers, score=result.score,
                    computed_grade=result.computed_grade, grade=result.grade, marac_referral=result.marac_referral,
                    marac_reasons=result.marac_reasons, marac_referred_on=on if result.marac_referral else None))
            self.work(plan, rows)
            if plan.n % 6 == 0 and plan.referred + timedelta(days=14) <= self.as_of:
                forum = self.forums["MATAC" if plan.n % 12 == 0 else "TATI"]
                listing = ForumListing(forum=forum, meeting_on=plan.referred + timedelta(days=14), case=case,
                                       area=plan.referral.area)
                listings.append((listing, plan))
        for model in (Assignment, StatusChange):
            model.objects.bulk_create(rows.pop(model), batch_size=5000)
        RiskAssessment.objects.bulk_create(assessments, batch_size=5000)
        ForumListing.objects.bulk_create([listing for listing, _ in listings], batch_size=5000)
        actions = []
        for listing, plan in listings:
            due = listing.meeting_on + timedelta(days=rng.randint(7, 42))
            done = due < self.as_of - timedelta(days=14) or rng.random() < 0.5
            actions.append(ForumAction(
                listing=listing, side="perpetrator", description="Police to share the incident log (synthetic)",
                owner=plan.case.provider if plan.n % 2 else plan.referral.referring_organisation, due_on=due,
                status="done" if done else "open", completed_on=min(due, self.as_of) if done else None))
        ForumAction.objects.bulk_create(actions, batch_size=5000)
        for model in (Contact, Need, Goal, SafetyPlan):
            model.objects.bulk_create(rows.pop(model, []), batch_size=5000)

    def work(self, plan, rows):
        """Sessions, needs, goals and the victim's safety plan, as far as the case has got."""
        from dapi.cases.models import Contact, Goal, Need, SafetyPlan

        rng, case = self.rng, plan.case
        him_worker, her_worker = plan.workers["perpetrator"], plan.workers.get("victim")
        if not plan.assessment:
            return
        rows[Contact].append(Contact(case=case, side="perpetrator", kind="assessment", on=plan.assessment,
                                     duration_minutes=90, attendance="attended", worker=him_worker,
                                     notes="Synthetic load-test note."))
        for kind in rng.sample(self.needs, rng.randint(1, 3)):
            rows[Need].append(Need(case=case, kind=kind, status=rng.choice(["identified", "in_progress", "met"]),
                                   identified_on=plan.assessment))
        if not plan.active:
            return
        rows[Goal].append(Goal(case=case, description="Attend every session for eight weeks (synthetic)",
                               status="achieved" if plan.end_status == "completed" else "open", set_on=plan.active))
        last = min(plan.ended or self.as_of, self.as_of)
        for week in range(1, 13):
            on = plan.active + timedelta(days=7 * week)
            if on > last:
                break
            rows[Contact].append(Contact(
                case=case, side="perpetrator", kind=rng.choice(["one_to_one", "one_to_one", "group"]), on=on,
                duration_minutes=60, worker=him_worker, notes="Synthetic load-test note.",
                attendance=rng.choice(["attended"] * 4 + ["dna", "cancelled"])))
        if her_worker:
            for k in range(rng.randint(1, 3)):
                on = plan.active + timedelta(days=30 * k)
                if on > last:
                    break
                rows[Contact].append(Contact(case=case, side="victim", member=plan.victim, kind="phone", on=on,
                                             duration_minutes=30, attendance="attended", worker=her_worker,
                                             notes="Synthetic load-test note: safety planning call."))
            rows[SafetyPlan].append(SafetyPlan(member=plan.victim, agreed_on=plan.active,
                                               plan="Synthetic load-test safety plan."))

    def write_other_referrals(self, start, size):
        """Referrals declined at screening, and a few recent ones waiting: people without cases."""
        from dapi.cases.models import Person, Referral

        rng = self.rng
        slugs, weights = [p[0] for p in PROGRAMMES], [p[1] for p in PROGRAMMES]
        people, referrals = [], []
        span = (self.as_of - FIRST_DAY).days
        for _k in range(size):
            slug = rng.choices(slugs, weights)[0]
            _, _, provider, _, referrer, source = self.config[slug]
            received = FIRST_DAY + timedelta(days=rng.randint(0, span))
            waiting = received > self.as_of - timedelta(days=14) and rng.random() < 0.5
            him = self.person(self.orgs[referrer] if source == "police" else self.orgs[provider])
            people.append(him)
            dash_score = rng.randint(14, 20)
            referrals.append(Referral(
                programme=self.programmes[slug], provider=self.orgs[provider], person=him, source=source,
                referring_organisation=self.orgs[referrer], received_on=received,
                reason="Synthetic load-test referral.", lawful_basis="public_task", dash_score=dash_score,
                marac_criteria_met=True, matac_checked=True, needs_checked=True, area=rng.choice(self.areas[slug]),
                age=rng.randint(18, 60),
                screening={"outcome": "not_eligible", "results": [],
                           "summary": f"not eligible: DASH {dash_score} meets the MARAC threshold (14 or more)"},
                status="received" if waiting else "declined", decided_on=None if waiting else received + timedelta(
                    days=5), decision_reason="" if waiting else "Meets the MARAC threshold (synthetic)."))
        Person.objects.bulk_create(people, batch_size=5000)
        Referral.objects.bulk_create(referrals, batch_size=5000)

    # Export and report -----------------------------------------------------------------------------

    def report(self):
        from django.db.models import Count, Q
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from dapi.accounts.models import User
        from dapi.cases.models import Assignment, Case, Contact, Person, Referral, RiskAssessment

        demo = [{"username": d.user.username, "role": "demo", "organisation": "", "key": d.key}
                for d in TOTPDevice.objects.filter(user__is_demo=True, user__username__in=[
                    "provider-manager", "perpetrator-worker", "partner-support-worker", "police-analyst",
                    "evaluator", "administrator"]).select_related("user")]
        out = Path(self.args.users_out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"database": self.args.database, "seed": self.args.seed,
                                   "password_env": "DAPI_DEMO_PASSWORD", "workers": self.exported,
                                   "commissioners": self.commissioners,
                                   "counts_commissioner": self.counts_commissioner, "demo": demo},
                                  indent=1))
        loads = sorted(Assignment.objects.filter(ended_on__isnull=True, worker__username__startswith="load-")
                       .values("worker").annotate(n=Count("pk")).values_list("n", flat=True))
        counts = {
            "cases": Case.objects.count(), "open cases": Case.objects.exclude(
                status__in=["completed", "disengaged", "closed"]).count(),
            "people": Person.objects.count(), "synthetic people": Person.objects.filter(is_synthetic=True).count(),
            "referrals": Referral.objects.count(), "sessions and contacts": Contact.objects.count(),
            "DASH assessments": RiskAssessment.objects.count(),
            "assignments (current)": Assignment.objects.filter(ended_on__isnull=True).count(),
            "users": User.objects.count(),
            "synthetic workers": User.objects.filter(username__startswith="load-").exclude(
                username__startswith="load-commissioner-").count(),
            "synthetic commissioners": User.objects.filter(username__startswith="load-commissioner-").count(),
            "authenticators": TOTPDevice.objects.filter(confirmed=True).count(),
            "real (non-synthetic) people": Person.objects.filter(~Q(is_synthetic=True)).count(),
        }
        for name, value in counts.items():
            self.console.print(f"  {name:<28} {value:>10,}")
        if loads:
            self.console.print(f"  caseload per synthetic worker: min {loads[0]}, median {loads[len(loads) // 2]}, "
                               f"max {loads[-1]} current cases")
        self.console.print(f"Worker and commissioner keys for the locustfile and run.py: {out}")


if __name__ == "__main__":
    main()
