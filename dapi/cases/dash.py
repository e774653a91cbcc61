"""The DASH risk identification checklist and the MARAC referral criteria (DOMAIN.md §5).

Answers are stored by item number; the labels below are our own short topic names, never
the licensed question wording. Pure functions: no database, easy to test by hand.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

YES, NO, NOT_KNOWN = "yes", "no", "not_known"
ANSWERS = (YES, NO, NOT_KNOWN)

# Numbered as the published checklist numbers them (DOMAIN.md §5). Until issue 17 the product had
# its own list, without item 3 and with "harm to others" split in two; migration 0005 renumbered
# the answers stored under it.
DASH_ITEMS = {
    1: "Injury", 2: "Very frightened", 3: "What she is afraid of", 4: "Isolation",
    5: "Depression or suicidal thoughts", 6: "Separation", 7: "Conflict over child contact",
    8: "Stalking and harassment", 9: "Pregnancy or recent birth", 10: "Abuse happening more often",
    11: "Abuse getting worse", 12: "Jealousy and control", 13: "Weapons", 14: "Threats to kill",
    15: "Strangulation, choking or suffocation", 16: "Sexual abuse", 17: "Threats from others",
    18: "Harm to others (children, relatives, strangers, previous partners)", 19: "Harm to animals",
    20: "Financial problems", 21: "Substance misuse or mental health problems", 22: "Threats or attempts of suicide",
    23: "Breaching bail or orders", 24: "Criminal history",
}

STANDARD, MEDIUM, HIGH = "standard", "medium", "high"
GRADE_ORDER = (STANDARD, MEDIUM, HIGH)
HIGH_FROM, MEDIUM_FROM = 14, 10


@dataclass(frozen=True)
class MaracRules:
    """Escalation: `events` domestic abuse events within `days`; repeat: a new incident within
    `repeat_days` of the last MARAC referral."""

    events: int = 3
    days: int = 365
    repeat_days: int = 365


@dataclass(frozen=True)
class DashResult:
    score: int
    computed_grade: str
    grade: str
    marac_referral: bool
    marac_reasons: list[str] = field(default_factory=list)


class DashError(ValueError):
    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def validate_answers(answers: dict) -> dict[str, str]:
    """Every one of the 24 items answered yes, no or not known; keys are item numbers as strings."""
    if not isinstance(answers, dict):
        return {"answers": "Give the answers as item number (1 to 24) to yes, no or not_known."}
    errors = {}
    keys = {str(k): k for k in answers}
    missing = [n for n in DASH_ITEMS if str(n) not in answers]
    if missing:
        errors["answers"] = f"Answer every item; missing: {', '.join(map(str, missing))}."
    unknown_items = sorted(set(keys) - {str(n) for n in DASH_ITEMS})
    if unknown_items:
        errors["items"] = f"There are 24 items, numbered 1 to 24; not {', '.join(unknown_items)}."
    bad = [str(k) for k, v in answers.items() if not isinstance(v, str) or v not in ANSWERS]
    if bad:
        items = ", ".join(sorted(bad, key=lambda k: int(k) if k.isdigit() else 0))
        errors["values"] = f"Items {items}: answer yes, no or not known."
    return errors


def grade_for(score: int) -> str:
    if score >= HIGH_FROM:
        return HIGH
    if score >= MEDIUM_FROM:
        return MEDIUM
    return STANDARD


def assess(
    answers: dict,
    *,
    judgement_grade: str = "",
    judgement_reason: str = "",
    incident_on: date | None = None,
    da_event_dates: list[date] = (),
    police_incident_dates: list[date] = (),
    last_marac_referral_on: date | None = None,
    marac_listing_dates: list[date] = (),
    rules: MaracRules = MaracRules(),
) -> DashResult:
    """Score, grade and MARAC decision for one completed checklist.

    Professional judgement may raise the grade, never lower it, and needs a reason.
    MARAC referral when 14+ yes, or professional judgement, or escalation (`rules.events`
    DA events within `rules.days` up to the incident: `da_event_dates` and the police incidents
    naming her, `police_incident_dates`, one event per day), or a new incident within
    `rules.repeat_days` of the last MARAC referral: the later of `last_marac_referral_on` (a DASH of
    hers that met the criteria) and her latest MARAC listing before the incident
    (`marac_listing_dates`, the meeting days; a listing does not record the day she was referred).
    """
    errors = validate_answers(answers)
    if judgement_grade and judgement_grade not in GRADE_ORDER:
        errors["judgement_grade"] = "Choose standard, medium or high."
    if judgement_grade and not judgement_reason.strip():
        errors["judgement_reason"] = "Give the reason for your professional judgement."
    if errors:
        raise DashError(errors)
    score = sum(1 for v in answers.values() if v == YES)
    computed = grade_for(score)
    if judgement_grade and GRADE_ORDER.index(judgement_grade) < GRADE_ORDER.index(computed):
        raise DashError({"judgement_grade": f"Professional judgement may raise the grade, never lower it: "
                                            f"the checklist gives {computed} ({score} yes)."})
    grade = judgement_grade or computed
    reasons = []
    if score >= HIGH_FROM:
        reasons.append(f"{score} 'yes' answers: visible high risk (14 or more)")
    if judgement_grade == HIGH and computed != HIGH:
        reasons.append("professional judgement: high risk")
    if incident_on is not None:
        window_start = incident_on - timedelta(days=rules.days - 1)
        recent = {d for d in da_event_dates if window_start <= d <= incident_on}
        police = {d for d in police_incident_dates if window_start <= d <= incident_on}
        if len(recent | police) >= rules.events:
            reasons.append(escalation_reason(len(recent | police), len(police - recent), len(police), rules))
        last = last_marac_event(last_marac_referral_on, marac_listing_dates, before=incident_on)
        if last and incident_on <= last[0] + timedelta(days=rules.repeat_days):
            reasons.append(f"repeat: a new incident within {rules.repeat_days} days of {last[1]} "
                           f"of {last[0]:%d %b %Y}")
    return DashResult(score=score, computed_grade=computed, grade=grade, marac_referral=bool(reasons),
                      marac_reasons=reasons)


def escalation_reason(events: int, police_only: int, police: int, rules: MaracRules) -> str:
    """Why escalation is met, saying where police incidents made it: all of the events police
    incidents ("3 police incidents in 365 days"), some of them, or none (as before police data)."""
    if police_only == 0:
        return f"escalation: {events} domestic abuse events in {rules.days} days ({rules.events} or more)"
    if police == events:
        return (f"escalation: {events} police incidents in {rules.days} days ({rules.events} or more domestic "
                f"abuse events)")
    return (f"escalation: {events} domestic abuse events in {rules.days} days ({rules.events} or more), "
            f"{police} of them police incidents")


DASH_REFERRAL, LISTING = "DASH referral", "MARAC listing"


def last_marac_event(referral_on: date | None, listing_dates, *, before: date) -> tuple[date, str] | None:
    """Her last MARAC referral strictly before `before`, with its source: "the MARAC referral" (a
    DASH that met the criteria) or "her MARAC listing" (a meeting that heard her). On the same day
    the DASH referral is named."""
    events = [(d, 1, "her MARAC listing") for d in listing_dates if d < before]
    if referral_on and referral_on < before:
        events.append((referral_on, 2, "the MARAC referral"))
    if not events:
        return None
    on, _, source = max(events)
    return on, source


@dataclass(frozen=True)
class RepeatMarac:
    """Two of her MARAC referrals within `days` of each other: the first pair found, with sources."""

    first: tuple[date, str]
    second: tuple[date, str]

    def __str__(self) -> str:
        (a, a_source), (b, b_source) = self.first, self.second
        return f"{a_source} of {a.day} {a:%b %Y}, then {b_source} of {b.day} {b:%b %Y}"


def repeat_marac(referral_dates, listing_dates, *, days: int = 365, hearing_days: int = 56) -> RepeatMarac | None:
    """Whether she was referred to MARAC again within `days` of an earlier referral (DOMAIN.md §7),
    counting both what the product records: DASH assessments that met the criteria (the day referred)
    and MARAC listings of her (the meeting day). A listing at most `hearing_days` after a DASH referral
    not yet heard is that referral's hearing, not a referral of its own (MARAC meets about monthly, so
    a referral is heard at the next meeting or the one after); any other listing stands for a referral
    the product did not record (by the police, say). Pure: dates in, the first repeat found out."""
    events = sorted([(d, 0, DASH_REFERRAL) for d in referral_dates] + [(d, 1, LISTING) for d in listing_dates])
    referrals: list[tuple[date, str]] = []
    unheard: date | None = None
    for on, _, source in events:
        if source == LISTING and unheard is not None and on - unheard <= timedelta(days=hearing_days):
            unheard = None
            continue
        if source == DASH_REFERRAL:
            unheard = on
        referrals.append((on, source))
    for first, second in zip(referrals, referrals[1:]):
        if second[0] - first[0] <= timedelta(days=days):
            return RepeatMarac(first=first, second=second)
    return None
