"""The evidence measures of the demo at volume (volume.py), deterministic from the seed: disruption
and protective actions, victim-reported outcomes and equality data (issue 17, items 3 to 5).

Read back from the volume demo's referrals and cases just loaded, and bulk-created as the services
would write them (the same fields and, for the questionnaire answers, the same scoring), without one
audit entry per synthetic row, as volume.py does. Each person's and case's values come from a
random stream keyed by the seed and that person's or case's police identifier or reference, so
they do not depend on database ids or the order rows were read in. Nothing is dated after the
case's end or `today`. The comparison groups are not made here: ranking each force's import
computes them from its incident rows (identification.tasks.rank_one), as for any upload.
"""

import random
from datetime import date, timedelta

from django.db import connection, transaction

from dapi.accounts.models import User
from dapi.cases import equality
from dapi.cases.disruption.models import DisruptionAction, DisruptionKind
from dapi.cases.models import Case, CaseMember, IdentifyingDetails, MemberRole, Referral
from dapi.cases.outcomes.example import example_questionnaire
from dapi.cases.outcomes.models import Questionnaire, Stage, VictimOutcome
from dapi.cases.outcomes.services import scored
from dapi.funding.models import Programme

DAPO_FROM = date(2024, 1, 1)  # Domestic Abuse Protection Notices and Orders: only from 2024 in the demo
PARTNER_SUPPORT = "partner-support-worker"  # records her answers where a programme has partner support
VOLUME = r"^SYN-..-D"

# Equality data as services record it: a man's sex and age come with the force's referral (its
# records hold them); the rest he gives at his assessment, so a man never assessed has them "not
# recorded". A victim's sex is known from the police referral; the rest she gives when she engages
# with partner support. Of those asked, some decline a question ("prefer not to say") and some
# answers are not written down ("not recorded"), more for the more personal questions:
# (not recorded, prefer not to say) among those asked.
_MISSING = {"sex": (0.0, 0.0), "gender_identity": (0.2, 0.02), "age_band": (0.0, 0.0),
            "ethnicity": (0.04, 0.02), "disability": (0.12, 0.02), "sexual_orientation": (0.15, 0.05),
            "religion": (0.2, 0.05), "first_language": (0.03, 0.005), "interpreter_needed": (0.05, 0.005)}
ASKED = [f for f in _MISSING if f not in ("sex", "age_band")]
_KNOWN = {
    "gender_identity": [("same_as_at_birth", 0.994), ("different_from_birth", 0.006)],
    "disability": [("not_disabled", 0.74), ("limited_a_little", 0.16), ("limited_a_lot", 0.1)],
    "sexual_orientation": [("heterosexual", 0.94), ("gay_or_lesbian", 0.03), ("bisexual", 0.025),
                           ("other_orientation", 0.005)],
}
# Ethnicity and religion by the programme's region (ONS 2021 census, rounded): the North East, Greater
# Manchester and Hampshire differ most in their Asian and Muslim populations.
_ETHNICITY = {
    "CL": [("white_british", 0.9), ("other_white", 0.02), ("irish", 0.004), ("gypsy_or_irish_traveller", 0.004),
           ("pakistani", 0.025), ("indian", 0.006), ("bangladeshi", 0.003), ("chinese", 0.003),
           ("other_asian", 0.006), ("african", 0.008), ("caribbean", 0.002), ("other_black", 0.002),
           ("white_and_black_caribbean", 0.004), ("white_and_asian", 0.004), ("other_mixed", 0.003),
           ("arab", 0.003), ("any_other", 0.003)],
    "GM": [("white_british", 0.66), ("other_white", 0.04), ("irish", 0.01), ("gypsy_or_irish_traveller", 0.003),
           ("roma", 0.003), ("pakistani", 0.09), ("indian", 0.02), ("bangladeshi", 0.015), ("chinese", 0.008),
           ("other_asian", 0.015), ("african", 0.04), ("caribbean", 0.01), ("other_black", 0.008),
           ("white_and_black_caribbean", 0.012), ("white_and_black_african", 0.006), ("white_and_asian", 0.006),
           ("other_mixed", 0.008), ("arab", 0.012), ("any_other", 0.01)],
    "HA": [("white_british", 0.84), ("other_white", 0.05), ("irish", 0.006), ("gypsy_or_irish_traveller", 0.004),
           ("indian", 0.015), ("pakistani", 0.006), ("bangladeshi", 0.006), ("chinese", 0.005), ("other_asian", 0.015),
           ("african", 0.012), ("caribbean", 0.003), ("other_black", 0.002), ("white_and_black_caribbean", 0.006),
           ("white_and_asian", 0.006), ("other_mixed", 0.005), ("arab", 0.003), ("any_other", 0.006)],
}
_RELIGION = {
    "CL": [("no_religion", 0.5), ("christian", 0.45), ("muslim", 0.035), ("hindu", 0.004), ("sikh", 0.003),
           ("buddhist", 0.003), ("jewish", 0.001), ("other_religion", 0.004)],
    "GM": [("no_religion", 0.4), ("christian", 0.42), ("muslim", 0.14), ("hindu", 0.01), ("sikh", 0.005),
           ("buddhist", 0.005), ("jewish", 0.01), ("other_religion", 0.005)],
    "HA": [("no_religion", 0.52), ("christian", 0.44), ("muslim", 0.015), ("hindu", 0.01), ("sikh", 0.005),
           ("buddhist", 0.005), ("jewish", 0.002), ("other_religion", 0.005)],
}
_ENGLISH = {"CL": 0.96, "GM": 0.86, "HA": 0.93}
_AGE_BANDS = [(16, "16_17"), (18, "18_24"), (25, "25_34"), (35, "35_44"), (45, "45_54"), (55, "55_64"), (65, "65_plus")]


def _pick(rng: random.Random, weighted: list[tuple[str, float]]) -> str:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def _recorded(rng: random.Random, field: str, known: list[tuple[str, float]]) -> str:
    """A value of `field`: "not recorded" or "prefer not to say" at the field's rates, else from `known`."""
    missing, refused = _MISSING[field]
    draw = rng.random()
    if draw < missing:
        return equality.NOT_RECORDED
    if draw < missing + refused:
        return equality.PREFER_NOT_TO_SAY
    return _pick(rng, known)


def age_band(age: int | None) -> str:
    """The equality age band of an age in years (None: not recorded)."""
    if age is None:
        return equality.NOT_RECORDED
    return next((band for low, band in reversed(_AGE_BANDS) if age >= low), "under_16")


def equality_values(rng: random.Random, region: str, *, victim: bool, age: int | None, asked: bool) -> dict:
    """One person's equality data: a perpetrator (mostly a man) or a victim (mostly a woman); the
    questions beyond sex and age only if `asked` (he was assessed, she engaged with partner support)."""
    values = {"sex": _recorded(rng, "sex", [("female", 0.93), ("male", 0.07)] if victim else
                               [("male", 0.93), ("female", 0.07)]),
              "age_band": age_band(age)}
    if not asked:
        return {**values, **dict.fromkeys(ASKED, equality.NOT_RECORDED)}
    values["gender_identity"] = _recorded(rng, "gender_identity", _KNOWN["gender_identity"])
    values["ethnicity"] = _recorded(rng, "ethnicity", _ETHNICITY[region])
    values["disability"] = _recorded(rng, "disability", _KNOWN["disability"])
    values["sexual_orientation"] = _recorded(rng, "sexual_orientation", _KNOWN["sexual_orientation"])
    values["religion"] = _recorded(rng, "religion", _RELIGION[region])
    english = 0.99 if values["ethnicity"] == "white_british" else _ENGLISH[region] - 0.25
    values["first_language"] = _recorded(rng, "first_language", [("english", english), ("welsh", 0.002),
                                                                  ("other_language", 1 - english)])
    interpreter = 0.35 if values["first_language"] == "other_language" else 0.0
    values["interpreter_needed"] = _recorded(rng, "interpreter_needed", [("yes", interpreter),
                                                                          ("no", 1 - interpreter)])
    return values


def _equality(seed: int, referrals: list[dict], victims: list[dict]) -> int:
    """Equality data on the identifying details of every referred man and every victim."""
    wanted = {}
    for r in referrals:
        rng = random.Random(f"{seed}-equality-{r['police_perpetrator_id']}")
        wanted[r["person_id"]] = equality_values(rng, r["police_perpetrator_id"][4:6], victim=False, age=r["age"],
                                                 asked=r["case__assessment_on"] is not None)
    for v in victims:
        rng = random.Random(f"{seed}-equality-{v['person__reference']}")
        asked = v["engaged_support_on"] is not None
        age = max(17, v["case__referral__age"] + rng.randint(-6, 4)) if asked else None
        wanted[v["person_id"]] = equality_values(rng, v["case__referral__police_perpetrator_id"][4:6], victim=True,
                                                 age=age, asked=asked)
    # One statement for all of them: bulk_update's CASE per row and field took longer than the
    # rest of the demo together.
    table, quote = IdentifyingDetails._meta.db_table, connection.ops.quote_name
    columns = ", ".join(f"{quote(IdentifyingDetails._meta.get_field(name).column)} = %s"
                        for name in equality.EQUALITY_FIELDS)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {quote(table)} SET {columns} WHERE {quote('person_id')} = %s",
                           [[values[name] for name in equality.EQUALITY_FIELDS] + [person_id]
                            for person_id, values in sorted(wanted.items())])
    return len(wanted)


def _action_dates(rng: random.Random, case: dict, today: date) -> list[tuple[str, date]]:
    """(kind, date) of the actions taken about one man, from a year before his referral to the end of
    his case (or today): arrests, most with bail conditions and some charged; a bail breach now and
    then; protection notices, most followed by an order two days later (DAPN/DAPO from 2024, DVPN/DVPO
    before); Clare's Law disclosures; rarely a Stalking Protection Order."""
    first = case["referred_on"] - timedelta(days=365)
    last = min(case["ended_on"] or today, today)
    span = (last - first).days

    def some_day() -> date:
        return first + timedelta(days=rng.randint(0, span))

    actions = []
    for _ in range(rng.choices([0, 1, 2, 3], [0.45, 0.33, 0.15, 0.07])[0]):
        arrested = some_day()
        actions.append((DisruptionKind.ARREST, arrested))
        if rng.random() < 0.55:
            actions.append((DisruptionKind.BAIL, arrested + timedelta(days=1)))
            if rng.random() < 0.2:
                actions.append((DisruptionKind.BREACH, arrested + timedelta(days=rng.randint(5, 60))))
        if rng.random() < 0.4:
            actions.append((DisruptionKind.CHARGE, arrested + timedelta(days=rng.randint(1, 45))))
    if rng.random() < 0.14:
        served = some_day()
        notice, order = ((DisruptionKind.DAPN, DisruptionKind.DAPO) if served >= DAPO_FROM else
                         (DisruptionKind.DVPN, DisruptionKind.DVPO))
        actions.append((notice, served))
        if rng.random() < 0.75:
            actions.append((order, served + timedelta(days=2)))
            if rng.random() < 0.2:
                actions.append((DisruptionKind.BREACH, served + timedelta(days=rng.randint(3, 28))))
    for kind, share in ((DisruptionKind.RIGHT_TO_KNOW, 0.1), (DisruptionKind.RIGHT_TO_ASK, 0.07),
                        (DisruptionKind.SPO, 0.02)):
        if rng.random() < share:
            actions.append((kind, some_day()))
    return [(kind, on) for kind, on in actions if on <= last]


def _disruption(seed: int, cases: list[dict], today: date) -> int:
    """Disruption and protective actions about the men of the cases, each taken by the referring force."""
    rows = []
    for case in cases:
        rng = random.Random(f"{seed}-disruption-{case['referral__police_perpetrator_id']}")
        rows += [DisruptionAction(case_id=case["pk"], kind=kind, taken_on=on,
                                  agency_id=case["referral__referring_organisation_id"])
                 for kind, on in _action_dates(rng, case, today)]
    DisruptionAction.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _answers(rng: random.Random, items: list, scale: tuple[int, int], level: float) -> dict:
    """Answers at `level` (0 worst to 1 best) with some scatter, each item oriented its own way."""
    low, high = scale
    answers = {}
    for item in items:
        good = min(1.0, max(0.0, level + rng.gauss(0, 0.15)))
        value = round(low + good * (high - low))
        answers[str(item.position)] = value if item.higher_is_better else low + high - value
    return answers


def _victim_outcomes(seed: int, victims: list[dict], today: date) -> int:
    """Her answers at intake (when she engaged with partner support), mid-point, exit and six-month
    follow-up, for the victims of programmes with partner support: fewer answer at each stage, and
    most feel safer and report less abuse over time, some the same, some worse."""
    recorder = User.objects.filter(username=PARTNER_SUPPORT).first()
    questionnaires = {}
    rows = []
    for v in victims:
        programme_id = v["case__programme_id"]
        if programme_id not in questionnaires:
            example_questionnaire(Programme.objects.get(pk=programme_id))
            questionnaire = Questionnaire.objects.prefetch_related("items").get(programme_id=programme_id)
            questionnaires[programme_id] = (questionnaire, list(questionnaire.items.all()))
        questionnaire, items = questionnaires[programme_id]
        scale = (questionnaire.scale_min, questionnaire.scale_max)
        rng = random.Random(f"{seed}-outcomes-{v['person__reference']}")
        level = rng.uniform(0.15, 0.5)
        trend = rng.choices([0.3, 0.12, 0.0, -0.12], [0.45, 0.25, 0.15, 0.15])[0]
        entered, ended = v["case__entered_on"], v["case__ended_on"]
        stages = [(Stage.INTAKE, v["engaged_support_on"], level)]
        if entered and ended and (ended - entered).days >= 60 and rng.random() < 0.8:
            stages.append((Stage.MIDPOINT, entered + (ended - entered) / 2, level + trend / 2))
        elif entered and not ended and (today - entered).days >= 90 and rng.random() < 0.8:
            stages.append((Stage.MIDPOINT, entered + timedelta(days=90), level + trend / 2))
        if ended and rng.random() < 0.75:
            stages.append((Stage.EXIT, ended + timedelta(days=rng.randint(0, 14)), level + trend))
            if rng.random() < 0.6:
                stages.append((Stage.FOLLOW_UP, stages[-1][1] + timedelta(days=rng.randint(175, 200)),
                               level + trend * rng.uniform(0.7, 1.2)))
        for stage, on, at in stages:
            if on is None or on > today or (stage != Stage.INTAKE and on < stages[0][1]):
                break
            answers, score = scored(questionnaire, _answers(rng, items, scale, at))
            rows.append(VictimOutcome(member_id=v["pk"], questionnaire=questionnaire, stage=stage, recorded_on=on,
                                      recorded_by=recorder, answers=answers, score=score))
    VictimOutcome.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


@transaction.atomic
def load_evidence(seed: int, today: date) -> dict:
    """Equality data, disruption and protective actions and victim-reported outcomes for the volume
    demo's referrals and cases (already loaded). Returns counts of what was made."""
    referrals = list(Referral.objects.filter(police_perpetrator_id__regex=VOLUME).values(
        "person_id", "police_perpetrator_id", "age", "case__assessment_on"))
    cases = list(Case.objects.filter(referral__police_perpetrator_id__regex=VOLUME).values(
        "pk", "referred_on", "ended_on", "referral__police_perpetrator_id", "referral__referring_organisation_id"))
    victims = list(CaseMember.objects.filter(case__referral__police_perpetrator_id__regex=VOLUME,
                                             role=MemberRole.VICTIM).values(
        "pk", "person_id", "person__reference", "engaged_support_on", "case__programme_id", "case__entered_on",
        "case__ended_on", "case__victim_service_id", "case__referral__age", "case__referral__police_perpetrator_id"))
    supported = [v for v in victims if v["case__victim_service_id"] and v["engaged_support_on"]]
    return {"equality": _equality(seed, referrals, victims), "disruption": _disruption(seed, cases, today),
            "victim_outcomes": _victim_outcomes(seed, supported, today)}
