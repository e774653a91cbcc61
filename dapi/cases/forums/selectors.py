"""Reads for forums: the overdue-actions board, open actions, a case's forum section and the
choices of the forms that list a case and record its actions.

Every protected row starts from forums/access.py, so a forum action appears only to someone who
sees its side of its case, and a victim heard at a forum appears by pseudonym only.
"""

from datetime import date

from django.db.models import Prefetch, QuerySet

from dapi.accounts.models import Organisation
from dapi.lib import clock

from .. import access as case_access
from ..identities.selectors import identities_on_cases
from ..models import Case, MemberRole, Side
from . import access
from .models import ActionStatus, ForumAction, ForumListing, ForumType


def _rows(actions, today: date) -> list[dict]:
    return [{"action": a, "days_overdue": max(0, (today - a.due_on).days)} for a in actions]


def with_names(user, rows: list[dict]) -> list[dict]:
    """`rows` of actions for a page, each with the name of the man on its case where `user` may see
    it (an audited read, so only for pages that show it)."""
    names = identities_on_cases(user, {row["action"].listing.case for row in rows})
    for row in rows:
        case = row["action"].listing.case
        row["name"] = names.of(case.pk, case.perpetrator_id)
    return rows


def overdue_actions(user, today: date, *, forum: ForumType | None = None, owner: Organisation | None = None,
                    ) -> list[dict]:
    """Open actions due before `today` on the sides of the cases `user` may see, most overdue first,
    each with its days overdue; optionally of one forum type and one owning agency."""
    actions = access.forum_action_list_for(user).filter(status=ActionStatus.OPEN, due_on__lt=today)
    if forum is not None:
        actions = actions.filter(listing__forum=forum)
    if owner is not None:
        actions = actions.filter(owner=owner)
    return _rows(actions.order_by("due_on", "pk"), today)


def open_actions(user, today: date) -> list[dict]:
    """Every open action `user` may see, soonest due first (overdue ones first of all)."""
    return _rows(access.forum_action_list_for(user).filter(status=ActionStatus.OPEN).order_by("due_on", "pk"), today)


def action_owners(user) -> QuerySet[Organisation]:
    """The agencies owning actions `user` may see: the choices for the board's owner filter."""
    return Organisation.objects.filter(pk__in=access.forum_action_list_for(user).values("owner")).order_by("name")


def case_forum_context(user, case: Case) -> dict:
    """The case page's forum section: every listing of the case (a victim heard shown by pseudonym),
    with only the actions on the sides `user` sees, and whether `user` may list the case at a forum."""
    sides = case_access.sides_for(user, case)
    visible = ForumAction.objects.filter(side__in=sides).select_related("owner").order_by("due_on", "pk")
    listings = access.forum_listing_list_for(user, case).prefetch_related(Prefetch("actions", queryset=visible))
    return {
        "listings": [{"listing": listing, "actions": list(listing.actions.all())} for listing in listings],
        "can_list": access.forum_type_list_for(user, case).exists(),
        "today": clock.today(),
    }


def listing_form_choices(user, case: Case) -> dict:
    """The choices of the form that lists `case`: the forums `user` may list it at and, where one of
    them hears a victim, the victims of the case (by pseudonym)."""
    forums = access.forum_type_list_for(user, case)
    victims = case.members.filter(role=MemberRole.VICTIM).select_related("person") \
        if forums.filter(side=Side.VICTIM).exists() else None
    return {"forums": forums, "victims": victims}


def action_form_choices(user, listing: ForumListing) -> dict:
    """The sides on which `user` may record an action at `listing`, and the one to offer first (the
    forum's own side when `user` sees it)."""
    sides = case_access.sides_for(user, listing.case)
    return {"sides": sides, "side": listing.forum.side if listing.forum.side in sides else min(sides, default="")}
