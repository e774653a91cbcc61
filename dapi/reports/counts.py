"""Counts about one programme's referrals, cases, victims and risk outcomes for one period.

Every count is split by group, (area of the referral, provider), so a dashboard's area and
provider filters are sums over groups: one counting serves every filter, and it can be kept for
a few minutes (`dapi.lib.aggregates`). Counted in the database, down to one row per victim for the
risk outcomes. At 100,000 cases, loading the model instances took several seconds per dashboard
(bench/RESULTS.md).
"""

from collections import Counter, defaultdict
from datetime import date

from django.db.models import Case as DbCase
from django.db.models import CharField, Count, Exists, F, OuterRef, Q, Value, When, Window
from django.db.models.expressions import RowRange
from django.db.models.functions import FirstValue, LastValue, RowNumber

from dapi.cases import dash
from dapi.cases.forums.models import ForumListing
from dapi.cases.models import (
    Attendance, Case, CaseMember, CaseStatus, Contact, ContactKind, DisruptionAction, MemberRole, Referral,
    RiskAssessment, Side,
)

GRADE_ORDER = {"standard": 0, "medium": 1, "high": 2}
REPEAT_MARAC_DAYS = 365
MARAC = "MARAC"
NOT_RECORDED = "not_recorded"


def programme_counts(programme_id: int, start: date, end: date) -> dict[str, Counter]:
    """Counters keyed by (area id, provider id, label); the label is a status, a grade change
    ("lower", "same", "higher") or "" where a count has none.

    - referrals (by status) and eligible: referrals received in the period, by their own area and provider;
    - cases (by status at the period's end: a case ended after it counts as active) and engaged: cases
      open at some time in the period, by their referral's area and their provider;
    - victims, offered, engaged_victims, children: people linked to those cases;
    - grade_changes and repeat_marac: victims of the programme's cases of any date, from their DASH
      assessments up to the period's end;
    - disruption: disruption and protective actions taken in the period about the perpetrators of the
      programme's cases, labelled "<kind>:before" (he had not entered the programme that day) or
      "<kind>:after" (on or after the day he entered);
    - exits: cases that ended in the period, by their coded exit reason ("not_recorded" for none).
    """
    counts = {name: Counter() for name in ("referrals", "eligible", "cases", "engaged", "victims", "offered",
                                           "engaged_victims", "children", "grade_changes", "repeat_marac",
                                           "disruption", "exits")}
    referrals = Referral.objects.filter(programme_id=programme_id, received_on__range=(start, end)).order_by()
    for area, provider, status, eligible, n in referrals.values_list("area", "provider", "status").annotate(
            eligible=Count("pk", filter=Q(screening__outcome="eligible")), n=Count("pk")):
        counts["referrals"][(area, provider, status)] += n
        counts["eligible"][(area, provider, "")] += eligible

    in_period = Q(referred_on__lte=end) & (Q(ended_on__isnull=True) | Q(ended_on__gte=start))
    at_end = DbCase(When(ended_on__gt=end, then=Value(CaseStatus.ACTIVE)), default=F("status"),
                    output_field=CharField())
    session = Contact.objects.filter(case=OuterRef("pk"), side=Side.PERPETRATOR, attendance=Attendance.ATTENDED) \
        .exclude(kind=ContactKind.ASSESSMENT)
    cases = Case.objects.filter(in_period, programme_id=programme_id).order_by().annotate(
        at_end=at_end, had_session=Exists(session))
    for area, provider, status, engaged, n in cases.values_list("referral__area", "provider", "at_end").annotate(
            engaged=Count("pk", filter=Q(assessment_on__isnull=False, had_session=True)), n=Count("pk")):
        counts["cases"][(area, provider, status)] += n
        counts["engaged"][(area, provider, "")] += engaged

    victim = Q(role=MemberRole.VICTIM)
    members = CaseMember.objects.filter(Q(case__programme_id=programme_id), Q(case__referred_on__lte=end),
                                        Q(case__ended_on__isnull=True) | Q(case__ended_on__gte=start)).order_by()
    for area, provider, victims, offered, engaged, children in members.values_list(
            "case__referral__area", "case__provider").annotate(
            victims=Count("pk", filter=victim), offered=Count("pk", filter=victim & Q(offered_support_on__lte=end)),
            engaged=Count("pk", filter=victim & Q(engaged_support_on__lte=end)),
            children=Count("pk", filter=Q(role=MemberRole.CHILD))):
        for name, n in (("victims", victims), ("offered", offered), ("engaged_victims", engaged),
                        ("children", children)):
            counts[name][(area, provider, "")] += n

    ended = Case.objects.filter(programme_id=programme_id, ended_on__range=(start, end)).order_by()
    for area, provider, code, n in ended.values_list("referral__area", "provider", "exit_reason").annotate(
            n=Count("pk")):
        counts["exits"][(area, provider, code or NOT_RECORDED)] += n

    _risk_outcomes(counts, programme_id, end)

    actions = DisruptionAction.objects.filter(case__programme_id=programme_id, taken_on__range=(start, end)).order_by()
    after = Q(case__entered_on__isnull=False, taken_on__gte=F("case__entered_on"))
    for area, provider, kind, n_after, n in actions.values_list("case__referral__area", "case__provider", "kind") \
            .annotate(n_after=Count("pk", filter=after), n=Count("pk")):
        counts["disruption"][(area, provider, f"{kind}:after")] += n_after
        counts["disruption"][(area, provider, f"{kind}:before")] += n - n_after
    return counts


def _risk_outcomes(counts: dict[str, Counter], programme_id: int, end: date) -> None:
    """Each victim assessed at least twice: her first and latest grade (standard < medium < high);
    and whether two of her MARAC referrals came within 365 days, counting both her DASH referrals (the day
    referred, or assessed) and her MARAC listings on the programme's cases (`dash.repeat_marac`: a listing
    that is the hearing of a DASH referral is not a second referral).
    The first and latest grades come from window functions, one row per victim; the MARAC
    referrals, a few of the assessments, are read in order."""
    assessments = RiskAssessment.objects.filter(case__programme_id=programme_id, assessed_on__lte=end)
    by_victim = {"partition_by": [F("member_id")], "order_by": [F("assessed_on").asc(), F("pk").asc()]}
    firsts = assessments.annotate(
        first=Window(FirstValue("grade"), **by_victim),
        last=Window(LastValue("grade"), frame=RowRange(start=None, end=None), **by_victim),
        n=Window(Count("pk"), partition_by=[F("member_id")]),
        k=Window(RowNumber(), **by_victim),
    ).filter(k=1, n__gte=2)
    for area, provider, first, last in firsts.values_list("case__referral__area", "case__provider", "first", "last"):
        first, last = GRADE_ORDER[first], GRADE_ORDER[last]
        change = "lower" if last < first else "higher" if last > first else "same"
        counts["grade_changes"][(area, provider, change)] += 1
    referrals = assessments.filter(marac_referral=True).order_by().values_list(
        "member_id", "case__referral__area", "case__provider", "marac_referred_on", "assessed_on")
    listings = ForumListing.objects.filter(case__programme_id=programme_id, forum__code=MARAC, member__isnull=False,
                                           meeting_on__lte=end).order_by().values_list(
        "member_id", "case__referral__area", "case__provider", "meeting_on")
    victims = defaultdict(lambda: ([], []))
    groups = {}
    for member, area, provider, referred_on, assessed_on in referrals:
        victims[member][0].append(referred_on or assessed_on)
        groups[member] = (area, provider)
    for member, area, provider, meeting_on in listings:
        victims[member][1].append(meeting_on)
        groups[member] = (area, provider)
    for member, (referred, listed) in victims.items():
        if dash.repeat_marac(referred, listed, days=REPEAT_MARAC_DAYS):
            counts["repeat_marac"][(*groups[member], "")] += 1


def total(counter: Counter, areas: set | None = None, provider_id: int | None = None, label: str = "") -> int:
    """The sum of the groups inside the filter: `areas` (ids; None for any) and `provider_id`."""
    return sum(n for (area, provider, key), n in counter.items()
               if key == label and (areas is None or area in areas)
               and (provider_id is None or provider == provider_id))
