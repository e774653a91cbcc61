"""Reads for case, victim and referral pages and for aggregates. Everything starts from an access.py
queryset, and the booleans that show or hide a page's buttons and links come from access.py too."""

from collections import Counter, defaultdict
from datetime import date, datetime

from django.db.models import Count, Q, QuerySet

from dapi.accounts.models import User
from dapi.funding.access import programme_list_for
from dapi.funding.models import Programme
from dapi.lib.aggregates import recounted_every, remembered

from . import access, dash
from .cara.selectors import case_cara_context
from .assessment.selectors import case_assessment_context
from .disruption.selectors import case_disruption_context
from .forums.selectors import case_forum_context
from .identities.selectors import identities_of, identities_on_cases, identities_on_referrals
from .models import (
    Case, CaseMember, CaseStatus, DashDraft, IdentifyingDetails, MemberRole, Person, Referral, ReferralStatus, RiskAssessment,
    Side, WorkerRole,
)
from .models.cases import ENDED, WORKER_SIDES
from .services.cases import WORKER_ROLE_NEEDED


def latest_grades(case: Case) -> dict[int, RiskAssessment]:
    """The latest DASH of each victim of the case, by member id (grade and score are shared)."""
    latest = {}
    for assessment in case.risk_assessments.order_by("assessed_on", "pk"):
        latest[assessment.member_id] = assessment
    return latest


def repeat_marac_of(case: Case, assessments) -> dict[int, dash.RepeatMarac]:
    """Each victim of the case referred to MARAC again within 365 days (DOMAIN.md §7), by member id,
    from both her DASH referrals on this case and her MARAC listings on it, with the two referrals and
    their sources (`dash.repeat_marac`)."""
    referred, listed = defaultdict(list), defaultdict(list)
    for a in assessments:
        if a.marac_referral:
            referred[a.member_id].append(a.marac_referred_on or a.assessed_on)
    for member_id, on in case.forum_listings.filter(forum__code="MARAC", member__isnull=False).values_list(
            "member_id", "meeting_on"):
        listed[member_id].append(on)
    repeats = {m: dash.repeat_marac(referred[m], listed[m]) for m in set(referred) | set(listed)}
    return {m: r for m, r in repeats.items() if r}


def case_page(user, case: Case) -> dict:
    """What `user` may see of one case, already split by the barrier, with its forum and CARA
    sections and which of its links and buttons `user` may use."""
    sides = access.sides_for(user, case)
    victim_side = Side.VICTIM in sides
    assessments = list(case.risk_assessments.order_by("assessed_on", "pk"))
    grades = {a.member_id: a for a in assessments}
    repeats = repeat_marac_of(case, assessments)
    members = []
    linked = list(access.member_list_for(user, case))
    for member in linked:
        members.append({"member": member, "latest": grades.get(member.pk), "repeat_marac": repeats.get(member.pk)})
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
        "names": identities_on_cases(user, [case], members=linked),
        "perpetrator_side": Side.PERPETRATOR in sides, "members": members,
        "assignments": case.assignments.select_related("worker").order_by("ended_on", "side", "role"),
        "needs": case.needs.select_related("kind"), "goals": case.goals.all(), "timeline": timeline,
        "assessments": access.risk_assessment_list_for(user, case),
        "children": sum(1 for m in members if m["member"].role == MemberRole.CHILD),
        "can_assign_perpetrator": access.can_assign_workers(user, case, Side.PERPETRATOR),
        "can_assign_victim": access.can_assign_workers(user, case, Side.VICTIM),
        "can_see_referral": bool(case.referral_id) and access.referral_list_for(user).filter(
            pk=case.referral_id).exists(),
        "forums": case_forum_context(user, case),
        "cara": case_cara_context(user, case),
        "disruption": case_disruption_context(user, case),
        "assessment": case_assessment_context(user, case),
    }


def victim_page(user, case: Case, member: CaseMember) -> dict:
    """Her record (`member` from `access.victim_record_get_for`): details, safety plans, her
    contacts with partner support and her DASH assessments."""
    return {
        "case": case, "member": member, "details": access.identifying_details_for(user, case, member.person),
        "plans": access.safety_plan_list_for(user, member),
        "contacts": access.contact_list_for(user, case).filter(member=member, side=Side.VICTIM),
        "assessments": member.risk_assessments.select_related("assessor"),
        "dash_draft": dash_draft_of(member),
    }


def dash_draft_of(member: CaseMember) -> DashDraft | None:
    """Her DASH draft, if one was saved (`member` from `access.victim_record_get_for`: victim side)."""
    return DashDraft.objects.filter(member=member).select_related("assessor").first()


def dash_form_initial(draft: DashDraft | None, today) -> dict:
    """What the DASH form starts with: the draft's answers and dates, or today as the date assessed."""
    if draft is None:
        return {"assessed_on": today}
    return {"assessed_on": draft.assessed_on or today, "incident_on": draft.incident_on,
            "judgement_grade": draft.judgement_grade, "judgement_reason": draft.judgement_reason,
            **{f"item_{n}": v for n, v in draft.answers.items()}}


def person_search(user, text: str, limit: int = 20) -> list[tuple[Person, Case]]:
    """People on cases `user` may see whose reference matches `text`, or whose name matches it
    where `user` may read that person's identifying details. A name on the far side of the
    barrier never matches, so a search cannot confirm that someone is known. NUL characters, which
    no stored text holds and PostgreSQL refuses in a query, are dropped (found by fuzzing)."""
    text = (text or "").replace("\x00", "").strip()
    if len(text) < 2:
        return []
    cases = access.case_list_for(user)
    found: list[tuple[Person, Case]] = []
    seen = set()
    for case in cases.filter(perpetrator__reference__icontains=text)[:limit]:
        found.append((case.perpetrator, case))
        seen.add((case.perpetrator_id, case.pk))
    for member in CaseMember.objects.filter(case__in=cases.values("pk"), person__reference__icontains=text) \
            .select_related("person", "case")[:limit]:
        if (member.person_id, member.case_id) not in seen:
            found.append((member.person, member.case))
            seen.add((member.person_id, member.case_id))
    for case in cases.filter(perpetrator__identifying_details__full_name__icontains=text)[:limit]:
        if Side.PERPETRATOR in access.sides_for(user, case) and (case.perpetrator_id, case.pk) not in seen:
            found.append((case.perpetrator, case))
            seen.add((case.perpetrator_id, case.pk))
    for member in CaseMember.objects.filter(case__in=cases.values("pk"),
                                            person__identifying_details__full_name__icontains=text) \
            .select_related("person", "case")[:limit]:
        if Side.VICTIM in access.sides_for(user, member.case) and (member.person_id, member.case_id) not in seen:
            found.append((member.person, member.case))
            seen.add((member.person_id, member.case_id))
    return found[:limit]


def assignment_form_choices(case: Case, side: str) -> dict:
    """Who may be put on `side` of `case` (the active workers of the organisation delivering it
    holding the role that side needs) and in which roles."""
    organisation = case.provider_id if side == Side.PERPETRATOR else case.victim_service_id
    workers = User.objects.filter(memberships__organisation_id=organisation, memberships__role=WORKER_ROLE_NEEDED[side],
                                  is_active=True).distinct().order_by("last_name", "username")
    return {"workers": workers, "roles": [(r.value, r.label) for r in WorkerRole if WORKER_SIDES[r] == side]}


def contact_form_choices(case: Case, side: str) -> dict:
    """Whom a contact on `side` may be with: a victim of the case on the victim side, no one named
    on his side."""
    return {"members": case.members.select_related("person").filter(role=MemberRole.VICTIM)
            if side == Side.VICTIM else None}


def case_aggregates_page(user) -> dict | None:
    """For commissioners and finance officers, the caseload page is the case numbers of the
    programmes they commission, never a case; None for everyone else."""
    if not access.can_see_case_aggregates(user):
        return None
    rows, counted_at = programme_aggregates_kept(programme_list_for(user).order_by("name"))
    return {"rows": rows, "counted_at": counted_at, "recounted_every": recounted_every()}


def caseload_programmes(user) -> QuerySet[Programme]:
    """The programmes of the cases `user` sees: the choices of the caseload's programme filter."""
    return Programme.objects.filter(pk__in=access.case_list_for(user).values("programme"))


def person_search_page(user, text: str) -> dict:
    """The search's results, with the names of those the searcher may see by name."""
    results = person_search(user, text)
    return {"results": results,
            "names": identities_of(user, [(case.pk, case.perpetrator_id, person.pk) for person, case in results])}


def caseload_page(user, cases) -> dict:
    """One page of the caseload with the names of the men on it whom `user` may see by name."""
    return {"cases": cases, "names": identities_on_cases(user, cases)}


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


def referral_list_page(user, status: str, programme: str = "") -> dict:
    """The referrals `user` made or screens (optionally of one status, and of one programme by its
    slug), the programmes they come from, and whether they may refer; those waiting to be screened
    with the referred man's name where `user` may see it (each name shown is an audited read, so
    the long tail of decided referrals keeps its references only)."""
    referrals = access.referral_list_for(user)
    programmes = Programme.objects.filter(pk__in=referrals.values("programme_id")).order_by("name")
    if status in ReferralStatus.values:
        referrals = referrals.filter(status=status)
    if programme:
        referrals = referrals.filter(programme__slug=programme)
    return {"referrals": referrals, "status": status, "statuses": ReferralStatus.choices,
            "programmes": programmes, "programme": programme,
            "names": identities_on_referrals(user, referrals.filter(status=ReferralStatus.RECEIVED)),
            "can_refer": access.can_refer(user)}


def referral_form_choices(user) -> dict:
    """The choices of the referral form: programmes that screen referrals, and the organisations on
    whose behalf `user` refers (404 for someone who may not refer)."""
    return {"programmes": Programme.objects.filter(eligibility_rules__isnull=False).distinct().order_by("name"),
            "referring_orgs": access.organisations_to_refer_for(user)}


def referral_page(user, referral: Referral) -> dict:
    """One referral (`referral` from `access.referral_get_for`): its screening, its case where
    `user` sees it, and whether `user` may accept or decline it now."""
    return {"referral": referral, "screening": referral.screening,
            "names": identities_on_referrals(user, [referral]),
            "can_screen": access.can_screen_referral(user, referral) and referral.status == ReferralStatus.RECEIVED,
            "case": access.case_list_for(user).filter(referral=referral).first()}


def programme_aggregates(programmes) -> list[dict]:
    """Counts only, for commissioners: cases by status, referrals by outcome, victims offered and
    engaged with support, children. No case is named."""
    programmes = list(programmes)
    return _aggregate_rows(programmes, _programme_counts([p.pk for p in programmes]))


def active_cases_by_provider(programme_ids, as_of: date) -> dict[int, list[tuple[int, str, int]]]:
    """Counts only, for the runway's stranded cases (funding reads them through
    `settings.DAPI_ACTIVE_CASES_BY_PROVIDER`): per programme id, (provider id, provider name, count) of
    the cases open on `as_of` (referred on or before it and not ended by then) by the organisation
    delivering them (the perpetrator side). No case or person is named. One query however many
    programmes."""
    ended = Q(ended_on__lte=as_of) | Q(ended_on__isnull=True, status__in=ENDED)
    rows = (Case.objects.filter(programme__in=list(programme_ids), referred_on__lte=as_of).exclude(ended)
            .order_by().values("programme", "provider", "provider__name").annotate(n=Count("pk")))
    counts: dict[int, list[tuple[int, str, int]]] = defaultdict(list)
    for row in rows:
        counts[row["programme"]].append((row["provider"], row["provider__name"], row["n"]))
    return dict(counts)


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


def likely_duplicates(user, person: Person) -> list[Person]:
    """Other people recorded with the same name (ignoring case and spacing) and date of birth as
    `person`, as a warning that they may be one person recorded twice. Only those whose identifying
    details `user` may read are named, so the warning never tells anyone that someone is known
    across the barrier or in another organisation; none when `person` has no name or date of birth."""
    details = IdentifyingDetails.objects.filter(person=person).first()
    name = " ".join((details.full_name if details else "").split())
    if not name or details.date_of_birth is None:
        return []
    same = IdentifyingDetails.objects.filter(date_of_birth=details.date_of_birth).exclude(person=person) \
        .select_related("person")
    return [d.person for d in same if " ".join(d.full_name.split()).casefold() == name.casefold()
            and access.can_set_identifying_details(user, d.person)]
