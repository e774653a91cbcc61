from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from dapi.accounts.models import Organisation, OrganisationKind
from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require
from dapi.lib.dates import future_errors

from .. import access, eligibility
from ..models import OFFENCES, Case, Referral, ReferralSource, ReferralStatus
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


# Police data: only a force's analyst referring from its ranking sets these (`referral_from_police_create`).
POLICE_FIELDS = ("police_perpetrator_id", "rfgv_score", "rfgv_profile")


@transaction.atomic
def referral_create(*, by, complex_needs=(), **fields) -> Referral:
    """Record a referral and screen it against its programme's rules at once. Who may: police
    analysts and provider managers, on behalf of their own organisation (`access.can_refer_for`).
    Refuses a provider that is not a provider delivering the programme, and the police fields (a
    police identifier and RFGV score come only from a force's own ranking)."""
    _require_referrer(by, fields.get("referring_organisation"))
    _refuse_police_fields(fields)
    return _referral_save(by, complex_needs, fields)


def _refuse_police_fields(fields) -> None:
    police = sorted(f for f in POLICE_FIELDS if fields.get(f) not in (None, ""))
    if police:
        raise ValidationError(dict.fromkeys(
            police, "Only a police force's analyst sets this, by referring from the force's ranking."))


def _referral_save(by, complex_needs, fields) -> Referral:
    _check_programme_and_provider(fields.get("programme"), fields.get("provider"))
    referral = Referral(**fields)
    referral.full_clean()
    with acting_as(by):
        referral.save()
        referral.complex_needs.set(complex_needs)
        referral.screening = screening_for(referral).as_dict()
        referral.save(update_fields=["screening"])
    return referral


def delivers(provider: Organisation, programme) -> bool:
    """Whether `provider` is a provider delivering `programme`: one of its agreements or elements."""
    return provider.kind == OrganisationKind.PROVIDER and (
        programme.agreements.filter(provider=provider).exists() or programme.elements.filter(provider=provider).exists())


def _check_programme_and_provider(programme, provider) -> None:
    if programme is None or provider is None:
        return  # full_clean names the missing field
    if not delivers(provider, programme):
        raise ValidationError({"provider": f"{provider.name} does not deliver {programme.name}: choose a provider "
                                           "that delivers the programme."})


@transaction.atomic
def referral_of_new_person_create(*, by, referring_organisation, is_synthetic: bool = False, **fields) -> Referral:
    """Refer someone not yet known here: a new pseudonymous person and the referral, together or not
    at all. Who may: as `referral_create`."""
    _require_referrer(by, referring_organisation)
    _refuse_police_fields(fields)
    _check_programme_and_provider(fields.get("programme"), fields.get("provider"))
    person = person_create(recorded_by=referring_organisation, by=by, is_synthetic=is_synthetic)
    return referral_create(by=by, person=person, referring_organisation=referring_organisation, **fields)


@transaction.atomic
def referral_from_police_create(*, by, force: Organisation, police_perpetrator_id: str, **fields) -> Referral:
    """A force refers someone its own ranking identified, carrying his police identifier (and RFGV
    score): the only way a referral gets one. The person is the one already referred under the same
    force's identifier if there is one (one person, one record), else a new pseudonymous person.
    Who may: police analysts of `force` (`access.can_refer_as_police`), or the system; the
    identification app checks first that the ranking is that force's. Refuses as `referral_create`."""
    require(is_system(by) or access.can_refer_as_police(by, force),
            "No such programme or organisation (the referring organisation must be yours)")
    if not police_perpetrator_id.strip():
        raise ValidationError({"police_perpetrator_id": "A police referral needs the force's identifier."})
    _check_programme_and_provider(fields.get("programme"), fields.get("provider"))
    # Two analysts referring the same man at once queue here (a row lock on PostgreSQL; SQLite
    # writes one at a time), so the second finds the first one's person.
    list(Organisation.objects.select_for_update().filter(pk=force.pk).values_list("pk", flat=True))
    person = (Referral.objects.filter(referring_organisation=force, police_perpetrator_id=police_perpetrator_id)
              .order_by("pk").values_list("person", flat=True).first())
    if person is None:
        person = person_create(recorded_by=force, by=by).pk
    return _referral_save(by, (), {**fields, "person_id": person, "referring_organisation": force,
                                   "source": ReferralSource.POLICE, "police_perpetrator_id": police_perpetrator_id})


@transaction.atomic
def referral_update_facts(*, referral: Referral, by, version: int, complex_needs=None, **fields) -> Referral:
    """Correct or complete the screening facts and screen again. Refuses (ConflictError) a save
    over someone else's. Who may: the receiving provider's managers and the referring
    organisation (`access.can_correct_referral`); neither changes the police fields."""
    require(is_system(by) or access.can_correct_referral(by, referral), "No such referral")
    _refuse_police_fields({f: v for f, v in fields.items() if v != getattr(referral, f)})
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
