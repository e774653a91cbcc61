"""Incident imports and rankings are police data: only police analysts of the importing force see
them. Anything else answers 404."""

from django.db.models import QuerySet
from django.http import Http404

from dapi.accounts.models import Role
from dapi.accounts.roles import org_ids_with_role

from .models import IncidentImport, RankedPerpetrator


def analyst_orgs(user) -> set[int]:
    return org_ids_with_role(user, Role.POLICE_ANALYST)


def import_list_for(user) -> QuerySet[IncidentImport]:
    return IncidentImport.objects.filter(organisation__in=analyst_orgs(user)).select_related("organisation",
                                                                                             "uploaded_by")


def import_get_for(user, import_id) -> IncidentImport:
    try:
        return import_list_for(user).get(pk=int(import_id))
    except (IncidentImport.DoesNotExist, ValueError, TypeError):
        raise Http404("No such import") from None


def ranked_get_for(user, incident_import: IncidentImport, ranked_id) -> RankedPerpetrator:
    try:
        return incident_import.ranked.get(pk=int(ranked_id))
    except (RankedPerpetrator.DoesNotExist, ValueError, TypeError):
        raise Http404("No such perpetrator in this import") from None
