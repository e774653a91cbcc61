from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views import defaults
from django.views.decorators.http import require_GET

from dapi.lib.clock import parse_as_of
from dapi.lib.errors import OutOfBounds
from .home import home_for


@login_required
@require_GET
def home(request):
    return render(request, "home.html", {"home": home_for(request.user, parse_as_of(request.GET.get("today")))})


def bad_request(request, exception):
    """400: a date or period out of range says what would be accepted (dapi.lib.errors.OutOfBounds);
    anything else (a disallowed host, a malformed request) gets Django's plain page, which needs
    nothing from the request."""
    if isinstance(exception, OutOfBounds):
        return render(request, "400.html", {"message": exception.message}, status=400)
    return defaults.bad_request(request, exception)
