"""Page-level access for the navigation and the home page, where the owning app's access.py does
not answer the question yet.

Each answer is made from that app's own access functions (its list functions, or the rule its
page applies), so a link or a home panel appears exactly when the page behind it holds
something for the user to see or do. Each function names the app whose access.py it belongs in;
they move there when those apps next change (issue 15). The identification and reports pages
answer in their own access.py (`may_open_imports`, `may_open_reports`, `may_open_extracts`).
"""

from django.db.models import QuerySet
from django.http import Http404

from dapi.accounts.models import Membership, Role
from dapi.accounts.roles import org_ids_with_role
from dapi.audit import access as audit_access
from dapi.cases import access as case_access
from dapi.cases.cara import access as cara_access
from dapi.cases.forums import access as forum_access
from dapi.decisions import access as decision_access
from dapi.decisions.models import Evaluation, Resolution
from dapi.funding import access as funding_access
from dapi.funding.models import Agreement, Programme


def may_open_programmes(user) -> bool:
    """(funding) The programme list holds a programme `user` may see."""
    return funding_access.programme_list_for(user).exists()


def commissioned_programme_list_for(user) -> QuerySet[Programme]:
    """(funding) Programmes whose whole ledger `user` sees, for their home page's runways:
    commissioners' and finance officers'. None for anyone else."""
    return funding_access.ledger_programme_list_for(user)


def provider_agreement_list_for(user) -> QuerySet[Agreement]:
    """(funding) Agreements with a provider `user` manages, latest end first. None for anyone else."""
    return funding_access.agreement_list_for(user).filter(provider__in=case_access.managed_orgs(user)).order_by("-end")


def may_open_decisions(user) -> bool:
    """(decisions) `user` may see a decision record, or add one for a body."""
    return decision_access.decision_list_for(user).exists() or decision_access.deciding_bodies_for(user).exists()


def may_open_resolutions(user) -> bool:
    """(decisions) `user` may see a resolution."""
    return decision_access.resolution_list_for(user).exists()


def panel_resolution_list_for(user) -> QuerySet[Resolution]:
    """(decisions) Resolutions of meetings of a panel or board `user` sits on. None for anyone else."""
    return decision_access.resolution_list_for(user).filter(
        meeting__body__in=org_ids_with_role(user, Role.PANEL_MEMBER))


def evaluation_carried_out_list_for(user) -> QuerySet[Evaluation]:
    """(decisions) Evaluations carried out by a research body `user` belongs to. None for anyone else."""
    return decision_access.evaluation_list_for(user).filter(evaluator__in=org_ids_with_role(user, Role.EVALUATOR))


def may_open_cases(user) -> bool:
    """(cases) `user` sees case numbers per programme (commissioners), or has a case in their caseload."""
    return case_access.can_see_case_aggregates(user) or case_access.case_list_for(user).exists()


def may_open_referrals(user) -> bool:
    """(cases) `user` may refer someone, or see a referral."""
    return case_access.can_refer(user) or case_access.referral_list_for(user).exists()


def may_open_forum_actions(user) -> bool:
    """(cases.forums) `user` may see a forum action on one of their cases."""
    return forum_access.forum_action_list_for(user).exists()


def may_open_workshops(user) -> bool:
    """(cases.cara) `user` may see a CARA workshop, or put one on."""
    return cara_access.workshop_list_for(user).exists() or cara_access.facilitator_list_for(user).exists()


def administered_membership_list_for(user) -> QuerySet[Membership]:
    """(accounts) The memberships of the organisations `user` administers. None for anyone else."""
    return Membership.objects.filter(organisation__in=org_ids_with_role(user, Role.ADMINISTRATOR)).select_related(
        "user", "organisation").order_by("organisation__name", "user__username")


def may_open_audit_log(user) -> bool:
    """(audit) The audit log opens for `user`: audit's access.py does not refuse it."""
    try:
        audit_access.log_entries_for(user)
    except Http404:
        return False
    return True
