"""Service navigation per role. Links are named URLs so this app imports no higher app."""

from django.urls import reverse

from .models import Role
from .roles import has_role

_LINKS = [
    ("home", "Home", None),
    ("funding:programme_list", "Programmes", (Role.COMMISSIONER, Role.FINANCE_OFFICER, Role.PROVIDER_MANAGER)),
    ("decisions:decision_list", "Decisions", (Role.COMMISSIONER, Role.FINANCE_OFFICER, Role.PROVIDER_MANAGER)),
    ("decisions:resolution_list", "Resolutions", (Role.COMMISSIONER, Role.FINANCE_OFFICER, Role.PANEL_MEMBER)),
    ("cases:case_list", "Cases", (Role.COMMISSIONER, Role.FINANCE_OFFICER, Role.PROVIDER_MANAGER,
                                  Role.PERPETRATOR_WORKER, Role.PARTNER_SUPPORT_WORKER)),
    ("identification:import_list", "Identification", (Role.POLICE_ANALYST,)),
    ("cases:referral_list", "Referrals", (Role.PROVIDER_MANAGER, Role.POLICE_ANALYST)),
    ("forums:overdue", "Forum actions", (Role.PROVIDER_MANAGER, Role.PERPETRATOR_WORKER, Role.PARTNER_SUPPORT_WORKER)),
    ("cara:workshop_list", "CARA workshops", (Role.PROVIDER_MANAGER, Role.PERPETRATOR_WORKER)),
    ("reports:report_list", "Reports", (Role.COMMISSIONER, Role.FINANCE_OFFICER, Role.PROVIDER_MANAGER,
                                        Role.PANEL_MEMBER)),
    ("reports:extract_list", "Extracts", (Role.COMMISSIONER, Role.FINANCE_OFFICER, Role.EVALUATOR)),
    ("audit:log", "Audit log", (Role.ADMINISTRATOR,)),
]


def nav_items_for(user, path: str) -> list[dict]:
    items = []
    for name, text, roles in _LINKS:
        if roles is not None and not has_role(user, *roles):
            continue
        href = reverse(name)
        current = path == href if href == "/" else path.startswith(href)
        items.append({"href": href, "text": text, "current": current})
    return items
