from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.audit.services import acting_as

from ..models import Contact, Goal, Need, SafetyPlan


def _save(instance, by):
    instance.full_clean()
    with acting_as(by):
        instance.save()
    return instance


@transaction.atomic
def contact_create(*, case, by, **fields) -> Contact:
    """Record a session or contact. A victim-side contact must be with a victim of this case.
    Workers record their own side's contacts only (views check `access.sides_for`)."""
    contact = Contact(case=case, **fields)
    if contact.member_id and contact.member.case_id != case.pk:
        raise ValidationError({"member": "Choose a person linked to this case."})
    return _save(contact, by)


@transaction.atomic
def need_create(*, case, by, **fields) -> Need:
    """Record a need of his (perpetrator side)."""
    if Need.objects.filter(case=case, kind=fields.get("kind")).exists():
        raise ValidationError({"kind": "This need is already recorded on the case; change its status instead."})
    return _save(Need(case=case, **fields), by)


@transaction.atomic
def need_update(*, need: Need, by, **fields) -> Need:
    for name, value in fields.items():
        setattr(need, name, value)
    return _save(need, by)


@transaction.atomic
def goal_create(*, case, by, **fields) -> Goal:
    return _save(Goal(case=case, **fields), by)


@transaction.atomic
def goal_update(*, goal: Goal, by, **fields) -> Goal:
    for name, value in fields.items():
        setattr(goal, name, value)
    return _save(goal, by)


@transaction.atomic
def safety_plan_create(*, member, by, **fields) -> SafetyPlan:
    """A victim's safety plan (victim side only)."""
    if member.role == "family":
        raise ValidationError({"member": "Safety plans are made with victims and for children."})
    return _save(SafetyPlan(member=member, **fields), by)
