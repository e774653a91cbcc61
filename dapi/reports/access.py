"""Who may see a programme's evidence: its dashboard and its panel pack.

Commissioners and finance officers see the programmes they can see in the ledger, with exact
counts (internal use). Provider managers see their programmes, and panel members the
programmes their panel has met about, with disclosure control, as published.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from dapi.accounts.models import Role
from dapi.accounts.roles import COMMISSIONING_ROLES, org_ids_with_role
from dapi.funding.access import programme_list_for, programme_visibility
from dapi.funding.models import Programme

from .models import ExtractApproval


def report_programme_list_for(user) -> QuerySet[Programme]:
    panels = org_ids_with_role(user, Role.PANEL_MEMBER)
    q = programme_visibility(user)
    if panels:
        q |= Q(meetings__body__in=panels)
    ids = Programme.objects.filter(q).values("pk")
    return Programme.objects.filter(pk__in=ids).select_related("lead_commissioner").order_by("name")


def report_programme_get_for(user, slug) -> Programme:
    try:
        return report_programme_list_for(user).get(slug=slug)
    except Programme.DoesNotExist:
        raise Http404("No such programme") from None


def sees_exact_counts(user, programme: Programme) -> bool:
    """Commissioners and finance officers of organisations that can see the programme's ledger."""
    return bool(org_ids_with_role(user, *COMMISSIONING_ROLES)) and programme_list_for(user).filter(
        pk=programme.pk).exists()


def extract_list_for(user):
    """Approvals a commissioner's body made for its programmes, and those made for an evaluator's organisation."""
    commissioning = org_ids_with_role(user, *COMMISSIONING_ROLES)
    evaluating = org_ids_with_role(user, Role.EVALUATOR)
    return ExtractApproval.objects.filter(
        Q(programme__lead_commissioner__in=commissioning) | Q(evaluator__in=evaluating)).select_related(
        "programme", "evaluator", "approved_by")


def extract_get_for(user, approval_id):
    try:
        return extract_list_for(user).get(pk=int(approval_id))
    except (ExtractApproval.DoesNotExist, ValueError):
        raise Http404("No such extract") from None


def can_download_extract(user, approval) -> bool:
    """Only members of the approved evaluator download; commissioners approve, they do not download."""
    return approval.evaluator_id in org_ids_with_role(user, Role.EVALUATOR)


def programmes_to_approve_for(user) -> QuerySet[Programme]:
    return Programme.objects.filter(lead_commissioner__in=org_ids_with_role(user, *COMMISSIONING_ROLES))
