"""Synthetic demonstration people, referrals and cases, generated deterministically from a seed.

Every person is labelled synthetic (`Person.is_synthetic`, and names that say so). The
eligibility rules are the programmes' own: Cleveland's complex-needs criteria (DOMAIN.md §2)
and a typical Project CARA rule set (§6). Loading twice changes nothing.
"""

import random
from datetime import date, timedelta

from django.db import transaction

from dapi.accounts.models import Area, Organisation, User
from dapi.audit.services import acting_as
from dapi.funding.models import Programme

from dapi.lib import clock

from dapi.cases import vocabularies

from . import forums as demo_forums
from dapi.cases.dash import DASH_ITEMS
from dapi.cases.models import (
    Attendance, CaseStatus, ContactKind, EligibilityRule, ForumType, LawfulBasis, MemberRole, NeedKind, NeedStatus,
    ReferralSource, RuleKind, SafetyFlag, Side, WorkerRole,
)
from dapi.cases.services import cases as case_services
from dapi.cases.services import people as people_services
from dapi.cases.services import referrals as referral_services
from dapi.cases.services import risk as risk_services
from dapi.cases.services import work as work_services

RULES = {
    "cleveland-complex-needs": [
        (RuleKind.DASH_BELOW, {"threshold": 14}),
        (RuleKind.MARAC_NOT_MET, {}),
        (RuleKind.OUTSIDE_MATAC_TOP, {"n": 20}),
        (RuleKind.COMPLEX_NEEDS, {"minimum": 1}),
        (RuleKind.IN_PROGRAMME_AREA, {}),
    ],
    "greater-manchester-cara": [
        (RuleKind.AGE_AT_LEAST, {"years": 18}),
        (RuleKind.CAUTION_TYPE, {"types": ["conditional", "diversionary"]}),
        (RuleKind.OFFENCE_IN, {"codes": ["NCI", "CD", "PO", "HAR", "CA"]}),
        (RuleKind.DASH_BELOW, {"threshold": 14}),
        (RuleKind.NO_RECENT_DA_SANCTION, {"years": 2}),
        (RuleKind.IN_PROGRAMME_AREA, {}),
    ],
}

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CLEVELAND_AREAS = ["Hartlepool", "Middlesbrough", "Redcar and Cleveland", "Stockton-on-Tees"]


def _ref(rng: random.Random, prefix: str) -> str:
    return f"{prefix}-" + "".join(rng.choice(_ALPHABET) for _ in range(4)) + "-" + "".join(
        rng.choice(_ALPHABET) for _ in range(4))


def load_rules() -> int:
    """The demo programmes' eligibility rules, as data."""
    made = 0
    for slug, rules in RULES.items():
        programme = Programme.objects.filter(slug=slug).first()
        if programme is None:
            continue
        for position, (kind, parameters) in enumerate(rules):
            _, created = EligibilityRule.objects.get_or_create(
                programme=programme, position=position, defaults={"kind": kind, "parameters": parameters})
            made += created
    return made


def _answers(rng: random.Random, yes: int) -> dict:
    items = list(DASH_ITEMS)
    rng.shuffle(items)
    chosen = set(items[:yes])
    return {str(n): "yes" if n in chosen else rng.choice(["no", "no", "not_known"]) for n in DASH_ITEMS}



def synthetic_birthday(on: date, age: int, n: int) -> date:
    """A made-up date of birth that makes someone `age` on `on`, varied by `n` without drawing on the
    demo's random numbers (so the rest of the demo stays as it was)."""
    month, day = 1 + n % 12, 1 + (7 * n) % 28
    return date(on.year - age - ((on.month, on.day) < (month, day)), month, day)

@transaction.atomic
def load_demo_cases(seed: int = 2023, count: int = 14) -> dict:
    """Cleveland referrals and cases with victims, children, workers, sessions, needs, goals and
    DASH, all synthetic, recorded only as far as today (`clock.today()`, which `dapi demo --today`
    pins): nothing is dated in the future. Returns what exists afterwards."""
    vocabularies.ensure(NeedKind, ForumType)
    load_rules()
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    if programme.referrals.exists():
        return {"created": 0, "cases": programme.cases.count(), "referrals": programme.referrals.count()}
    rng = random.Random(seed)
    harbour = Organisation.objects.get(name="Harbour Support Services")
    msp = Organisation.objects.get(name="My Sister's Place")
    police = Organisation.objects.get(name="Cleveland Police")
    manager = User.objects.get(username="provider-manager")
    analyst = User.objects.get(username="police-analyst")  # Cleveland Police refers; Harbour screens
    worker = User.objects.get(username="perpetrator-worker")
    partner = User.objects.get(username="partner-support-worker")
    needs = list(NeedKind.objects.all())
    areas = {a.name: a for a in Area.objects.filter(name__in=CLEVELAND_AREAS)}
    made = 0
    today = clock.today()
    with acting_as(manager):
        for i in range(count):
            received = date(2022, 10, 3) + timedelta(days=rng.randint(0, 300))
            if received > today:
                continue  # not referred yet
            screened_out = i % 5 == 4  # every fifth referral meets MARAC or is in the MATAC top 20
            dash = rng.randint(14, 17) if screened_out and i % 2 else rng.randint(3, 12)
            person = people_services.person_create(recorded_by=police, by=analyst, is_synthetic=True,
                                                   reference=_ref(rng, "P"))
            people_services.identifying_details_set(
                person=person, by=analyst, full_name=f"Synthetic Person {i + 1:02d} (demo)",
                date_of_birth=date(1975 + rng.randint(0, 25), rng.randint(1, 12), rng.randint(1, 28)),
                address=f"{rng.randint(1, 99)} Demo Street (synthetic)", police_person_id=f"SYN-P{i + 1:06d}")
            referral = referral_services.referral_create(
                by=analyst, person=person, programme=programme, provider=harbour,
                source=rng.choice([ReferralSource.POLICE, ReferralSource.MARAC, ReferralSource.CHILDREN]),
                referring_organisation=police, received_on=received,
                reason="Synthetic demo referral: repeat call-outs, complex needs.",
                lawful_basis=LawfulBasis.PUBLIC_TASK, dash_score=dash, marac_criteria_met=dash >= 14,
                matac_checked=True, matac_rank=rng.randint(3, 19) if screened_out and not i % 2 else None,
                needs_checked=True, complex_needs=rng.sample(needs, rng.randint(1, 3)),
                area=areas[rng.choice(CLEVELAND_AREAS)], age=rng.randint(19, 55))
            if screened_out and received + timedelta(days=5) <= today:
                referral_services.referral_decline(referral=referral, by=manager, on=received + timedelta(days=5),
                                                   reason=referral.screening["summary"], version=referral.version)
                continue
            if screened_out or i == count - 1 or received + timedelta(days=4) > today:
                continue  # one still waiting to be screened (and any not screened by today)
            case = referral_services.referral_accept(referral=referral, by=manager, on=received + timedelta(days=4),
                                                     reason="Meets the programme's criteria.",
                                                     version=referral.version, victim_service=msp,
                                                     case_reference=_ref(rng, "C"))
            _populate(rng, case, i, manager, worker, partner, today)
            made += 1
        demo_forums.load(cases=list(programme.cases.all()), by=manager, today=today)
    return {"created": made, "cases": programme.cases.count(), "referrals": programme.referrals.count()}


def _populate(rng, case, i, manager, worker, partner, today):
    her = people_services.person_create(recorded_by=case.victim_service, by=manager, is_synthetic=True,
                                        reference=_ref(rng, "P"))
    home = f"{rng.randint(1, 99)} Example Road (synthetic)"
    people_services.identifying_details_set(
        person=her, by=partner, full_name=f"Synthetic Partner {i + 1:02d} (demo)",
        date_of_birth=synthetic_birthday(case.referred_on, 22 + 3 * i % 25, i),
        address=home, phone="07700 900" + f"{rng.randint(0, 999):03d}")
    flags = rng.sample([SafetyFlag.CHILDREN_IN_HOUSEHOLD, SafetyFlag.STALKING, SafetyFlag.NO_JOINT_WORK,
                        SafetyFlag.DISCLOSURE_RISK], rng.randint(0, 2))
    victim = case_services.member_add(case=case, person=her, role=MemberRole.VICTIM, relationship="partner",
                                      by=manager, safety_flags=flags)
    if rng.random() < 0.6:
        child = people_services.person_create(recorded_by=case.victim_service, by=manager, is_synthetic=True,
                                              reference=_ref(rng, "P"))
        people_services.identifying_details_set(person=child, by=partner, full_name=f"Synthetic Child {i + 1:02d} (demo)",
                                                date_of_birth=synthetic_birthday(case.referred_on, 1 + i % 14, i),
                                                address=home)
        case_services.member_add(case=case, person=child, role=MemberRole.CHILD, relationship="child", by=manager)
    start = case.referred_on
    case_services.assignment_create(case=case, worker=worker, role=WorkerRole.COORDINATOR, started_on=start,
                                    by=manager)
    case_services.assignment_create(case=case, worker=partner, role=WorkerRole.PARTNER_SUPPORT, started_on=start,
                                    by=None)  # the system: no demo user manages My Sister's Place
    risk_services.risk_assessment_create(case=case, member=victim, assessed_on=start, by=partner,
                                         incident_on=start - timedelta(days=3),
                                         answers=_answers(rng, rng.randint(4, 12)))
    stage = i % 4  # referred, assessment, active, ended
    on = start + timedelta(days=7)
    if stage >= 1 and on <= today:
        case = case_services.case_change_status(case=case, to=CaseStatus.ASSESSMENT, on=on, by=worker,
                                                version=case.version)
        work_services.contact_create(case=case, side=Side.PERPETRATOR, kind=ContactKind.ASSESSMENT, on=on,
                                     duration_minutes=90, attendance=Attendance.ATTENDED, worker=worker, by=worker,
                                     notes="Synthetic demo note.")
        for need in rng.sample(list(NeedKind.objects.all()), 2):
            work_services.need_create(case=case, kind=need, status=NeedStatus.IN_PROGRESS, identified_on=on,
                                      by=worker)
        case_services.member_update(member=victim, by=partner, offered_support_on=on)
    if stage >= 2 and on + timedelta(days=14) <= today:
        on += timedelta(days=14)
        case = case_services.case_change_status(case=case, to=CaseStatus.ACTIVE, on=on, by=worker,
                                                version=case.version)
        work_services.goal_create(case=case, description="Attend every session for eight weeks", set_on=on,
                                  by=worker)
        for week in range(1, 7):
            attendance = rng.choice([Attendance.ATTENDED] * 4 + [Attendance.DID_NOT_ATTEND, Attendance.CANCELLED])
            if on + timedelta(days=7 * week) <= today:
                work_services.contact_create(
                    case=case, side=Side.PERPETRATOR, kind=ContactKind.ONE_TO_ONE, on=on + timedelta(days=7 * week),
                    duration_minutes=60, by=worker, worker=worker, attendance=attendance)
        case_services.member_update(member=victim, by=partner, engaged_support_on=on)
        work_services.contact_create(case=case, side=Side.VICTIM, member=victim, kind=ContactKind.PHONE, on=on,
                                     duration_minutes=30, attendance=Attendance.ATTENDED, worker=partner, by=partner,
                                     notes="Synthetic demo note: safety planning call.")
        work_services.safety_plan_create(member=victim, agreed_on=on, by=partner,
                                         plan="Synthetic demo safety plan.")
        answers = _answers(rng, rng.randint(2, 9))
        if on + timedelta(days=60) <= today:
            risk_services.risk_assessment_create(case=case, member=victim, assessed_on=on + timedelta(days=60),
                                                 by=partner, answers=answers)
    if stage == 3 and on + timedelta(days=120) <= today:
        end = on + timedelta(days=120)
        to = rng.choice([CaseStatus.COMPLETED, CaseStatus.DISENGAGED])
        case_services.case_change_status(case=case, to=to, on=end, by=worker, version=case.version,
                                         exit_reason="" if to == CaseStatus.COMPLETED else "lost_contact",
                                         reason="" if to == CaseStatus.COMPLETED else "Stopped attending (demo).")
