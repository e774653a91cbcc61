"""Object permissions for accounts (django-rules)."""

import rules

from .models import Role
from .roles import has_role, org_ids_with_role


@rules.predicate
def is_administrator(user):
    return has_role(user, Role.ADMINISTRATOR)


@rules.predicate
def administers_organisation(user, organisation):
    return organisation is not None and organisation.pk in org_ids_with_role(user, Role.ADMINISTRATOR)


rules.add_perm("audit.view_log", is_administrator)
rules.add_perm("accounts.manage_users", administers_organisation)
