"""What each user sees first: the home page's panels.

Each panel is present when the access of the app it comes from yields something for the user
(their programmes, agreements, cases, imports, extracts...), read through that app's access.py
or selectors; nothing here decides by role.
"""

from dataclasses import dataclass, field
from datetime import date

from dapi.accounts import access as account_access
from dapi.cases import access as case_access
from dapi.cases.models import Case
from dapi.cases.selectors import caseload_summary
from dapi.cases.workday.selectors import worker_home
from dapi.decisions import access as decision_access
from dapi.decisions.selectors import evaluation_overdue, resolutions_open, resolutions_overdue
from dapi.funding import access as funding_access
from dapi.funding.selectors import programme_runways
from dapi.identification.selectors import analyst_home
from dapi.reminders.selectors import needs_action
from dapi.reports.selectors import extracts_approved_for


@dataclass
class Home:
    today: date
    member: bool = False
    commissioning: bool = False
    runways: list = field(default_factory=list)
    overdue_resolutions: list = field(default_factory=list)
    agreements: list | None = None
    panel_resolutions: list | None = None
    evaluations: list | None = None
    extracts: list | None = None
    identification: dict | None = None
    administered: list | None = None
    caseload: dict | None = None
    needs_action: list = field(default_factory=list)
    workday: dict | None = None

    @property
    def cases_read(self) -> list:
        """The cases the needs-action list names (by reference), whose reading is audited."""
        return list(Case.objects.filter(pk__in={i.case_id for i in self.needs_action if i.case_id}))

    @property
    def empty(self) -> bool:
        return not self.commissioning and all(panel is None for panel in (
            self.agreements, self.panel_resolutions, self.evaluations, self.extracts, self.identification,
            self.administered, self.caseload, self.workday))


def home_for(user, today: date) -> Home:
    """The panels `user`'s access yields, as of `today`. A panel with nothing in it for them is
    absent, and nothing is invented for work the system does not hold."""
    home = Home(today=today, member=user.memberships.exists())
    if funding_access.ledger_programme_list_for(user).exists():
        home.commissioning = True
        home.runways = programme_runways(user, today)
        home.overdue_resolutions = list(resolutions_overdue(
            decision_access.resolution_list_for(user).select_related("meeting"), today))
    # The runways read above serve the cliff edges too (each ledger is read once).
    home.needs_action = needs_action(user, today, home.runways if home.commissioning else None)
    home.agreements = list(funding_access.provider_agreement_list_for(user).select_related("programme")) or None
    panel_resolutions = decision_access.panel_resolution_list_for(user)
    if panel_resolutions.exists():
        home.panel_resolutions = list(resolutions_open(panel_resolutions.select_related("meeting")))
    home.evaluations = [(e, evaluation_overdue(e, today))
                        for e in decision_access.evaluation_carried_out_list_for(user)] or None
    home.extracts = extracts_approved_for(user)
    home.identification = analyst_home(user)
    home.administered = list(account_access.administered_membership_list_for(user)) or None
    caseload = caseload_summary(user)
    if case_access.case_list_for(user).exists() or caseload["referrals_waiting"]:
        home.caseload = caseload
    home.workday = worker_home(user, today)
    return home
