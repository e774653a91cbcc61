from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require
from dapi.lib.dates import future_errors

from .. import access, eligibility
from ..models import OFFENCES, Case, Referral, ReferralStatus
from dapi.lib.errors import ConflictError
from .cases import case_create
from .people import person_create


def facts_of(referral: Referral) -> eligibility.Facts:
    programme_areas = set()
    for area in referral.programme.areas.all():
        programme_areas.add(area.name)
        programme_areas.update(child.name for child in area.children.all())
    return eligibility.Facts(
        on=referral.received_on, dash_score=referral.dash_score, marac_criteria_met=referral.marac_criteria_met,
        matac_checked=referral.matac_checked or referral.matac_rank is not None, matac_rank=referral.matac_rank,
        needs_checked=referral.needs_checked, complex_needs=tuple(n.name for n in referral.complex_needs.all()),
        area=referral.area.name if referral.area_id else None, programme_areas=tuple(sorted(programme_areas)),
        age=referral.age, caution_type=referral.caution_type, history_checked=referral.history_checked,
        previous_da_sanction_on=referral.previous_da_sanction_on, offence=referral.offence,
        offence_names=dict(OFFENCES),
    )


def screening_for(referral: Referral) -> eligibility.Screening:
    rules = [(r.kind, r.parameters) for r in referral.programme.eligibility_rules.all()]
    return eligibility.screen(rules, facts_of(referral))


@transaction.atomic
def referral_create(*, by, complex_needs=(), **fields) -> Referral:
    """Record a referral and screen it against its programme's rules at once. Who may: police
    analysts and provider managers, on behalf of their own organisation (`access.can_refer_for`)."""
    _require_referrer(by, fields.get("referring_organisation"))
    referral = Referral(**fields)
    referral.full_clean()
    with acting_as(by):
        referral.save()
        referral.complex_needs.set(complex_needs)
        referral.screening = screening_for(referral).as_dict()
        referral.save(update_fields=["screening"])
    return referral


@transaction.atomic
def referral_of_new_person_create(*, by, referring_organisation, is_synthetic: bool = False, **fields) -> Referral:
    """Refer someone not yet known here: a new pseudonymous person and the referral, together or not
    at all. Who may: as `referral_create`."""
    _require_referrer(by, referring_organisation)
    person = person_create(recorded_by=referring_organisation, by=by, is_synthetic=is_synthetic)
    return referral_create(by=by, person=person, referring_organisation=referring_organisation, **fields)


@transaction.atomic
def referral_update_facts(*, referral: Referral, by, version: int, complex_needs=None, **fields) -> Referral:
    """Correct or complete the screening facts and screen again. Refuses (ConflictError) a save
    over someone else's. Who may: the receiving provider's managers and the referring
    organisation (`access.can_correct_referral`)."""
    require(is_system(by) or access.can_correct_referral(by, referral), "No such referral")
    if referral.status != ReferralStatus.RECEIVED:
        raise ValidationError("This referral has been decided; its facts can no longer change.")
    for name, value in fields.items():
        setattr(referral, name, value)
    referral.full_clean()
    with acting_as(by):
        _bump(referral, version)
        referral.save()
        if complex_needs is not None:
            referral.complex_needs.set(complex_needs)
        referral.screening = screening_for(referral).as_dict()
        referral.save(update_fields=["screening"])
    return referral


def _require_referrer(by, organisation) -> None:
    require(is_system(by) or (organisation is not None and access.can_refer_for(by, organisation)),
            "No such programme or organisation (the referring organisation must be yours)")


def _bump(referral: Referral, version: int) -> None:
    if not Referral.objects.filter(pk=referral.pk, version=version).update(version=F("version") + 1):
        raise ConflictError("This referral was changed by someone else after you opened it. "
                            "Reload it and make your change again.")
    referral.version = version + 1


@transaction.atomic
def referral_accept(*, referral: Referral, by, on: date, reason: str, version: int,
                    victim_service=None, case_reference: str | None = None) -> Case:
    """The receiving provider's manager accepts: the referral is closed and a case opens at
    "referred". Accepting against the rules needs a reason (always recorded). Who may: the
    receiving provider's managers (`access.can_screen_referral`)."""
    return _decide(referral, by, on, reason, version, ReferralStatus.ACCEPTED, victim_service, case_reference)


@transaction.atomic
def referral_decline(*, referral: Referral, by, on: date, reason: str, version: int) -> Referral:
    """The receiving provider's manager declines, with a reason. Who may: as `referral_accept`."""
    _decide(referral, by, on, reason, version, ReferralStatus.DECLINED, None)
    return referral


def _decide(referral, by, on, reason, version, status, victim_service, case_reference=None):
    require(is_system(by) or access.can_screen_referral(by, referral), "No such referral")
    if referral.status != ReferralStatus.RECEIVED:
        raise ValidationError("This referral has already been decided.")
    if errors := future_errors({"on": ("The date of the decision", on)}):
        raise ValidationError(errors)
    referral.status, referral.decided_on, referral.decision_reason, referral.decided_by = status, on, reason, by
    referral.full_clean()
    with acting_as(by):
        _bump(referral, version)
        referral.save()
    if status == ReferralStatus.ACCEPTED:
        return case_create(programme=referral.programme, provider=referral.provider, victim_service=victim_service,
                           perpetrator=referral.person, referral=referral, referred_on=referral.received_on, by=by,
                           reference=case_reference)
    return None
