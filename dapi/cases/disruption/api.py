"""Disruption and protective actions as JSON, behind the same barrier as the pages: a case comes
from cases/access.py and its actions from disruption/access.py, so a Clare's Law disclosure reaches
the victim side only; writes go through the same service as the page."""

from datetime import date

from django.http import Http404
from ninja import Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status
from pydantic import ConfigDict, Field

from dapi.accounts.models import Organisation
from dapi.accounts.schemas import OrganisationRef
from dapi.audit.services import record_access
from dapi.lib.api import READ_ERRORS, WRITE_ERRORS, Pages

from .. import access as case_access
from . import access, services
from .models import DisruptionAction, DisruptionKind

router = Router(tags=["cases"])


class DisruptionActionOut(Schema):
    id: int
    kind: DisruptionKind
    kind_label: str
    taken_on: date
    agency: OrganisationRef = Field(description="The agency that took the action.")
    victim_side_only: bool = Field(description="A Clare's Law disclosure: seen by the victim side only.")


class DisruptionActionIn(Schema):
    kind: DisruptionKind
    taken_on: date = Field(description="The day the action was taken; not after today.")
    agency: str = Field(description="The name of the organisation that took it.")

    model_config = ConfigDict(extra="forbid")


def _out(action: DisruptionAction) -> dict:
    return {"id": action.pk, "kind": action.kind, "kind_label": action.get_kind_display(),
            "taken_on": action.taken_on, "agency": action.agency, "victim_side_only": action.victim_side_only}


@router.get("/cases/{case_id}/disruption-actions", response={200: list[DisruptionActionOut], **READ_ERRORS},
            summary="A case's disruption and protective actions that you may see")
@paginate(Pages)
def list_disruption_actions(request, case_id: int):
    case = case_access.case_get_for(request.auth, case_id)
    record_access(case, by=request.auth)
    return [_out(a) for a in access.disruption_action_list_for(request.auth, case)]


@router.post("/cases/{case_id}/disruption-actions", response={201: DisruptionActionOut, **WRITE_ERRORS},
             summary="Record a disruption or protective action on a case")
def create_disruption_action(request, case_id: int, payload: DisruptionActionIn):
    case = access.case_to_record_disruption(request.auth, case_id)
    try:
        agency = Organisation.objects.get(name=payload.agency)
    except Organisation.DoesNotExist:
        raise Http404("No such organisation") from None
    action = services.disruption_action_create(case=case, kind=payload.kind, taken_on=payload.taken_on,
                                               agency=agency, by=request.auth)
    return Status(201, _out(action))
