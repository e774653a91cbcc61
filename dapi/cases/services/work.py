"""The work on a case: sessions and contacts, his needs and goals, her safety plans."""

from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require
from dapi.lib.dates import future_errors

from .. import access
from ..models import Contact, Goal, Need, SafetyPlan


def _save(instance, by):
    instance.full_clean()
    with acting_as(by):
        instance.save()
    return instance


def _require_his_side(by, case) -> None:
    require(is_system(by) or access.can_work_on_case(by, case), "No such case")


@transaction.atomic
def contact_create(*, case, by, side: str, **fields) -> Contact:
    """Record a session or contact, dated today or earlier. A victim-side contact must be with a
    victim of this case. Who may: the workers and managers of that side of the case (`access.can_record_contact`)."""
    require(is_system(by) or access.can_record_contact(by, case, side), "No such case")
    if errors := future_errors({"on": ("The date of the session or contact", fields.get("on"))}):
        raise ValidationError(errors)
    contact = Contact(case=case, side=side, **fields)
    if contact.member_id and contact.member.case_id != case.pk:
        raise ValidationError({"member": "Choose a person linked to this case."})
    return _save(contact, by)


@transaction.atomic
def need_create(*, case, by, **fields) -> Need:
    """Record a need of his, identified today or earlier. Who may: the perpetrator side (`access.can_work_on_case`)."""
    _require_his_side(by, case)
    if errors := future_errors({"identified_on": ("The date the need was identified", fields.get("identified_on"))}):
        raise ValidationError(errors)
    if Need.objects.filter(case=case, kind=fields.get("kind")).exists():
        raise ValidationError({"kind": "This need is already recorded on the case; change its status instead."})
    return _save(Need(case=case, **fields), by)


@transaction.atomic
def need_update(*, need: Need, by, **fields) -> Need:
    """Change one of his needs. Who may: the perpetrator side (`access.can_work_on_case`)."""
    _require_his_side(by, need.case)
    for name, value in fields.items():
        setattr(need, name, value)
    return _save(need, by)


@transaction.atomic
def goal_create(*, case, by, **fields) -> Goal:
    """Set him a goal, set today or earlier (its target date may be ahead). Who may: the perpetrator
    side (`access.can_work_on_case`)."""
    _require_his_side(by, case)
    if errors := future_errors({"set_on": ("The date the goal was set", fields.get("set_on"))}):
        raise ValidationError(errors)
    return _save(Goal(case=case, **fields), by)


@transaction.atomic
def goal_update(*, goal: Goal, by, **fields) -> Goal:
    """Change one of his goals. Who may: the perpetrator side (`access.can_work_on_case`)."""
    _require_his_side(by, goal.case)
    for name, value in fields.items():
        setattr(goal, name, value)
    return _save(goal, by)


@transaction.atomic
def safety_plan_create(*, member, by, **fields) -> SafetyPlan:
    """A victim's or child's safety plan, agreed today or earlier (its review may be ahead). Who may:
    the victim side of the case (`access.can_change_victim_record`)."""
    require(is_system(by) or access.can_change_victim_record(by, member), "No such person on this case")
    if errors := future_errors({"agreed_on": ("The date the plan was agreed", fields.get("agreed_on"))}):
        raise ValidationError(errors)
    if member.role == "family":
        raise ValidationError({"member": "Safety plans are made with victims and for children."})
    return _save(SafetyPlan(member=member, **fields), by)
