"""His assessments, risk management plans and coded exit reasons for the volume demo (issue 17,
item 6), deterministic from the seed: each case draws from its own generator, seeded by the seed
and its reference, so nothing here moves when another part of the demo draws more or fewer numbers.

Every case that reached assessment has an intake assessment with the example tool on that day,
a review every twelve weeks from his entry while the case is open, and an exit assessment when he
completed. Every case that entered the programme (except Project CARA's, whose work is two
workshops) has a risk management plan agreed on entry and reviewed every six to eight weeks; about
two in five of the open ones reviewed at least once missed the latest review, so as of the
demonstration date their plan is overdue. Ended cases get a coded exit reason fitting their status. Rows are bulk-created, as
volume.py writes the rest, by the case's own worker, with generic synthetic wording.
"""

import random
from datetime import date, timedelta

from dapi.cases import exits
from dapi.cases.assessment.services import example_tool
from dapi.cases.models import AssessmentKind, Case, CaseStatus, PerpetratorAssessment, PlanReview, RiskPlan
from dapi.lib import clock

REVIEW_EVERY = 84  # days between his assessment reviews
OVERDUE_SHARE = 0.4
RISKS = [
    "Controlling and jealous behaviour towards his partner",
    "Alcohol use before the incidents reported",
    "Contact with his ex-partner against bail conditions",
    "Conflict at child contact handovers",
    "Threats made when the relationship is ending",
    "Drug use and debt",
    "Low motivation; blames his partner for the police involvement",
]
ACTIONS = [
    ("Coordinator", "Weekly one-to-one sessions on controlling behaviour"),
    ("Police", "Check compliance with bail conditions and flag any call-out"),
    ("Navigator", "Referral to alcohol and drug treatment"),
    ("Coordinator", "Share concerns at the multi-agency risk meeting"),
    ("Probation", "Joint supervision appointment each month"),
    ("Navigator", "Housing and debt advice appointment"),
]
# The coded reason of an ending, by its status: (code, weight).
EXITS = {
    CaseStatus.DISENGAGED: [(exits.LOST_CONTACT, 50), (exits.REFUSED, 25), (exits.IN_CUSTODY, 15),
                            (exits.MOVED_AWAY, 10)],
    CaseStatus.CLOSED: [(exits.RISK_ESCALATED, 50), (exits.MOVED_AWAY, 50)],
}


def _answers(rng: random.Random, items, level: float) -> dict[str, int]:
    """Answers around `level` (0 to 1 of each item's range), each on the item's own scale."""
    out = {}
    for item in items:
        span = item.scale_max - item.scale_min
        value = round(item.scale_min + span * min(1.0, max(0.0, rng.gauss(level, 0.22))))
        out[str(item.position)] = value
    return out


def _assessments(rng, p, case, tool, items, worker, today, rows) -> None:
    if not case.assessment_on:
        return
    level = rng.uniform(0.45, 0.8)
    dated = [(AssessmentKind.INTAKE, case.assessment_on)]
    last = min(case.ended_on or today, today)
    if case.entered_on:
        on = case.entered_on + timedelta(days=REVIEW_EVERY)
        while on < last:
            dated.append((AssessmentKind.REVIEW, on))
            on += timedelta(days=REVIEW_EVERY)
    if case.status == CaseStatus.COMPLETED and case.ended_on:
        dated.append((AssessmentKind.EXIT, case.ended_on))
    trend = -0.12 if case.status == CaseStatus.COMPLETED else rng.choice([-0.08, -0.03, 0.0, 0.04])
    for n, (kind, on) in enumerate(dated):
        answers = _answers(rng, items, level + trend * n)
        rows["assessments"].append(PerpetratorAssessment(
            case=case, tool=tool, kind=kind, assessed_on=on, assessor=worker, answers=answers,
            total=sum(answers.values()), summary=""))


def _plan(rng, p, case, worker, today, rows) -> None:
    if not case.entered_on or p.spec.code == "GM":
        return
    every = rng.choice([42, 49, 56])
    last = min(case.ended_on or today, today)
    dates = [case.entered_on]
    while dates[-1] + timedelta(days=every) <= last:
        dates.append(dates[-1] + timedelta(days=every))
    if case.ended_on is None and len(dates) > 1 and rng.random() < OVERDUE_SHARE:
        dates.pop()  # the latest review was missed: the plan's next review date has passed
    risks = rng.sample(RISKS, rng.randint(2, 4))
    actions = [{"who": who, "what": what} for who, what in rng.sample(ACTIONS, rng.randint(2, 4))]
    plan = RiskPlan(case=case, risks=risks, actions=actions, agreed_on=dates[0], reviewed_on=dates[-1],
                    next_review_on=dates[-1] + timedelta(days=every))
    rows["plans"].append(plan)
    for on in dates:
        rows["reviews"].append(PlanReview(plan=plan, reviewed_on=on, reviewer=worker, risks=risks, actions=actions,
                                          next_review_on=on + timedelta(days=every),
                                          note="" if on == dates[0] else "Reviewed (synthetic demo)."))


def load(planned: list, users: dict, seed: int) -> dict:
    """His assessments, plans and exit reasons for the volume demo's cases (`planned`, as volume.py
    planned them; their cases already made). Returns counts of what was made."""
    today: date = clock.today()
    tool = example_tool()
    items = list(tool.items.all())
    by_police_id = {p.police_id: p for p in planned if p.accepted}
    cases = Case.objects.filter(referral__police_perpetrator_id__in=list(by_police_id)).select_related(
        "referral").order_by("pk")
    rows = {"assessments": [], "plans": [], "reviews": []}
    exit_codes: dict[str, list[int]] = {}
    for case in cases:
        p = by_police_id[case.referral.police_perpetrator_id]
        rng = random.Random(f"{seed}:{case.reference}")
        worker = users[p.spec.worker[0]]
        _assessments(rng, p, case, tool, items, worker, today, rows)
        _plan(rng, p, case, worker, today, rows)
        if case.ended_on:
            code = exits.COMPLETED if case.status == CaseStatus.COMPLETED else rng.choices(
                *zip(*EXITS[case.status]))[0]
            exit_codes.setdefault(code, []).append(case.pk)
    PerpetratorAssessment.objects.bulk_create(rows["assessments"], batch_size=2000)
    RiskPlan.objects.bulk_create(rows["plans"], batch_size=2000)
    PlanReview.objects.bulk_create(rows["reviews"], batch_size=2000)
    for code, ids in exit_codes.items():
        Case.objects.filter(pk__in=ids).update(exit_reason=code)
    return {"perpetrator_assessments": len(rows["assessments"]), "risk_plans": len(rows["plans"]),
            "plans_overdue": sum(1 for plan in rows["plans"] if plan.case.ended_on is None
                                 and plan.next_review_on < today)}
