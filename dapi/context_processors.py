from dapi.lib import clock

from .navigation import nav_items_for


def pinned_date(request):
    """The pinned date (`dapi demo --today`), which the demo banner names, with how to change it and
    the date of the Jenkins Centre's cliff edge, a year before the demonstration date."""
    return {"pinned_today": clock.pinned(), "jenkins_cliff_edge": clock.JENKINS_CLIFF_EDGE}


def navigation(request):
    """Service navigation links: the pages that hold something for the signed-in user (dapi/navigation.py)."""
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"nav_items": []}
    return {"nav_items": nav_items_for(user, request.path)}
