"""The service navigation: a link to each page that holds something for the user to see or do.

Whether a page does is answered by the owning app's access.py, the same access the page itself
applies, so the navigation never offers a page that would answer 404 nor hides one that would
show the user their work.
"""

from django.urls import reverse

from dapi.accounts import access as account_access
from dapi.audit import access as audit_access
from dapi.cases import access as case_access
from dapi.cases.cara import access as cara_access
from dapi.cases.forums import access as forum_access
from dapi.decisions import access as decision_access
from dapi.funding import access as funding_access
from dapi.funding.registers import access as register_access
from dapi.identification import access as identification_access
from dapi.reports import access as report_access


def everyone(user) -> bool:
    return True


LINKS = [
    ("home", "Home", everyone),
    ("funding:programme_list", "Programmes", funding_access.may_open_programmes),
    ("funding:register_import", "Registers", register_access.may_import_register),
    ("decisions:decision_list", "Decisions", decision_access.may_open_decisions),
    ("decisions:resolution_list", "Resolutions", decision_access.may_open_resolutions),
    ("cases:case_list", "Cases", case_access.may_open_cases),
    ("identification:import_list", "Identification", identification_access.may_open_imports),
    ("cases:referral_list", "Referrals", case_access.may_open_referrals),
    ("forums:overdue", "Forum actions", forum_access.may_open_forum_actions),
    ("cara:workshop_list", "CARA workshops", cara_access.may_open_workshops),
    ("reports:report_list", "Reports", report_access.may_open_reports),
    ("reports:extract_list", "Extracts", report_access.may_open_extracts),
    ("audit:log", "Audit log", audit_access.may_open_audit_log),
    ("users:user_list", "Users", account_access.may_manage_users),
    ("organisation_list", "Organisations", account_access.may_manage_users),
    ("api_token_list", "API tokens", account_access.may_open_api_tokens),
]


def nav_items_for(user, path: str) -> list[dict]:
    """The links `user` is shown, in order, each marked current when `path` is on its page."""
    items = []
    for name, text, opens in LINKS:
        if not opens(user):
            continue
        href = reverse(name)
        current = path == href if href == "/" else path.startswith(href)
        items.append({"href": href, "text": text, "current": current})
    return items
