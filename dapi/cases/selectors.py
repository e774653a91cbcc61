"""Reads for case pages and aggregates. Everything starts from an access.py queryset."""

from collections import Counter, defaultdict
from datetime import datetime

from django.db.models import Count, Q

from dapi.lib.aggregates import remembered

from . import access
from .models import Case, CaseMember, CaseStatus, MemberRole, Referral, ReferralStatus, RiskAssessment, Side


def latest_grades(case: Case) -> dict[int, RiskAssessment]:
    """The latest DASH of each victim of the case, by member id (grade and score are shared)."""
    latest = {}
    for assessment in case.risk_assessments.order_by("assessed_on", "pk"):
        latest[assessment.member_id] = assessment
    return latest


def case_page(user, case: Case) -> dict:
    """What `user` may see of one case, already split by the barrier."""
    sides = access.sides_for(user, case)
    victim_side = Side.VICTIM in sides
    grades = latest_grades(case)
    members = []
    for member in access.member_list_for(user, case):
        members.append({"member": member, "latest": grades.get(member.pk)})
    timeline = [{"on": change.on, "title": f"{change.get_to_status_display()}", "by": change.by,
                 "text": change.reason if Side.PERPETRATOR in sides else ""}
                for change in case.status_changes.select_related("by")]
    contacts = list(access.contact_list_for(user, case))
    for contact in contacts:
        timeline.append({"on": contact.on, "title": f"{contact.get_kind_display()}: {contact.get_attendance_display()}",
                         "by": contact.worker, "text": contact.notes,
                         "side": contact.get_side_display(), "member": contact.member})
    timeline.sort(key=lambda item: item["on"], reverse=True)
    return {
        "case": case, "sides": sides, "victim_side": victim_side,
        "perpetrator_side": Side.PERPETRATOR in sides, "members": members,
        "assignments": case.assignments.select_related("worker").order_by("ended_on", "side", "role"),
        "needs": case.needs.select_related("kind"), "goals": case.goals.all(), "timeline": timeline,
        "assessments": access.risk_assessment_list_for(user, case),
        "children": sum(1 for m in members if m["member"].role == MemberRole.CHILD),
        "can_assign_perpetrator": access.can_assign_workers(user, case, Side.PERPETRATOR),
        "can_assign_victim": access.can_assign_workers(user, case, Side.VICTIM),
    }


def caseload(user, *, status: str = "", programme=None):
    cases = access.case_list_for(user)
    if status:
        cases = cases.filter(status=status)
    if programme is not None:
        cases = cases.filter(programme=programme)
    return cases.order_by("status", "-referred_on", "pk")


def caseload_summary(user) -> dict:
    """Counts for the worker's home page: open cases by status and referrals waiting."""
    cases = access.case_list_for(user)
    by_status = Counter(cases.values_list("status", flat=True))
    return {"open": [(CaseStatus(s).label, by_status.get(s, 0)) for s in (
                CaseStatus.REFERRED, CaseStatus.ASSESSMENT, CaseStatus.ACTIVE)],
            "total_open": sum(by_status.get(s, 0) for s in (CaseStatus.REFERRED, CaseStatus.ASSESSMENT,
                                                             CaseStatus.ACTIVE)),
            "referrals_waiting": access.referral_list_for(user).filter(
                status=ReferralStatus.RECEIVED, provider__in=access.managed_orgs(user)).count()}


def programme_aggregates(programmes) -> list[dict]:
    """Counts only, for commissioners: cases by status, referrals by outcome, victims offered and
    engaged with support, children. No case is named."""
    programmes = list(programmes)
    return _aggregate_rows(programmes, _programme_counts([p.pk for p in programmes]))


def programme_aggregates_kept(programmes) -> tuple[list[dict], datetime]:
    """`programme_aggregates` counted at most DAPI_AGGREGATE_CACHE_SECONDS ago (a page for
    commissioners; at 100,000 cases a count takes about 0.13 s), and when it was counted."""
    programmes = list(programmes)
    ids = sorted(p.pk for p in programmes)
    counts, counted_at = remembered("case-aggregates:" + ",".join(map(str, ids)), lambda: _programme_counts(ids))
    return _aggregate_rows(programmes, counts), counted_at


def _programme_counts(ids: list[int]) -> dict:
    """Plain numbers by programme id, so they can be kept (dapi.lib.aggregates)."""
    by_status = defaultdict(dict)
    for row in Case.objects.filter(programme__in=ids).order_by().values("programme", "status").annotate(n=Count("pk")):
        by_status[row["programme"]][row["status"]] = row["n"]
    referrals = defaultdict(dict)
    for row in Referral.objects.filter(programme__in=ids).order_by().values("programme", "status").annotate(
            n=Count("pk")):
        referrals[row["programme"]][row["status"]] = row["n"]
    victims = {row.pop("case__programme"): row for row in CaseMember.objects.filter(
        case__programme__in=ids).order_by().values("case__programme").annotate(
        victims=Count("pk", filter=Q(role=MemberRole.VICTIM)),
        offered=Count("pk", filter=Q(role=MemberRole.VICTIM, offered_support_on__isnull=False)),
        engaged=Count("pk", filter=Q(role=MemberRole.VICTIM, engaged_support_on__isnull=False)),
        children=Count("pk", filter=Q(role=MemberRole.CHILD)))}
    return {"by_status": dict(by_status), "referrals": dict(referrals), "victims": victims}


def _aggregate_rows(programmes, counts: dict) -> list[dict]:
    rows = []
    for programme in programmes:
        statuses = counts["by_status"].get(programme.pk, {})
        referrals = counts["referrals"].get(programme.pk, {})
        v = counts["victims"].get(programme.pk, {})
        rows.append({
            "programme": programme,
            "statuses": [(s.label, statuses.get(s.value, 0)) for s in CaseStatus],
            "cases": sum(statuses.values()),
            "referrals": sum(referrals.values()),
            "accepted": referrals.get(ReferralStatus.ACCEPTED, 0),
            "declined": referrals.get(ReferralStatus.DECLINED, 0),
            "victims": v.get("victims", 0), "offered": v.get("offered", 0), "engaged": v.get("engaged", 0),
            "children": v.get("children", 0),
        })
    return rows
