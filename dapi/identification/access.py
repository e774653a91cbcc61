"""Who may see and change identification data. The only place its permissions are decided.

Incident imports and the rankings made from them are police data: only police analysts of the
importing force see them, upload files for it, run a ranking again, or refer from it. A case's
police outcomes are perpetrator-side case data and follow the case's barrier (dapi.cases.access).
Anything a user may not see or change answers 404 with the same words as a record that does not
exist, so a refusal never tells anyone that it is there.
"""

from django.db.models import QuerySet
from django.http import Http404

from dapi.accounts.models import Organisation, Role
from dapi.accounts.roles import org_ids_with_role
from dapi.cases import access as case_access
from dapi.cases.models import Case
from dapi.lib.access import require

from .models import IncidentImport, RankedPerpetrator


def force_list_for(user) -> QuerySet[Organisation]:
    """The police forces `user` is an analyst of: those they may upload incident files for. Empty
    for everyone else."""
    return Organisation.objects.filter(pk__in=org_ids_with_role(user, Role.POLICE_ANALYST)).order_by("name")


def forces_to_upload_for(user) -> QuerySet[Organisation]:
    """The forces `user` may upload for; 404 for anyone who is an analyst of none (an upload
    from them is refused as if the page had no form)."""
    forces = force_list_for(user)
    require(forces.exists())
    return forces


def may_open_imports(user) -> bool:
    """Whether the identification pages hold anything for `user`: police analysts of a force,
    who upload its files and read its rankings. The navigation shows the link on this answer."""
    return bool(org_ids_with_role(user, Role.POLICE_ANALYST))


def import_list_for(user) -> QuerySet[IncidentImport]:
    """The imports of the forces `user` is an analyst of, newest first; none for anyone else."""
    return IncidentImport.objects.filter(organisation__in=org_ids_with_role(user, Role.POLICE_ANALYST)).select_related(
        "organisation", "uploaded_by")


def import_get_for(user, import_id) -> IncidentImport:
    """One import of a force `user` is an analyst of; 404 otherwise."""
    try:
        return import_list_for(user).get(pk=int(import_id))
    except (IncidentImport.DoesNotExist, ValueError, TypeError):
        raise Http404("No such import") from None


def can_upload(user, organisation: Organisation) -> bool:
    """Police analysts of `organisation` upload its incident files."""
    return organisation.pk in org_ids_with_role(user, Role.POLICE_ANALYST)


def can_rank(user, incident_import: IncidentImport) -> bool:
    """Police analysts of the importing force run its ranking (again) and change its status."""
    return incident_import.organisation_id in org_ids_with_role(user, Role.POLICE_ANALYST)


def ranked_get_for(user, import_id, ranked_id) -> RankedPerpetrator:
    """A perpetrator ranked in an import `user` may see; 404 otherwise (or if he is not in that import)."""
    incident_import = import_get_for(user, import_id)
    try:
        return incident_import.ranked.select_related("incident_import__organisation").get(pk=int(ranked_id))
    except (RankedPerpetrator.DoesNotExist, ValueError, TypeError):
        raise Http404("No such perpetrator in this import") from None


def can_refer_from_ranking(user, ranked: RankedPerpetrator) -> bool:
    """Police analysts of the force whose import ranked him refer him, on that force's behalf."""
    return can_rank(user, ranked.incident_import)


def case_outcome_case_get_for(user, case_id) -> Case:
    """A case whose police outcomes `user` may read: its perpetrator side (his workers and his
    provider's managers). 404 for everyone else, the victim side included."""
    case = case_access.case_get_for(user, case_id)
    require(case_access.can_see_perpetrator_side(user, case), "No such case")
    return case
