from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

from dapi.accounts.models import Role
from dapi.audit.services import acting_as

from ..models import Assignment, Case, CaseMember, CaseStatus, Person, Side, StatusChange
from ..models.cases import ENDED, TRANSITIONS, WORKER_SIDES
from ..models.people import new_reference
from dapi.lib.errors import ConflictError


@transaction.atomic
def case_create(*, programme, provider, perpetrator: Person, referred_on: date, by, victim_service=None,
                referral=None, reference: str | None = None, **fields) -> Case:
    """Open a case at "referred" (usually by accepting a referral)."""
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


@transaction.atomic
def case_change_status(*, case: Case, to: str, on: date, by, version: int, reason: str = "") -> Case:
    """Move a case along referred -> assessment -> active -> completed | disengaged | closed.
    Ending a case as disengaged or closed needs a reason; dates never go backwards.
    Perpetrator-side workers and managers (access.can_work_on_case)."""
    allowed = TRANSITIONS[CaseStatus(case.status)]
    if to not in allowed:
        words = ", ".join(CaseStatus(s).label.lower() for s in allowed) or "nothing: the case has ended"
        raise ValidationError({"status": f"A case that is {case.get_status_display().lower()} can move to {words}."})
    if to in (CaseStatus.DISENGAGED, CaseStatus.CLOSED) and not reason.strip():
        raise ValidationError({"reason": "Give the reason the case is ending."})
    last = case.status_changes.order_by("-on", "-pk").first()
    if last and on < last.on:
        raise ValidationError({"on": f"The date must be on or after the last change ({last.on:%d %b %Y})."})
    previous = case.status
    case.status = to
    if to in _DATE_FIELD:
        setattr(case, _DATE_FIELD[to], on)
    if to in ENDED:
        case.ended_on, case.end_reason = on, reason
    case.full_clean(exclude=["reference"])
    with acting_as(by):
        if not Case.objects.filter(pk=case.pk, version=version).update(version=F("version") + 1):
            raise ConflictError("This case was changed by someone else after you opened it. "
                                "Reload it and make your change again.")
        case.version = version + 1
        case.save()
        StatusChange.objects.create(case=case, from_status=previous, to_status=to, on=on, reason=reason, by=by)
    return case


@transaction.atomic
def member_add(*, case: Case, person: Person, role: str, by, relationship: str = "", safety_flags=(),
               offered_support_on=None, engaged_support_on=None) -> CaseMember:
    """Link a victim, child or family member to a case (either side may; only the pseudonym is shared)."""
    if person.pk == case.perpetrator_id:
        raise ValidationError({"person": "He is this case's perpetrator; he cannot also be linked as a victim or family."})
    member = CaseMember(case=case, person=person, role=role, relationship=relationship,
                        safety_flags=list(safety_flags), offered_support_on=offered_support_on,
                        engaged_support_on=engaged_support_on)
    member.full_clean()
    with acting_as(by):
        member.save()
    return member


@transaction.atomic
def member_update(*, member: CaseMember, by, **fields) -> CaseMember:
    """Change shared safety flags or support dates of a linked person."""
    for name, value in fields.items():
        setattr(member, name, value)
    member.full_clean()
    with acting_as(by):
        member.save()
    return member


WORKER_ROLE_NEEDED = {Side.PERPETRATOR: Role.PERPETRATOR_WORKER, Side.VICTIM: Role.PARTNER_SUPPORT_WORKER}


@transaction.atomic
def assignment_create(*, case: Case, worker, role: str, started_on: date, by) -> Assignment:
    """Put a worker on a case. Refused when the worker has ever worked on the other side of this
    case, or is not a worker of the organisation delivering that side. Managers of that side."""
    side = WORKER_SIDES[role]
    Case.objects.select_for_update().filter(pk=case.pk).first()  # serialise assignments to one case
    other = Side.VICTIM if side == Side.PERPETRATOR else Side.PERPETRATOR
    if Assignment.objects.filter(case=case, worker=worker, side=other).exists():
        raise ValidationError({"worker": f"{worker.get_full_name() or worker.username} has worked on the "
                                         f"{Side(other).label.lower()} of this case and can never work on the "
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
    """Take a worker off a case. They keep no access; they still may never cross to the other side."""
    assignment.ended_on = on
    assignment.full_clean()
    with acting_as(by):
        assignment.save()
    return assignment
