"""Who may see and record forum listings and actions, on top of the case barrier (cases/access.py).

A listing is seen with its case, and a victim-focused listing names the victim heard by pseudonym
only. An action sits on one side of the barrier: it is seen, added and changed only by someone who
sees that side of its case. A case is listed at a forum only by someone who sees the forum's side.
Anything else answers 404, in the same words as for something that does not exist.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from dapi.accounts.lists import exists_for

from .. import access as case_access
from ..models import Case, Side
from .models import ForumAction, ForumListing, ForumType


def forum_type_list_for(user, case: Case) -> QuerySet[ForumType]:
    """The forums at which `user` may list `case`: those whose side of it they see."""
    return ForumType.objects.filter(side__in=case_access.sides_for(user, case))


def can_list_case(user, case: Case, forum: ForumType) -> bool:
    """Someone who sees the forum's side of the case lists it there."""
    return case_access.can_see_side(user, case, forum.side)


def case_to_list(user, case_id) -> Case:
    """A case `user` may list at a forum (they see a side of it that some forum hears); 404 otherwise."""
    case = case_access.case_get_for(user, case_id)
    if not forum_type_list_for(user, case).exists():
        raise Http404("No such case")
    return case


def forum_listing_list_for(user, case: Case) -> QuerySet[ForumListing]:
    """Listings of a case the user can see (none of one they cannot); which victim a victim-focused
    listing concerns is shown by pseudonym."""
    if not case_access.sides_for(user, case):
        return ForumListing.objects.none()
    return case.forum_listings.select_related("forum", "member__person", "area")


def forum_listing_get_for(user, listing_id) -> ForumListing:
    """A listing of a case `user` may see; 404 otherwise, in the same words as for one that does not exist."""
    try:
        listing = ForumListing.objects.select_related("forum", "member__person").get(pk=int(listing_id))
        listing.case = case_access.case_get_for(user, listing.case_id)
    except (ForumListing.DoesNotExist, ValueError, TypeError, Http404):
        raise Http404("No such listing") from None
    return listing


def can_add_action(user, listing: ForumListing, side: str) -> bool:
    """Someone who sees `side` of the listing's case records an action on that side."""
    return case_access.can_see_side(user, listing.case, side)


def listing_to_add_actions(user, listing_id) -> ForumListing:
    """A listing to which `user` may add actions: they see a side of its case; 404 otherwise."""
    listing = forum_listing_get_for(user, listing_id)
    if not case_access.sides_for(user, listing.case):
        raise Http404("No such listing")
    return listing


def forum_action_list_for(user, case: Case | None = None) -> QuerySet[ForumAction]:
    """Forum actions on the sides of the cases `user` may see (all visible cases when `case` is None)."""
    if case is not None:
        return ForumAction.objects.filter(listing__case=case, side__in=case_access.sides_for(user, case)) \
            .select_related("listing__forum", "listing__case", "owner")
    q = Q(pk__in=[])
    for side in (Side.PERPETRATOR, Side.VICTIM):
        q |= Q(side=side) & case_access.case_side_q(user, side, "listing__case__")
    return ForumAction.objects.filter(q).select_related("listing__forum", "listing__case", "owner")


def forum_action_get_for(user, action_id) -> ForumAction:
    """An action on a side of its case that `user` sees; 404 otherwise."""
    try:
        return forum_action_list_for(user).get(pk=int(action_id))
    except (ForumAction.DoesNotExist, ValueError, TypeError):
        raise Http404("No such action") from None


def can_update_action(user, action: ForumAction) -> bool:
    """Anyone who sees the action's side of its case marks it done, cancelled or open again."""
    return case_access.can_see_side(user, action.listing.case, action.side)


def forum_action_to_update(user, action_id) -> ForumAction:
    """An action `user` may mark done, cancelled or open again: the same people who see it
    (`forum_action_get_for`); 404 otherwise."""
    return forum_action_get_for(user, action_id)


def may_open_forum_actions(user) -> bool:
    """`user` may see a forum action on one of their cases (for the navigation)."""
    return exists_for(user, forum_action_list_for)
