from .navigation import nav_items_for


def navigation(request):
    """Service navigation links: the pages that hold something for the signed-in user (dapi/navigation.py)."""
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"nav_items": []}
    return {"nav_items": nav_items_for(user, request.path)}
