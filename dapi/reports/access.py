"""Who may see a programme's evidence and evaluator extracts. The only place reports' permissions
are decided.

Commissioners and finance officers see the programmes they can see in the ledger, with exact
counts (internal use). Provider managers see their programmes, and panel members the
programmes their panel has met about, with disclosure control, as published. Commissioners and
finance officers of a programme's lead commissioner approve its extracts; members of the
approved evaluator download them; the same commissioners and finance officers download its open data
and Home Office returns. The transparency page is public where the deployment turns it on. Anything
else answers 404, as for a record that does not exist.
"""

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404

from dapi.accounts.lists import exists_for
from dapi.accounts.models import Role
from dapi.accounts.roles import COMMISSIONING_ROLES, org_ids_with_role
from dapi.funding.access import programme_list_for, programme_visibility
from dapi.funding.models import Programme
from dapi.lib.access import require

from .models import ExtractApproval


def report_programme_list_for(user) -> QuerySet[Programme]:
    """Programmes whose evidence `user` may see: those funding's access lets them see, and those
    a panel they sit on has met about. Each once, by name."""
    panels = org_ids_with_role(user, Role.PANEL_MEMBER)
    q = programme_visibility(user)
    if panels:
        q |= Q(meetings__body__in=panels)
    ids = Programme.objects.filter(q).values("pk")
    return Programme.objects.filter(pk__in=ids).select_related("lead_commissioner").order_by("name")


def report_programme_get_for(user, slug) -> Programme:
    """One programme of `report_programme_list_for`; 404 otherwise."""
    try:
        return report_programme_list_for(user).get(slug=slug)
    except Programme.DoesNotExist:
        raise Http404("No such programme") from None


def may_open_reports(user) -> bool:
    """Whether the reports page lists anything for `user`: a programme whose evidence they may
    see. The navigation shows the link on this answer."""
    return exists_for(user, report_programme_list_for)


def sees_exact_counts(user, programme: Programme) -> bool:
    """Commissioners and finance officers of organisations that can see the programme's ledger
    see exact counts; everyone else sees them under disclosure control, as published."""
    return bool(org_ids_with_role(user, *COMMISSIONING_ROLES)) and programme_list_for(user).filter(
        pk=programme.pk).exists()


def extract_list_for(user) -> QuerySet[ExtractApproval]:
    """Approvals a commissioner's body made for its programmes, and those made for an evaluator's
    organisation. None for anyone else."""
    commissioning = org_ids_with_role(user, *COMMISSIONING_ROLES)
    evaluating = org_ids_with_role(user, Role.EVALUATOR)
    return ExtractApproval.objects.filter(
        Q(programme__lead_commissioner__in=commissioning) | Q(evaluator__in=evaluating)).select_related(
        "programme", "evaluator", "approved_by")


def extract_get_for(user, approval_id) -> ExtractApproval:
    """One approval of `extract_list_for`; 404 otherwise."""
    try:
        return extract_list_for(user).get(pk=int(approval_id))
    except (ExtractApproval.DoesNotExist, ValueError, TypeError):
        raise Http404("No such extract") from None


def extract_download_list_for(user) -> QuerySet[ExtractApproval]:
    """Approvals `user` may download: those made for an evaluator they belong to, expired ones
    included (their download answers that they expired)."""
    return extract_list_for(user).filter(evaluator__in=org_ids_with_role(user, Role.EVALUATOR))


def can_download_extract(user, approval: ExtractApproval) -> bool:
    """Only members of the approved evaluator download; commissioners approve, they do not download."""
    return approval.evaluator_id in org_ids_with_role(user, Role.EVALUATOR)


def extract_to_download(user, approval_id) -> ExtractApproval:
    """An approval `user` may download; 404 for anyone else, with the same words as a missing one."""
    approval = extract_get_for(user, approval_id)
    require(can_download_extract(user, approval), "No such extract")
    return approval


def approvable_programme_list_for(user) -> QuerySet[Programme]:
    """Programmes `user` may approve extracts of: those led by a body they are a commissioner or
    finance officer of. None for anyone else."""
    return Programme.objects.filter(lead_commissioner__in=org_ids_with_role(user, *COMMISSIONING_ROLES)).order_by(
        "name")


def programmes_to_approve(user) -> QuerySet[Programme]:
    """`approvable_programme_list_for`, or 404 for anyone who may approve none (an approval sent
    by them is refused as if the page had no form)."""
    programmes = approvable_programme_list_for(user)
    require(programmes.exists())
    return programmes


def can_approve_extract(user, programme: Programme) -> bool:
    """Commissioners and finance officers of the programme's lead commissioner."""
    return programme.lead_commissioner_id in org_ids_with_role(user, *COMMISSIONING_ROLES)


def may_open_extracts(user) -> bool:
    """Whether the extracts page is for `user`: an evaluator's (where the extracts approved for their
    organisation will be, or the page says none is yet), or anyone's with an approval they made or a
    programme they may approve extracts of. The navigation shows the link on this answer."""
    return (bool(org_ids_with_role(user, Role.EVALUATOR)) or exists_for(user, extract_list_for)
            or exists_for(user, approvable_programme_list_for))


# -- downloads and the transparency page ----------------------------------------------------------

def open_data_programme_list_for(user) -> QuerySet[Programme]:
    """The programmes whose open data (360Giving, OCDS) and Home Office returns `user` downloads: those
    led by a body they are a commissioner or finance officer of, the body that publishes and returns
    them. None for anyone else."""
    return approvable_programme_list_for(user)


def may_download(user) -> bool:
    """Whether the reports page offers `user` downloads (and the download pages answer them)."""
    return open_data_programme_list_for(user).exists()


def programmes_to_publish(user) -> QuerySet[Programme]:
    """`open_data_programme_list_for`, or 404 for anyone who may download none."""
    programmes = open_data_programme_list_for(user)
    require(programmes.exists(), "No such download")
    return programmes


def home_office_programme_get_for(user, slug) -> Programme:
    """A programme whose Home Office return `user` may download; 404 otherwise."""
    programme = open_data_programme_list_for(user).filter(slug=slug).first()
    require(programme is not None, "No such programme")
    return programme


def require_transparency_page() -> None:
    """The transparency page and its files answer only where the deployment turned them on
    (DAPI_TRANSPARENCY_PAGE); otherwise 404 to everyone, as for a page that does not exist."""
    require(settings.DAPI_TRANSPARENCY_PAGE, "Not found")
