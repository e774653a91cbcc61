"""django-rules permissions for the funding ledger, defined over access.py so both agree."""

import rules

from . import access


@rules.predicate
def can_view_programme(user, programme):
    return programme is not None and access.programme_list_for(user).filter(pk=programme.pk).exists()


@rules.predicate
def can_change_programme(user, programme):
    return programme is not None and access.can_change_programme(user, programme)


rules.add_perm("funding.view_programme", can_view_programme)
rules.add_perm("funding.change_programme", can_change_programme)
