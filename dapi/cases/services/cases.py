"""Cases: opening, the status lifecycle, the people linked to a case and the workers on it."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.module_loading import import_string

from dapi.accounts.models import Role
from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require
from dapi.lib.dates import future_errors
from dapi.lib.errors import ConflictError

from .. import access, exits
from ..models import (
    Assignment, Case, CaseMember, CaseStatus, IdentifyingDetails, MemberRole, Person, Side, StatusChange,
)
from ..models.cases import ENDED, TRANSITIONS, WORKER_SIDES
from ..models.people import new_reference
from .people import person_create, victim_police_id_set


@transaction.atomic
def case_create(*, programme, provider, perpetrator: Person, referred_on: date, by, victim_service=None,
                referral=None, reference: str | None = None, **fields) -> Case:
    """Open a case at "referred" (usually by accepting a referral). Who may: the provider's
    managers (`access.can_open_case`)."""
    require(is_system(by) or access.can_open_case(by, provider), "No such programme or organisation")
    if errors := future_errors({"referred_on": ("The date referred", referred_on)}):
        raise ValidationError(errors)
    case = Case(programme=programme, provider=provider, victim_service=victim_service, perpetrator=perpetrator,
                referral=referral, referred_on=referred_on, reference=reference or new_reference("C"), **fields)
    case.full_clean(exclude=["reference"])
    with acting_as(by):
        try:
            with transaction.atomic():
                case.save()
        except IntegrityError:
            if reference:
                raise
            case.reference = new_reference("C")
            case.save()
        StatusChange.objects.create(case=case, from_status="", to_status=CaseStatus.REFERRED, on=referred_on, by=by)
    return case


_DATE_FIELD = {CaseStatus.ASSESSMENT: "assessment_on", CaseStatus.ACTIVE: "entered_on"}


def _exit_errors(to: str, exit_reason: str, reason: str) -> dict[str, str]:
    """A case ending needs a coded reason that fits its status (completed only when completed), and
    words when the reason is "other"."""
    codes = dict(exits.EXIT_REASONS)
    if not exit_reason and to == CaseStatus.COMPLETED:
        return {}  # its status says why
    if not exit_reason:
        return {"exit_reason": "Choose why the case is ending."}
    if exit_reason not in codes:
        return {"exit_reason": f"{exit_reason!r} is not an exit reason; choose one of {', '.join(codes)}."}
    if (to == CaseStatus.COMPLETED) != (exit_reason == exits.COMPLETED):
        return {"exit_reason": "A completed case ends as completed, and only a completed case does."}
    if exit_reason == exits.OTHER and not reason.strip():
        return {"reason": 'Say why the case is ending when the reason is "other".'}
    return {}


CHANGED_SINCE_OPENED = "This case was changed by someone else after you opened it. Reload it and make your change again."


@transaction.atomic
def case_change_status(*, case: Case, to: str, on: date, by, version: int, exit_reason: str = "",
                       reason: str = "") -> Case:
    """Move a case along referred -> assessment -> active -> completed | disengaged | closed.
    Ending a case needs a coded `exit_reason` (dapi/cases/exits.py: completed for a completed case,
    which may leave it out, any other for disengaged or closed) and, for "other", the reason in words; dates never go
    backwards, nor past today. Who may: perpetrator-side workers and managers (`access.can_work_on_case`)."""
    require(is_system(by) or access.can_work_on_case(by, case), "No such case")
    if case.version != version:  # stale before anything else: the status it was opened at may have moved on
        raise ConflictError(CHANGED_SINCE_OPENED)
    if errors := future_errors({"on": ("The date of the change", on)}):
        raise ValidationError(errors)
    allowed = TRANSITIONS[CaseStatus(case.status)]
    if to not in allowed:
        words = ", ".join(CaseStatus(s).label.lower() for s in allowed) or "nothing: the case has ended"
        raise ValidationError({"status": f"A case that is {case.get_status_display().lower()} can move to {words}."})
    if to in ENDED and (errors := _exit_errors(to, exit_reason, reason)):
        raise ValidationError(errors)
    if to == CaseStatus.COMPLETED:
        exit_reason = exits.COMPLETED
    last = case.status_changes.order_by("-on", "-pk").first()
    if last and on < last.on:
        raise ValidationError({"on": f"The date must be on or after the last change ({last.on:%d %b %Y})."})
    previous = case.status
    case.status = to
    if to in _DATE_FIELD:
        setattr(case, _DATE_FIELD[to], on)
    if to in ENDED:
        case.ended_on, case.exit_reason, case.end_reason = on, exit_reason, reason.strip()
    case.full_clean(exclude=["reference"])
    with acting_as(by):
        if not Case.objects.filter(pk=case.pk, version=version).update(version=F("version") + 1):
            raise ConflictError(CHANGED_SINCE_OPENED)
        case.version = version + 1
        case.save()
        StatusChange.objects.create(case=case, from_status=previous, to_status=to, on=on, reason=reason, by=by)
        if to in (CaseStatus.ACTIVE, *ENDED):
            case_dates_set(case)
    return case


def case_dates_set(case: Case) -> None:
    """Queue settings.DAPI_CASE_DATES_TASK (identification's police outcomes) for a case that
    entered the programme on a referral carrying a police identifier, in the caller's transaction:
    the task is queued if and only if the change is saved."""
    if settings.DAPI_CASE_DATES_TASK and case.entered_on and case.referral_id and case.referral.police_perpetrator_id:
        import_string(settings.DAPI_CASE_DATES_TASK).enqueue(case.pk)


@transaction.atomic
def member_add(*, case: Case, person: Person, role: str, by, relationship: str = "", safety_flags=(),
               offered_support_on=None, engaged_support_on=None) -> CaseMember:
    """Link a victim, child or family member to a case. Who may: either side (`access.can_link_people`;
    only the pseudonym is shared)."""
    require(is_system(by) or access.can_link_people(by, case), "No such case")
    if person.pk == case.perpetrator_id:
        raise ValidationError({"person": "He is this case's perpetrator; he cannot also be linked as a victim or family."})
    member = CaseMember(case=case, person=person, role=role, relationship=relationship,
                        safety_flags=list(safety_flags), offered_support_on=offered_support_on,
                        engaged_support_on=engaged_support_on)
    member.full_clean()
    with acting_as(by):
        member.save()
    if role == MemberRole.VICTIM and IdentifyingDetails.objects.filter(person=person).exclude(
            police_person_id="").exists():
        victim_police_id_set(person)
    return member


@transaction.atomic
def member_of_new_person_add(*, case: Case, role: str, by, **fields) -> CaseMember:
    """Link someone not yet known here: a new pseudonymous person, recorded by the case's victim
    service (or its provider when it has none), and the link, together or not at all. Her details
    are added afterwards by the victim side. Who may: as `member_add`."""
    require(is_system(by) or access.can_link_people(by, case), "No such case")
    person = person_create(recorded_by=case.victim_service or case.provider, by=by)
    return member_add(case=case, person=person, role=role, by=by, **fields)


@transaction.atomic
def member_update(*, member: CaseMember, by, **fields) -> CaseMember:
    """Change shared safety flags or support dates of a linked person. Who may: the victim side
    of the case (`access.can_change_victim_record`)."""
    require(is_system(by) or access.can_change_victim_record(by, member), "No such person on this case")
    for name, value in fields.items():
        setattr(member, name, value)
    member.full_clean()
    with acting_as(by):
        member.save()
    return member


WORKER_ROLE_NEEDED = {Side.PERPETRATOR: Role.PERPETRATOR_WORKER, Side.VICTIM: Role.PARTNER_SUPPORT_WORKER}


@transaction.atomic
def assignment_create(*, case: Case, worker, role: str, started_on: date, by) -> Assignment:
    """Put a worker on a case. Refused when the worker has any claim on the other side of this case
    (has ever worked on it, or manages the organisation delivering it: one person, one side), or
    is not a worker of the organisation delivering that side. Who may: managers of the
    organisation delivering that side (`access.can_assign_workers`)."""
    side = WORKER_SIDES[role]
    require(is_system(by) or access.can_assign_workers(by, case, side), "No such case")
    Case.objects.select_for_update().filter(pk=case.pk).first()  # serialise assignments to one case
    other = Side.VICTIM if side == Side.PERPETRATOR else Side.PERPETRATOR
    if not access.can_be_assigned(worker, case, side):
        raise ValidationError({"worker": f"{worker.get_full_name() or worker.username} has worked on, or manages, "
                                         f"the {Side(other).label.lower()} of this case and can never work on the "
                                         f"{Side(side).label.lower()}."})
    org = case.provider_id if side == Side.PERPETRATOR else case.victim_service_id
    if not worker.memberships.filter(organisation_id=org, role=WORKER_ROLE_NEEDED[side]).exists():
        raise ValidationError({"worker": f"{worker.get_full_name() or worker.username} is not a "
                                         f"{Role(WORKER_ROLE_NEEDED[side]).label.lower()} of the organisation "
                                         f"delivering the {Side(side).label.lower()} of this case."})
    if Assignment.objects.filter(case=case, worker=worker, role=role, ended_on__isnull=True).exists():
        raise ValidationError({"worker": "Already on this case in that role."})
    assignment = Assignment(case=case, worker=worker, role=role, side=side, started_on=started_on)
    assignment.full_clean()
    with acting_as(by):
        assignment.save()
    return assignment


@transaction.atomic
def assignment_end(*, assignment: Assignment, on: date, by) -> Assignment:
    """Take a worker off a case. They keep no access; they still may never cross to the other side.
    Who may: managers of the organisation delivering that side (`access.can_assign_workers`)."""
    require(is_system(by) or access.can_assign_workers(by, assignment.case, assignment.side), "No such case")
    assignment.ended_on = on
    assignment.full_clean()
    with acting_as(by):
        assignment.save()
    return assignment
