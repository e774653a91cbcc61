"""The only way views and the API get decisions, meetings and resolutions.

A decision is visible to whoever may see one of the programmes it concerns or links money to,
and to commissioners and finance officers of the body that made it. Resolutions are visible
with their meeting: to those who see one of its programmes, and to members of the meeting's
body (panel members see their own panel's resolutions).
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from dapi.accounts.models import Organisation, Role
from dapi.accounts.roles import COMMISSIONING_ROLES, org_ids_with_role
from dapi.funding.access import programme_list_for

from .models import Decision, Evaluation, IngestedDocument, Meeting, Resolution


def decision_list_for(user) -> QuerySet[Decision]:
    programmes = programme_list_for(user).values("pk")
    q = (
        Q(programmes__in=programmes)
        | Q(agreements__programme__in=programmes)
        | Q(awards__programme__in=programmes)
        | Q(allocations__programme__in=programmes)
        | Q(organisation__in=org_ids_with_role(user, *COMMISSIONING_ROLES))
    )
    ids = Decision.objects.filter(q).values("pk")
    return Decision.objects.filter(pk__in=ids).select_related("organisation")


def decision_get_for(user, decision_id) -> Decision:
    try:
        return decision_list_for(user).get(pk=decision_id)
    except (Decision.DoesNotExist, ValueError):
        raise Http404("No such decision") from None


def can_change_decision(user, decision: Decision) -> bool:
    """Commissioners and finance officers of the deciding body may edit its records."""
    return decision.organisation_id in org_ids_with_role(user, *COMMISSIONING_ROLES)


def meeting_list_for(user) -> QuerySet[Meeting]:
    programmes = programme_list_for(user).values("pk")
    q = Q(programmes__in=programmes) | Q(body__in=org_ids_with_role(user, Role.PANEL_MEMBER, *COMMISSIONING_ROLES))
    ids = Meeting.objects.filter(q).values("pk")
    return Meeting.objects.filter(pk__in=ids).select_related("body")


def meeting_get_for(user, meeting_id) -> Meeting:
    try:
        return meeting_list_for(user).get(pk=meeting_id)
    except (Meeting.DoesNotExist, ValueError):
        raise Http404("No such meeting") from None


def resolution_list_for(user) -> QuerySet[Resolution]:
    return Resolution.objects.filter(meeting__in=meeting_list_for(user).values("pk")).select_related("meeting")


def resolution_get_for(user, resolution_id) -> Resolution:
    try:
        return resolution_list_for(user).get(pk=resolution_id)
    except (Resolution.DoesNotExist, ValueError):
        raise Http404("No such resolution") from None


def can_change_resolution(user, resolution: Resolution) -> bool:
    """Commissioners of a programme the meeting concerns, or commissioners in the meeting's body."""
    commissioning = org_ids_with_role(user, *COMMISSIONING_ROLES)
    return resolution.meeting.body_id in commissioning or resolution.meeting.programmes.filter(
        lead_commissioner__in=commissioning).exists()


def evaluation_list_for(user) -> QuerySet[Evaluation]:
    programmes = programme_list_for(user).values("pk")
    q = Q(programme__in=programmes) | Q(evaluator__in=org_ids_with_role(user, Role.EVALUATOR))
    return Evaluation.objects.filter(q).select_related("programme", "evaluator").distinct()


def ingest_organisations_for(user) -> QuerySet[Organisation]:
    """The bodies `user` may import decision documents for: those where they are a commissioner
    or finance officer (the people who may add decision records)."""
    return Organisation.objects.filter(pk__in=org_ids_with_role(user, *COMMISSIONING_ROLES))


def ingested_document_list_for(user) -> QuerySet[IngestedDocument]:
    """Imported documents of the bodies `user` commissions for, whoever uploaded them."""
    return IngestedDocument.objects.filter(
        organisation__in=org_ids_with_role(user, *COMMISSIONING_ROLES)).select_related("organisation", "uploaded_by")


def ingested_document_get_for(user, document_id) -> IngestedDocument:
    """One imported document, or 404 for anyone who may not review it (its existence is not told)."""
    try:
        return ingested_document_list_for(user).get(pk=document_id)
    except (IngestedDocument.DoesNotExist, ValueError):
        raise Http404("No such document") from None
