"""What each role sees first: the home page's panels, one per role the user holds."""

from dataclasses import dataclass, field
from datetime import date

from dapi.accounts.models import Membership, Role
from dapi.accounts.roles import COMMISSIONING_ROLES, has_role, org_ids_with_role
from dapi.cases.selectors import caseload_summary
from dapi.decisions import access as decision_access
from dapi.decisions.selectors import evaluation_overdue, resolutions_open, resolutions_overdue
from dapi.funding import access as funding_access
from dapi.funding.selectors import programme_runways

# Roles whose work arrives with later parts of the system (identification).
LATER = {
    Role.POLICE_ANALYST: "Incident imports and the RFGV rankings per area arrive with the identification part of "
                         "dapi, which is not built yet.",
}


@dataclass
class Home:
    today: date
    commissioning: bool = False
    runways: list = field(default_factory=list)
    overdue_resolutions: list = field(default_factory=list)
    agreements: list | None = None
    panel_resolutions: list | None = None
    evaluations: list | None = None
    administered: list | None = None
    caseload: dict | None = None
    later: list[str] = field(default_factory=list)


def home_for(user, today: date) -> Home:
    """The panels `user`'s roles call for, as of `today`. Nothing is shown for a role the user
    does not hold, and nothing is invented for work the system does not yet hold."""
    home = Home(today=today, commissioning=has_role(user, *COMMISSIONING_ROLES))
    if home.commissioning:
        home.runways = programme_runways(user, today)
        home.overdue_resolutions = list(resolutions_overdue(
            decision_access.resolution_list_for(user).select_related("meeting"), today))
    if has_role(user, Role.PROVIDER_MANAGER):
        home.agreements = list(funding_access.agreement_list_for(user).order_by("-end"))
    if has_role(user, Role.PANEL_MEMBER):
        home.panel_resolutions = list(resolutions_open(
            decision_access.resolution_list_for(user).select_related("meeting")))
    if has_role(user, Role.EVALUATOR):
        home.evaluations = [(e, evaluation_overdue(e, today)) for e in decision_access.evaluation_list_for(user)]
    if has_role(user, Role.ADMINISTRATOR):
        home.administered = list(Membership.objects.filter(
            organisation__in=org_ids_with_role(user, Role.ADMINISTRATOR)).select_related("user", "organisation")
            .order_by("organisation__name", "user__username"))
    if has_role(user, Role.PROVIDER_MANAGER, Role.PERPETRATOR_WORKER, Role.PARTNER_SUPPORT_WORKER):
        home.caseload = caseload_summary(user)
    home.later = [text for role, text in LATER.items() if has_role(user, role)]
    return home
