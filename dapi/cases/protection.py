"""Data protection: retention periods, subject access exports and erasure.

Retention (years, from the event that starts the clock), configurable in settings
`DAPI_RETENTION_YEARS`:
- a case: from the day it ended (completed, disengaged or closed), default 6 years;
- a declined referral (no case): from the day it was declined, default 2 years;
- a person: as soon as no case or referral of theirs remains.
Enforcement deletes through the ORM so each row's deletion is in the audit log (which keeps
pseudonymous references and field names only, never identifying values).
"""

from dataclasses import dataclass
from datetime import date

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.audit.services import acting_as, record_access

from .equality import EQUALITY_FIELDS
from .models import (
    Breach, Case, CaseMember, DashDraft, Erasure, ForumAction, ForumListing, IdentifyingDetails, Person, PlanReview,
    PoliceNotification, Referral, ReferralStatus, RiskPlan, Side, WorkshopBooking,
)
from .disruption.models import VICTIM_SIDE_KINDS
from .models.cases import ENDED

DEFAULT_YEARS = {"case": 6, "declined_referral": 2}


def _years(kind: str) -> int:
    return {**DEFAULT_YEARS, **getattr(settings, "DAPI_RETENTION_YEARS", {})}[kind]


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass
class Due:
    kind: str
    pk: int
    reference: str
    reason: str


def due_for_deletion(today: date) -> list[Due]:
    """What the retention rules delete on `today`, oldest first."""
    due = []
    case_cut = _years_before(today, _years("case"))
    for case in Case.objects.filter(status__in=ENDED, ended_on__lt=case_cut).order_by("ended_on"):
        due.append(Due("case", case.pk, case.reference,
                       f"ended {case.ended_on:%d %b %Y}, more than {_years('case')} years before {today:%d %b %Y}"))
    referral_cut = _years_before(today, _years("declined_referral"))
    for referral in Referral.objects.filter(status=ReferralStatus.DECLINED, decided_on__lt=referral_cut,
                                            case__isnull=True).order_by("decided_on"):
        due.append(Due("declined referral", referral.pk, f"referral {referral.pk}",
                       f"declined {referral.decided_on:%d %b %Y}, more than {_years('declined_referral')} years ago"))
    return due


def _delete_case(case: Case) -> None:
    # Children of the case whose keys PROTECT go first, then the case and everything it cascades to.
    PoliceNotification.objects.filter(case=case).delete()
    Breach.objects.filter(case=case).delete()
    WorkshopBooking.objects.filter(case=case).delete()
    referral = case.referral
    case.delete()
    if referral is not None:
        referral.delete()


def _delete_people_without_records() -> int:
    orphans = Person.objects.filter(referrals__isnull=True, cases_as_perpetrator__isnull=True,
                                    case_memberships__isnull=True)
    count = orphans.count()
    for person in orphans:
        person.delete()
    return count


@transaction.atomic
def enforce_retention(*, today: date, by) -> dict[str, int]:
    """Delete everything due on `today`; all or nothing. Returns counts by kind."""
    due = due_for_deletion(today)
    counts = {"case": 0, "declined referral": 0, "person": 0}
    with acting_as(by):
        for item in due:
            if item.kind == "case":
                _delete_case(Case.objects.get(pk=item.pk))
            else:
                Referral.objects.get(pk=item.pk).delete()
            counts[item.kind] += 1
        counts["person"] = _delete_people_without_records()
    return counts


# -- subject access --------------------------------------------------------------------------------

def _d(value):
    return value.isoformat() if value else None


def subject_access_export(person: Person, *, by) -> dict:
    """Everything held about one person, without anyone else's personal data: a perpetrator's
    export leaves out the victims and children linked to his cases; a victim's leaves out him
    and the other people linked. The read is audited."""
    record_access(person, by=by)
    details = IdentifyingDetails.objects.filter(person=person).first()
    out = {"reference": person.reference, "recorded_by": person.recorded_by.name,
           "recorded_at": person.created_at.isoformat(),
           "identifying_details": None if details is None else {
               "full_name": details.full_name, "date_of_birth": _d(details.date_of_birth), "address": details.address,
               "postcode": details.postcode, "phone": details.phone, "email": details.email,
               "police_person_id": details.police_person_id, "safe_to_contact": details.safe_to_contact,
               "equality": {name: getattr(details, f"get_{name}_display")() for name in EQUALITY_FIELDS}},
           "referrals": [], "cases_as_perpetrator": [], "linked_to_cases": []}
    for r in person.referrals.select_related("programme", "referring_organisation"):
        out["referrals"].append({
            "programme": r.programme.name, "received_on": _d(r.received_on), "source": r.get_source_display(),
            "referring_organisation": r.referring_organisation.name, "reason": r.reason,
            "lawful_basis": r.get_lawful_basis_display(), "screening": r.screening, "status": r.status,
            "decided_on": _d(r.decided_on), "decision_reason": r.decision_reason})
    for case in person.cases_as_perpetrator.select_related("programme", "provider"):
        out["cases_as_perpetrator"].append({
            "case": case.reference, "programme": case.programme.name, "provider": case.provider.name,
            "status": case.status, "referred_on": _d(case.referred_on), "entered_on": _d(case.entered_on),
            "ended_on": _d(case.ended_on), "exit_reason": case.get_exit_reason_display(), "end_reason": case.end_reason,
            "status_history": [{"to": s.to_status, "on": _d(s.on), "reason": s.reason}
                               for s in case.status_changes.all()],
            "sessions": [{"on": _d(c.on), "kind": c.get_kind_display(), "attendance": c.get_attendance_display(),
                          "duration_minutes": c.duration_minutes, "notes": c.notes}
                         for c in case.contacts.filter(side=Side.PERPETRATOR)],
            "needs": [{"need": n.kind.name, "status": n.get_status_display()} for n in case.needs.select_related("kind")],
            "goals": [{"goal": g.description, "status": g.get_status_display()} for g in case.goals.all()],
            "forums": [{"forum": fl.forum.code, "meeting_on": _d(fl.meeting_on)}
                       for fl in case.forum_listings.filter(member__isnull=True).select_related("forum")],
            # A Clare's Law disclosure is hers (disruption/models.py): his copy never says she asked or was told.
            "disruption_actions": [{"kind": a.get_kind_display(), "taken_on": _d(a.taken_on), "agency": a.agency.name}
                                   for a in case.disruption_actions.exclude(kind__in=VICTIM_SIDE_KINDS)
                                   .select_related("agency")],
            "assessments": [{"kind": a.kind, "assessed_on": _d(a.assessed_on), "answers": a.answers, "total": a.total,
                             "summary": a.summary} for a in case.perpetrator_assessments.all()],
            "risk_plan_reviews": [{"reviewed_on": _d(r.reviewed_on), "risks": r.risks, "actions": r.actions,
                                   "next_review_on": _d(r.next_review_on), "note": r.note}
                                  for r in PlanReview.objects.filter(plan__case=case)],
            "workshops": [{"part": b.workshop.part, "on": _d(b.workshop.starts_at.date()), "status": b.status}
                          for b in case.workshop_bookings.select_related("workshop")],
        })
    for member in person.case_memberships.select_related("case__programme"):
        out["linked_to_cases"].append({
            "case": member.case.reference, "programme": member.case.programme.name, "role": member.role,
            "relationship": member.relationship, "safety_flags": member.safety_flags,
            "offered_support_on": _d(member.offered_support_on), "engaged_support_on": _d(member.engaged_support_on),
            "safety_plans": [{"agreed_on": _d(p.agreed_on), "review_on": _d(p.review_on), "plan": p.plan}
                             for p in member.safety_plans.all()],
            "contacts": [{"on": _d(c.on), "kind": c.get_kind_display(), "attendance": c.get_attendance_display(),
                          "notes": c.notes} for c in member.contacts.all()],
            "risk_assessments": [{"assessed_on": _d(a.assessed_on), "answers": a.answers, "score": a.score,
                                  "grade": a.grade, "marac_referral": a.marac_referral,
                                  "marac_reasons": a.marac_reasons} for a in member.risk_assessments.all()],
            "dash_drafts": [{"assessed_on": _d(d.assessed_on), "answers": d.answers}
                            for d in DashDraft.objects.filter(member=member)],
            "victim_outcomes": [{"stage": o.stage, "recorded_on": _d(o.recorded_on), "answers": o.answers,
                                 "score": o.score} for o in member.victim_outcomes.all()],
            "forums": [{"forum": fl.forum.code, "meeting_on": _d(fl.meeting_on)}
                       for fl in ForumListing.objects.filter(member=member).select_related("forum")],
        })
    return out


# -- erasure ---------------------------------------------------------------------------------------

def _objects_of(person: Person) -> list:
    """Every row that is about this person and no one else."""
    rows = [person]
    rows += list(IdentifyingDetails.objects.filter(person=person))
    rows += list(person.referrals.all())
    for case in person.cases_as_perpetrator.all():
        rows += [case, *case.status_changes.all(), *case.contacts.all(), *case.needs.all(), *case.goals.all(),
                 *case.assignments.all(), *case.members.all(), *case.forum_listings.all(),
                 *ForumAction.objects.filter(listing__case=case), *case.workshop_bookings.all(),
                 *case.breaches.all(), *case.police_notifications.all(), *case.risk_assessments.all(),
                 *case.dash_drafts.all(),
                 *case.disruption_actions.all(), *case.perpetrator_assessments.all(),
                 *PlanReview.objects.filter(plan__case=case), *RiskPlan.objects.filter(case=case)]
    for member in person.case_memberships.all():
        rows += [member, *member.safety_plans.all(), *member.contacts.all(), *member.risk_assessments.all(),
                 *DashDraft.objects.filter(member=member),
                 *member.victim_outcomes.all(), *ForumListing.objects.filter(member=member)]
    return rows


@transaction.atomic
def erase_person(*, person: Person, reason: str, by) -> Erasure:
    """Erase one person: their details, their records and the audit log's descriptions of them.

    Refused while he is the perpetrator on an open case (close it first: safeguarding work in
    progress is not erased silently), and while victims or children remain linked to his case
    (erasing him must not take their records with it). Victims' and children's erasure removes their place on
    the case with everything recorded about them there. The one audit record written, an
    `Erasure`, holds counts and the reason only.
    """
    if person.cases_as_perpetrator.exclude(status__in=ENDED).exists():
        raise ValidationError("He is the perpetrator on an open case; close the case before erasing his records.")
    if CaseMember.objects.filter(case__perpetrator=person).exists():
        raise ValidationError("Victims or children are linked to his case, and their records would go with it; "
                              "their records must be erased or reach their retention date first.")
    rows = _objects_of(person)
    role = "perpetrator" if person.cases_as_perpetrator.exists() or person.referrals.exists() else (
        person.case_memberships.values_list("role", flat=True).first() or "unknown")
    counts: dict[str, int] = {}
    for row in rows:
        counts[row._meta.verbose_name] = counts.get(row._meta.verbose_name, 0) + 1
    # Scrub what the audit log says about these rows: their descriptions carry the pseudonym.
    for row in rows:
        LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(row), object_pk=str(row.pk)).update(
            object_repr="[erased]", changes={}, changes_text="")
    with disable_auditlog():
        for case in list(person.cases_as_perpetrator.all()):
            _delete_case(case)
        for member in list(person.case_memberships.all()):
            member.delete()
        person.referrals.all().delete()
        person.delete()
    with acting_as(by):
        erasure = Erasure(by=by, reason=reason, role=role, rows=counts)
        erasure.full_clean()
        erasure.save()
    return erasure

