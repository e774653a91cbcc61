"""Referring a ranked perpetrator into a programme."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.accounts.models import Area
from dapi.cases.models import LawfulBasis
from dapi.cases.services.referrals import referral_from_police_create
from dapi.lib.access import is_system, require
from dapi.lib.clock import today

from .. import access


def refer_from_ranking(*, ranked, programme, provider, reason: str, by):
    """Refer a ranked perpetrator into a programme: a Referral carrying his RFGV score, profile,
    rank in his area, area and the force's police identifier, for the person already referred under
    that force's identifier or a new pseudonymous person. The only way a police identifier reaches a
    referral. Police analysts of the force whose import ranked him, or the system (404 for anyone
    else); the provider must deliver the programme. The person, the referral and their audit rows
    are written together or not at all."""
    require(is_system(by) or access.can_refer_from_ranking(by, ranked))
    if not reason.strip():
        raise ValidationError({"reason": "Say why this programme fits him."})
    incident_import = ranked.incident_import
    with transaction.atomic():
        return referral_from_police_create(
            by=by, force=incident_import.organisation, police_perpetrator_id=ranked.perpetrator_id,
            programme=programme, provider=provider, received_on=today(), reason=reason,
            lawful_basis=LawfulBasis.LAW_ENFORCEMENT, matac_checked=True, matac_rank=ranked.rank,
            area=Area.objects.filter(name=ranked.area).first(), rfgv_score=Decimal(f"{ranked.score:.4f}"),
            rfgv_profile=incident_import.profile_version)
