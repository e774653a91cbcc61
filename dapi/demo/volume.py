"""The demonstration at the volume of the seeds' real programmes, deterministic from a seed.

Three programmes at about their published sizes, from their start to `today` (never later):
Cleveland complex needs (about 120 perpetrators a year from July 2021, Harbour with My Sister's
Place giving partner support), Project CARA in Greater Manchester (about 300 in 2023/24, in
Part A and Part B workshops run by The Hampton Trust, a missed workshop a breach) and the
Hampshire perpetrator service (about 150 a year from April 2019). Every referral comes from the
force's own ranking (`source` police, the force's identifier, the RFGV score the engine gives
him on the day of referral), so each case's police outcomes are computed by the product from the
force's demo incident import (`police.py`), never written here.

Rows are bulk-created, as the services would write them (the same fields, screening, statuses,
timeline and DASH scoring), without one audit entry per synthetic row: the loader of the small
demo (`cases.py`) goes through the services and is audited. Every person is synthetic and
labelled so. Loading twice changes nothing.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from dapi.accounts.models import Area, Membership, Organisation, OrganisationKind, Role, User
from dapi.cases import vocabularies
from dapi.cases.dash import DASH_ITEMS, assess
from dapi.cases.models import (
    Assignment, Attendance, Case, CaseMember, CaseStatus, Contact, ContactKind, ForumListing, ForumType,
    IdentifyingDetails, LawfulBasis, MemberRole, NeedKind, Person, Referral, ReferralSource, ReferralStatus,
    RiskAssessment, Side, StatusChange, WorkerRole,
)
from dapi.cases.services.referrals import screening_for
from dapi.funding.models import Programme, ProgrammeElement
from dapi.identification.engine import default_profile
from dapi.identification.models import CaseOutcome
from dapi.lib import clock

from . import assessments, cara, evidence, police
from .cases import synthetic_birthday

HAMPSHIRE_FORCE = "Hampshire Constabulary"
HAMPSHIRE_PROVIDER = "Hampshire perpetrator service provider (synthetic; the decision names none)"
END_REASONS = {  # the existing free-text end reasons, in the words a closure would give
    CaseStatus.COMPLETED: "Completed the programme (demo).",
    CaseStatus.DISENGAGED: "Stopped attending after repeated contact attempts (demo).",
    CaseStatus.CLOSED: "Moved out of the area (demo).",
}
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


@dataclass
class Spec:
    """One programme's demo volume: who refers and delivers, from when, how many a year."""

    slug: str
    force: str
    provider: str
    victim_service: str | None
    areas: list[str]
    start: date
    end: date
    per_year: int
    code: str  # in the police identifiers: SYN-<code>-D000001
    worker: tuple[str, Role]
    partner: str | None = None


SPECS = [
    Spec("cleveland-complex-needs", "Cleveland Police", "Harbour Support Services", "My Sister's Place",
         ["Hartlepool", "Middlesbrough", "Redcar and Cleveland", "Stockton-on-Tees"], date(2021, 7, 1),
         date(2024, 7, 31), 120, "CL", ("perpetrator-worker", Role.PERPETRATOR_WORKER), "partner-support-worker"),
    Spec("greater-manchester-cara", "Greater Manchester Police", "The Hampton Trust", None,
         ["Manchester CSP", "Bolton CSP", "Stockport CSP", "Wigan CSP", "Bury CSP", "Salford CSP", "Rochdale CSP",
          "Trafford CSP", "Oldham CSP"], date(2023, 4, 1), date(2024, 3, 31), 300, "GM",
         ("cara-facilitator", Role.PERPETRATOR_WORKER)),
    Spec("hampshire-perpetrator", HAMPSHIRE_FORCE, HAMPSHIRE_PROVIDER, None, ["Hampshire", "Southampton"],
         date(2019, 4, 1), date(2024, 3, 31), 150, "HA", ("hampshire-case-manager", Role.PERPETRATOR_WORKER)),
]
ANALYSTS = {"Cleveland Police": "police-analyst", "Greater Manchester Police": "gmp-police-analyst",
            HAMPSHIRE_FORCE: "hampshire-police-analyst"}


@dataclass
class Planned:
    """One demo perpetrator's referral and, if accepted, his case's dates (all on or before today)."""

    spec: Spec
    number: int
    police_id: str
    area: str
    received_on: date
    age: int
    dash: int
    accepted: bool
    status: str = CaseStatus.REFERRED
    assessment_on: date | None = None
    entered_on: date | None = None
    ended_on: date | None = None
    children: int = 0
    victims: int = 1
    extra: dict = field(default_factory=dict)


def _between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def plan(seed: int, today: date) -> list[Planned]:
    """Every demo perpetrator, in a fixed order, from the seed and `today` alone."""
    rng = random.Random(seed)
    planned = []
    for spec in SPECS:
        last = min(spec.end, today)
        if last < spec.start:
            continue
        count = round(spec.per_year * ((last - spec.start).days + 1) / 365.25)
        days = sorted(_between(rng, spec.start, last) for _ in range(count))
        for n, received in enumerate(days, start=1):
            p = Planned(spec=spec, number=n, police_id=f"SYN-{spec.code}-D{n:06d}", area=rng.choice(spec.areas),
                        received_on=received, age=rng.randint(19, 58), dash=rng.choice(range(3, 14)),
                        accepted=rng.random() < (0.97 if spec.code == "GM" else 0.88),
                        children=rng.choice([0, 0, 1, 1, 2, 3]), victims=1 if rng.random() < 0.85 else 2)
            _dates(rng, p, today)
            planned.append(p)
    return planned


def _dates(rng: random.Random, p: Planned, today: date) -> None:
    """The case's path, stopping at today: CARA is Part A then Part B 4-5 weeks later (missing one
    a breach); the others an assessment, then sessions for four to seven months."""
    if not p.accepted:
        return
    decided = p.received_on + timedelta(days=rng.randint(2, 6))
    if decided > today:
        p.accepted = False  # not screened yet
        p.extra["waiting"] = True
        return
    p.extra["decided_on"] = decided
    if p.spec.code == "GM":
        p.extra["part_a"] = decided + timedelta(days=rng.randint(7, 20))
        p.extra["part_b"] = p.extra["part_a"] + timedelta(days=rng.choice([29, 33]))
        p.extra["misses"] = rng.random() < 0.12  # a breach, reported to police
        if p.extra["part_a"] > today:
            return
        p.status, p.assessment_on = CaseStatus.ACTIVE, decided
        p.entered_on = p.extra["part_a"]
        miss_a = p.extra["misses"] and rng.random() < 0.5
        p.extra["missed"] = "A" if miss_a else ("B" if p.extra["misses"] else "")
        if miss_a:
            p.status, p.ended_on = CaseStatus.DISENGAGED, p.entered_on
        elif p.extra["part_b"] <= today:
            p.status = CaseStatus.DISENGAGED if p.extra["misses"] else CaseStatus.COMPLETED
            p.ended_on = p.extra["part_b"]
        return
    p.assessment_on = decided + timedelta(days=rng.randint(5, 14))
    if p.assessment_on > today:
        p.assessment_on = None
        return
    p.status = CaseStatus.ASSESSMENT
    if rng.random() < 0.15:  # never engaged past the assessment
        end = p.assessment_on + timedelta(days=rng.randint(14, 40))
        if end <= today:
            p.status, p.ended_on = rng.choice([CaseStatus.DISENGAGED, CaseStatus.CLOSED]), end
        return
    entered = p.assessment_on + timedelta(days=rng.randint(10, 24))
    if entered > today:
        return
    p.status, p.entered_on = CaseStatus.ACTIVE, entered
    end = entered + timedelta(days=rng.randint(120, 220))
    if end <= today:
        p.status, p.ended_on = rng.choices([CaseStatus.COMPLETED, CaseStatus.DISENGAGED, CaseStatus.CLOSED],
                                           [0.6, 0.28, 0.12])[0], end


def _reference(rng: random.Random, prefix: str, taken: set) -> str:
    while True:
        ref = f"{prefix}-" + "".join(rng.choice(_ALPHABET) for _ in range(4)) + "-" + "".join(
            rng.choice(_ALPHABET) for _ in range(4))
        if ref not in taken:
            taken.add(ref)
            return ref


def ensure_organisations_and_users() -> dict:
    """Hampshire Constabulary (the police force of Hampshire and Isle of Wight), a provider for the
    Hampshire service (the decision names none), and a synthetic analyst per force and worker per
    provider. Returns the users by username."""
    Organisation.objects.get_or_create(name=HAMPSHIRE_FORCE, defaults={"kind": OrganisationKind.POLICE_FORCE})
    provider, _ = Organisation.objects.get_or_create(name=HAMPSHIRE_PROVIDER,
                                                     defaults={"kind": OrganisationKind.PROVIDER})
    ProgrammeElement.objects.get_or_create(programme=Programme.objects.get(slug="hampshire-perpetrator"),
                                           name="Perpetrator case management (synthetic demo provider)",
                                           defaults={"provider": provider})
    wanted = [(ANALYSTS["Greater Manchester Police"], Role.POLICE_ANALYST, "Greater Manchester Police"),
              (ANALYSTS[HAMPSHIRE_FORCE], Role.POLICE_ANALYST, HAMPSHIRE_FORCE),
              ("cara-facilitator", Role.PERPETRATOR_WORKER, "The Hampton Trust"),
              ("hampshire-case-manager", Role.PERPETRATOR_WORKER, HAMPSHIRE_PROVIDER)]
    for username, role, organisation in wanted:
        user, created = User.objects.get_or_create(username=username, defaults={
            "first_name": "Demo", "last_name": f"{role.label} (synthetic)", "is_demo": True})
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Membership.objects.get_or_create(user=user, organisation=Organisation.objects.get(name=organisation), role=role)
    names = {s.worker[0] for s in SPECS} | {s.partner for s in SPECS if s.partner} | set(ANALYSTS.values())
    return {u.username: u for u in User.objects.filter(username__in=names)}


def _answers(rng: random.Random, yes: int) -> dict:
    items = list(DASH_ITEMS)
    rng.shuffle(items)
    chosen = set(items[:yes])
    return {str(n): "yes" if n in chosen else rng.choice(["no", "no", "not_known"]) for n in DASH_ITEMS}


@transaction.atomic
def load_cases(planned: list[Planned], rfgv: dict[str, float], profile_version: str, seed: int) -> dict:
    """Bulk-create the planned referrals and cases (with victims, children, workers, sessions, DASH,
    workshops and breaches). `rfgv` is each man's RFGV score on the day of his referral, from the
    force's incidents. Returns counts of what was made."""
    rng = random.Random(seed + 1)
    vocabularies.ensure(NeedKind, ForumType)
    users = ensure_organisations_and_users()
    orgs = {o.name: o for o in Organisation.objects.filter(
        name__in={s.force for s in SPECS} | {s.provider for s in SPECS} | {s.victim_service for s in SPECS})}
    programmes = {p.slug: p for p in Programme.objects.filter(slug__in=[s.slug for s in SPECS])}
    areas = {a.name: a for a in Area.objects.all()}
    taken = set(Person.objects.values_list("reference", flat=True)) | set(Case.objects.values_list("reference",
                                                                                                     flat=True))
    people, details, referrals = [], [], []
    for p in planned:
        person = Person(reference=_reference(rng, "P", taken), recorded_by=orgs[p.spec.force], is_synthetic=True)
        people.append(person)
        status = ReferralStatus.ACCEPTED if p.accepted else (
            ReferralStatus.RECEIVED if p.extra.get("waiting") else ReferralStatus.DECLINED)
        referrals.append(Referral(
            programme=programmes[p.spec.slug], provider=orgs[p.spec.provider], source=ReferralSource.POLICE,
            referring_organisation=orgs[p.spec.force], received_on=p.received_on,
            reason="Synthetic demo referral from the force's ranking.", lawful_basis=LawfulBasis.LAW_ENFORCEMENT,
            dash_score=p.dash, marac_criteria_met=False, matac_checked=True, needs_checked=True,
            area=areas.get(p.area), age=p.age, police_perpetrator_id=p.police_id,
            rfgv_score=Decimal(f"{rfgv.get(p.police_id, 0.0):.4f}"), rfgv_profile=profile_version, status=status,
            decided_on=p.extra.get("decided_on") if status != ReferralStatus.RECEIVED else None,
            decision_reason={ReferralStatus.ACCEPTED: "Meets the programme's criteria.",
                             ReferralStatus.DECLINED: "Declined at screening (demo)."}.get(status, ""),
            decided_by=None))
        if status == ReferralStatus.DECLINED:
            referrals[-1].decided_on = p.received_on + timedelta(days=5)
    Person.objects.bulk_create(people)
    for p, person, referral in zip(planned, people, referrals):
        referral.person = person
        details.append(IdentifyingDetails(person=person, full_name=f"Synthetic Person {p.spec.code}-{p.number:04d} "
                                          "(demo)", police_person_id=p.police_id,
                                          date_of_birth=synthetic_birthday(p.received_on, p.age, p.number)))
    IdentifyingDetails.objects.bulk_create(details)
    Referral.objects.bulk_create(referrals)
    for referral in referrals:
        referral.screening = screening_for(referral).as_dict()
    Referral.objects.bulk_update(referrals, ["screening"], batch_size=500)
    made = {"referrals": len(referrals)}
    made.update(_cases(rng, planned, people, referrals, orgs, users, taken))
    return made


def _cases(rng, planned, people, referrals, orgs, users, taken) -> dict:
    cases, accepted = [], []
    for p, person, referral in zip(planned, people, referrals):
        if not p.accepted:
            continue
        cases.append(Case(reference=_reference(rng, "C", taken), programme=referral.programme,
                          provider=referral.provider, victim_service=orgs.get(p.spec.victim_service),
                          perpetrator=person, referral=referral, status=p.status, referred_on=p.received_on,
                          assessment_on=p.assessment_on, entered_on=p.entered_on, ended_on=p.ended_on,
                          end_reason=END_REASONS.get(p.status, "") if p.ended_on else ""))
        accepted.append(p)
    Case.objects.bulk_create(cases)
    rows = {"changes": [], "people": [], "details": [], "members": [], "assignments": [], "contacts": [],
            "assessments": [], "listings": [],
            "forums": list(ForumType.objects.filter(side=Side.PERPETRATOR).order_by("code"))}
    for p, case in zip(accepted, cases):
        _case_rows(rng, p, case, users, taken, rows)
    StatusChange.objects.bulk_create(rows["changes"])
    Person.objects.bulk_create(rows["people"])
    IdentifyingDetails.objects.bulk_create(rows["details"])
    CaseMember.objects.bulk_create(rows["members"])
    Assignment.objects.bulk_create(rows["assignments"])
    Contact.objects.bulk_create(rows["contacts"], batch_size=2000)
    RiskAssessment.objects.bulk_create(rows["assessments"])
    ForumListing.objects.bulk_create(rows["listings"])
    workshops = cara.workshops_and_bookings(
        [(p, c) for p, c in zip(accepted, cases) if p.spec.code == "GM" and "part_a" in p.extra])
    return {"cases": len(cases), "victims": sum(m.role == MemberRole.VICTIM for m in rows["members"]),
            "children": sum(m.role == MemberRole.CHILD for m in rows["members"]), "sessions": len(rows["contacts"]),
            "dash": len(rows["assessments"]), "listings": len(rows["listings"]), **workshops}


def _case_rows(rng, p: Planned, case: Case, users: dict, taken: set, rows: dict) -> None:
    worker = users[p.spec.worker[0]]
    steps = [(CaseStatus.REFERRED, "", p.received_on)]
    if p.assessment_on and p.spec.code != "GM":
        steps.append((CaseStatus.ASSESSMENT, CaseStatus.REFERRED, p.assessment_on))
    if p.entered_on:
        steps.append((CaseStatus.ACTIVE, steps[-1][0], p.entered_on))
    if p.ended_on:
        steps.append((p.status, steps[-1][0], p.ended_on))
    for to, before, on in steps:
        rows["changes"].append(StatusChange(case=case, from_status=before, to_status=to, on=on, by=worker,
                                            reason=END_REASONS.get(to, "") if to != CaseStatus.REFERRED else ""))
    rows["assignments"].append(Assignment(case=case, worker=worker, side=Side.PERPETRATOR, started_on=p.received_on,
                                          role=WorkerRole.CASE_MANAGER if p.spec.code != "CL" else
                                          WorkerRole.COORDINATOR, ended_on=p.ended_on))
    partner = users.get(p.spec.partner) if p.spec.partner else None
    if partner:
        rows["assignments"].append(Assignment(case=case, worker=partner, side=Side.VICTIM, started_on=p.received_on,
                                              role=WorkerRole.PARTNER_SUPPORT, ended_on=p.ended_on))
    for k in range(p.victims):
        her = Person(reference=_reference(rng, "P", taken), recorded_by=case.victim_service or case.provider,
                     is_synthetic=True)
        rows["people"].append(her)
        rows["details"].append(IdentifyingDetails(person=her, full_name=f"Synthetic Partner {p.spec.code}-"
                                                  f"{p.number:04d}-{k + 1} (demo)",
                                                  date_of_birth=synthetic_birthday(p.received_on, 24 + (p.number + k) % 30,
                                                                                   p.number + k)))
        member = CaseMember(case=case, person=her, role=MemberRole.VICTIM,
                            relationship="partner" if k == 0 else "ex-partner",
                            offered_support_on=p.received_on + timedelta(days=3) if partner else None,
                            engaged_support_on=p.received_on + timedelta(days=10)
                            if partner and rng.random() < 0.7 and p.received_on + timedelta(days=10) <= clock.today()
                            else None)
        rows["members"].append(member)
        if partner and k == 0:
            answers = _answers(rng, p.dash)
            result = assess(answers, incident_on=p.received_on - timedelta(days=3))
            rows["assessments"].append(RiskAssessment(
                case=case, member=member, assessed_on=p.received_on, incident_on=p.received_on - timedelta(days=3),
                assessor=partner, answers=answers, score=result.score, computed_grade=result.computed_grade,
                grade=result.grade, marac_referral=result.marac_referral, marac_reasons=result.marac_reasons,
                marac_referred_on=p.received_on if result.marac_referral else None))
    for c in range(p.children):
        child = Person(reference=_reference(rng, "P", taken), recorded_by=case.victim_service or case.provider,
                       is_synthetic=True)
        rows["people"].append(child)
        rows["details"].append(IdentifyingDetails(person=child, full_name=f"Synthetic Child {p.spec.code}-"
                                                  f"{p.number:04d}-{c + 1} (demo)",
                                                  date_of_birth=synthetic_birthday(p.received_on, 1 + (p.number + c) % 15,
                                                                                   p.number + c)))
        rows["members"].append(CaseMember(case=case, person=child, role=MemberRole.CHILD, relationship="child"))
    if p.spec.code == "GM":
        return  # CARA's sessions are its workshops
    heard_on = p.received_on + timedelta(days=14)
    if rows["forums"] and heard_on <= clock.today():  # a perpetrator-side forum two weeks after referral
        rows["listings"].append(ForumListing(forum=rows["forums"][p.number % len(rows["forums"])], case=case,
                                             meeting_on=heard_on, area=case.referral.area))
    if p.assessment_on:
        rows["contacts"].append(Contact(case=case, side=Side.PERPETRATOR, kind=ContactKind.ASSESSMENT,
                                        on=p.assessment_on, duration_minutes=90, attendance=Attendance.ATTENDED,
                                        worker=worker))
    if p.entered_on:
        last = min(p.ended_on or clock.today(), clock.today())
        on = p.entered_on
        while on <= last:
            attendance = rng.choices([Attendance.ATTENDED, Attendance.DID_NOT_ATTEND, Attendance.CANCELLED],
                                     [0.74, 0.16, 0.10])[0]
            rows["contacts"].append(Contact(case=case, side=Side.PERPETRATOR, kind=ContactKind.ONE_TO_ONE, on=on,
                                            duration_minutes=60, attendance=attendance, worker=worker))
            on += timedelta(days=rng.choice([7, 7, 14]))


def load_demo_volume(seed: int = 2023) -> dict:
    """The three programmes at volume and each force's ranked demo import with its cases' outcomes,
    as of `clock.today()`. Returns counts; loading twice changes nothing."""
    if Referral.objects.filter(police_perpetrator_id__startswith=f"SYN-{SPECS[0].code}-D").exists():
        return {"created": False, "cases": Case.objects.filter(referral__police_perpetrator_id__regex=r"^SYN-..-D")
                .count()}
    today = clock.today()
    planned = plan(seed, today)
    users = ensure_organisations_and_users()
    frames, rfgv = {}, {}
    for spec in SPECS:
        theirs = [p for p in planned if p.spec is spec]
        frames[spec.force] = police.incidents(theirs, spec.code, spec.areas, seed, today)
        rfgv.update(police.rfgv_on_referral(frames[spec.force], theirs))
    made = load_cases(planned, rfgv, default_profile().version, seed)
    made.update(assessments.load(planned, users, seed))
    made.update(evidence.load_evidence(seed, today))
    imports = []
    for spec in SPECS:
        force = Organisation.objects.get(name=spec.force)
        imports.append(police.import_and_rank(frames[spec.force], force, users[ANALYSTS[spec.force]], today))
    return {"created": True, **made, "imports": len(imports),
            "outcomes": CaseOutcome.objects.filter(incident_import__in=imports).count()}
