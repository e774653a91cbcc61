"""Why a case ended, from a coded list (DOMAIN.md section 8, issue 17 item 6). The free-text
reasons recorded before the list existed were read into it by migration 0008 (its mapping is
frozen there)."""

COMPLETED = "completed"
LOST_CONTACT = "lost_contact"
REFUSED = "refused"
MOVED_AWAY = "moved_away"
IN_CUSTODY = "in_custody"
RISK_ESCALATED = "risk_escalated"
OTHER = "other"

# In the order a form offers them; the four disengaged reasons together.
EXIT_REASONS = [
    (COMPLETED, "Completed the programme"),
    (LOST_CONTACT, "Disengaged: lost contact"),
    (REFUSED, "Disengaged: refused to take part"),
    (MOVED_AWAY, "Disengaged: moved away"),
    (IN_CUSTODY, "Disengaged: in custody"),
    (RISK_ESCALATED, "Risk escalated"),
    (OTHER, "Other"),
]
DISENGAGED_REASONS = (LOST_CONTACT, REFUSED, MOVED_AWAY, IN_CUSTODY)

ENDED_STATUSES = ("completed", "disengaged", "closed")


def coded(status: str, exit_reason: str, reason: str) -> str:
    """The coded reason of an ending as given, or "other" for a reason given in words alone (how the
    API ended a case before the coded list, kept working for its callers)."""
    if status in ENDED_STATUSES and not exit_reason and reason.strip() and status != COMPLETED:
        return OTHER
    return exit_reason
