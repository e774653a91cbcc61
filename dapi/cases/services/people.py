from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string

from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require

from .. import access, equality
from ..models import CaseMember, IdentifyingDetails, MemberRole, Person
from ..models.people import IDENTIFYING_FIELDS, new_reference


@transaction.atomic
def person_create(*, recorded_by, by, is_synthetic: bool = False, reference: str | None = None) -> Person:
    """A new person with a fresh pseudonymous reference (or `reference`, for deterministic demo data).
    Who may: provider managers and workers and police analysts (`access.can_record_person`)."""
    require(is_system(by) or access.can_record_person(by))
    with acting_as(by):
        for _ in range(5):
            person = Person(reference=reference or new_reference(), recorded_by=recorded_by, is_synthetic=is_synthetic)
            try:
                with transaction.atomic():
                    person.save()
                return person
            except IntegrityError:
                if reference:
                    raise
    raise RuntimeError("Could not allocate a unique person reference")


@transaction.atomic
def identifying_details_set(*, person: Person, by, **fields) -> IdentifyingDetails:
    """Create or change someone's identifying details and equality data (`equality.EQUALITY_FIELDS`:
    a value not in its list is refused, naming the field and what it accepts). Who may: his side
    for him, her side for a victim, child or family member (`access.can_set_identifying_details`)."""
    require(is_system(by) or access.can_set_identifying_details(by, person), "No such person on this case")
    unknown = set(fields) - set(IDENTIFYING_FIELDS) - set(equality.EQUALITY_FIELDS)
    if unknown:
        raise TypeError(f"Not identifying fields: {sorted(unknown)}")
    if errors := {name: f"{equality.label(name)}: {value!r} is not in its list; choose one of "
                        f"{', '.join(label for _, label in equality.choices(name))}."
                  for name, value in fields.items()
                  if name in equality.EQUALITY_FIELDS and value not in dict(equality.choices(name))}:
        raise ValidationError(errors)
    details = IdentifyingDetails.objects.filter(person=person).first() or IdentifyingDetails(person=person)
    police_id_before = details.police_person_id
    for name, value in fields.items():
        setattr(details, name, value)
    details.full_clean()
    with acting_as(by):
        details.save()
    if details.police_person_id != police_id_before:
        victim_police_id_set(person)
    return details


def victim_police_id_set(person: Person) -> None:
    """Queue settings.DAPI_VICTIM_POLICE_ID_TASK (identification stores the police incidents naming
    her, for the DASH escalation criterion) for someone linked as a victim to a case referred with a
    police identifier, in the caller's transaction: queued if and only if the change is saved."""
    if settings.DAPI_VICTIM_POLICE_ID_TASK and CaseMember.objects.filter(
            person=person, role=MemberRole.VICTIM, case__referral__isnull=False).exclude(
            case__referral__police_perpetrator_id="").exists():
        import_string(settings.DAPI_VICTIM_POLICE_ID_TASK).enqueue(person.pk)
