"""Screening a referral against its programme's eligibility rules, each result in words.

The rules are rows (`EligibilityRule`): a kind from a fixed vocabulary and its parameters.
`screen` is pure: give it the rules and the referral's facts; every rule answers met, not met
or not known, with a sentence such as "DASH 15 meets the MARAC threshold (14 or more)".
"""

from dataclasses import dataclass, field
from datetime import date

MET, NOT_MET, NOT_KNOWN = "met", "not_met", "not_known"
ELIGIBLE, NOT_ELIGIBLE, NEEDS_INFORMATION = "eligible", "not_eligible", "needs_information"


@dataclass(frozen=True)
class Facts:
    on: date
    dash_score: int | None = None
    marac_criteria_met: bool | None = None
    matac_checked: bool = False
    matac_rank: int | None = None
    needs_checked: bool = False
    complex_needs: tuple[str, ...] = ()
    area: str | None = None
    programme_areas: tuple[str, ...] = ()
    age: int | None = None
    caution_type: str = ""
    history_checked: bool = False
    previous_da_sanction_on: date | None = None
    offence: str = ""
    offence_names: dict = field(default_factory=dict)


@dataclass(frozen=True)
class RuleResult:
    kind: str
    outcome: str
    explanation: str


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _dash_below(p, f):
    t = int(p.get("threshold", 14))
    if f.dash_score is None:
        return NOT_KNOWN, "no DASH score recorded"
    if f.dash_score < t:
        return MET, f"DASH {f.dash_score} is below the MARAC threshold ({t} or more)"
    return NOT_MET, f"DASH {f.dash_score} meets the MARAC threshold ({t} or more)"


def _dash_at_least(p, f):
    t = int(p.get("threshold", 14))
    if f.dash_score is None:
        return NOT_KNOWN, "no DASH score recorded"
    if f.dash_score >= t:
        return MET, f"DASH {f.dash_score} is at or above {t}"
    return NOT_MET, f"DASH {f.dash_score} is below {t}"


def _marac_not_met(p, f):
    if f.marac_criteria_met is None:
        return NOT_KNOWN, "not known whether MARAC criteria are met"
    return (NOT_MET, "MARAC criteria are met") if f.marac_criteria_met else (MET, "MARAC criteria are not met")


def _marac_met(p, f):
    if f.marac_criteria_met is None:
        return NOT_KNOWN, "not known whether MARAC criteria are met"
    return (MET, "MARAC criteria are met") if f.marac_criteria_met else (NOT_MET, "MARAC criteria are not met")


def _outside_matac(p, f):
    n = int(p.get("n", 20))
    if not f.matac_checked:
        return NOT_KNOWN, "the area's MATAC list has not been checked"
    if f.matac_rank is None:
        return MET, f"not on the area's MATAC list, so outside the top {n}"
    if f.matac_rank > n:
        return MET, f"ranked {_ordinal(f.matac_rank)} on the area's MATAC list, outside the top {n}"
    return NOT_MET, f"ranked {_ordinal(f.matac_rank)} on the area's MATAC list, inside the top {n}"


def _inside_matac(p, f):
    met, explanation = _outside_matac(p, f)
    return {MET: NOT_MET, NOT_MET: MET}.get(met, met), explanation


def _complex_needs(p, f):
    minimum = int(p.get("minimum", 1))
    if not f.needs_checked:
        return NOT_KNOWN, "needs have not been assessed"
    count = len(f.complex_needs)
    listed = f" ({', '.join(f.complex_needs)})" if f.complex_needs else ""
    if count >= minimum:
        return MET, f"{count} complex unmet need{'s' if count != 1 else ''}{listed}; at least {minimum} required"
    return NOT_MET, f"{count} complex unmet need{'s' if count != 1 else ''}{listed}; at least {minimum} required"


def _in_area(p, f):
    if not f.area:
        return NOT_KNOWN, "where he lives is not recorded"
    if f.area in f.programme_areas:
        return MET, f"lives in {f.area}, one of the programme's areas"
    return NOT_MET, f"lives in {f.area}, outside the programme's areas ({', '.join(f.programme_areas) or 'none set'})"


def _age_at_least(p, f):
    years = int(p.get("years", 18))
    if f.age is None:
        return NOT_KNOWN, "age not recorded"
    if f.age >= years:
        return MET, f"aged {f.age}, at least {years}"
    return NOT_MET, f"aged {f.age}, under {years}"


def _caution_type(p, f):
    allowed = list(p.get("types", []))
    names = {"conditional": "conditional caution", "diversionary": "diversionary caution",
             "simple": "simple caution", "none": "no caution"}
    allowed_words = " or ".join(names.get(t, t) for t in allowed)
    if not f.caution_type:
        return NOT_KNOWN, "caution type not recorded"
    if f.caution_type in allowed:
        return MET, f"{names.get(f.caution_type, f.caution_type)}, as required ({allowed_words})"
    return NOT_MET, f"{names.get(f.caution_type, f.caution_type)}; requires {allowed_words}"


def _no_recent_sanction(p, f):
    years = int(p.get("years", 2))
    if not f.history_checked:
        return NOT_KNOWN, "criminal history not checked"
    if f.previous_da_sanction_on is None:
        return MET, "no previous domestic abuse caution or conviction"
    since = _years_before(f.on, years)
    when = f"{f.previous_da_sanction_on:%d %b %Y}".lstrip("0")
    if f.previous_da_sanction_on > since:
        return NOT_MET, f"domestic abuse caution or conviction on {when}, within {years} years"
    return MET, f"last domestic abuse caution or conviction on {when}, more than {years} years ago"


def _offence_in(p, f):
    codes = list(p.get("codes", []))
    if not f.offence:
        return NOT_KNOWN, "offence not recorded"
    name = f.offence_names.get(f.offence, f.offence)
    if f.offence in codes:
        return MET, f"offence {name} is in the allowed list"
    return NOT_MET, f"offence {name} is not in the allowed list ({', '.join(codes)})"


RULES = {
    "dash_below": _dash_below, "dash_at_least": _dash_at_least, "marac_not_met": _marac_not_met,
    "marac_met": _marac_met, "outside_matac_top": _outside_matac, "inside_matac_top": _inside_matac,
    "complex_needs": _complex_needs, "in_programme_area": _in_area, "age_at_least": _age_at_least,
    "caution_type": _caution_type, "no_recent_da_sanction": _no_recent_sanction, "offence_in": _offence_in,
}


@dataclass(frozen=True)
class Screening:
    outcome: str
    results: list[RuleResult]

    @property
    def summary(self) -> str:
        """One sentence: "not eligible: DASH 15 meets the MARAC threshold (14 or more)"."""
        if self.outcome == ELIGIBLE:
            return "eligible: " + "; ".join(r.explanation for r in self.results) if self.results else \
                "eligible: the programme sets no rules"
        wanted = NOT_MET if self.outcome == NOT_ELIGIBLE else NOT_KNOWN
        words = "not eligible" if self.outcome == NOT_ELIGIBLE else "more information needed"
        return f"{words}: " + "; ".join(r.explanation for r in self.results if r.outcome == wanted)

    def as_dict(self) -> dict:
        return {"outcome": self.outcome, "summary": self.summary,
                "results": [{"kind": r.kind, "outcome": r.outcome, "explanation": r.explanation}
                            for r in self.results]}


def screen(rules: list[tuple[str, dict]], facts: Facts) -> Screening:
    """Evaluate `rules` ((kind, parameters) in order) against `facts`.

    Not eligible when any rule is not met; otherwise more information needed when any is not
    known; otherwise eligible.
    """
    results = []
    for kind, parameters in rules:
        outcome, explanation = RULES[kind](parameters or {}, facts)
        results.append(RuleResult(kind, outcome, explanation))
    outcomes = {r.outcome for r in results}
    overall = NOT_ELIGIBLE if NOT_MET in outcomes else NEEDS_INFORMATION if NOT_KNOWN in outcomes else ELIGIBLE
    return Screening(overall, results)
