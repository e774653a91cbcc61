"""Who may read the audit trail: administrators, for their own organisations' staff and for
system work. Everyone else gets 404, as for a page that is not there."""

from auditlog.models import LogEntry
from django.db.models import Q, QuerySet

from dapi.accounts.models import Membership, Role
from dapi.accounts.roles import org_ids_with_role
from dapi.lib.access import require


def may_open_audit_log(user) -> bool:
    """`user` administers an organisation, so the audit log opens for them."""
    return bool(org_ids_with_role(user, Role.ADMINISTRATOR))


def log_entries_for(user) -> QuerySet[LogEntry]:
    """Entries `user` may read, newest first: those whose actor belongs to one of the organisations
    `user` administers, and those with no actor (system work). 404 for anyone who administers none."""
    require(may_open_audit_log(user))
    administered = org_ids_with_role(user, Role.ADMINISTRATOR)
    members = Membership.objects.filter(organisation__in=administered).values("user")
    return (LogEntry.objects.filter(Q(actor__in=members) | Q(actor__isnull=True))
            .select_related("actor", "content_type").order_by("-timestamp", "-pk"))
