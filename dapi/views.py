from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views import defaults
from django.views.decorators.http import require_GET

from dapi.audit.services import record_access
from dapi.lib.clock import parse_as_of
from dapi.lib.errors import OutOfBounds
from .home import home_for


@login_required
@require_GET
def home(request):
    home = home_for(request.user, parse_as_of(request.GET.get("today")))
    for case in home.cases_read:  # a forum action in the needs-action list names its case
        record_access(case, by=request.user)
    return render(request, "home.html", {"home": home})


def bad_request(request, exception):
    """400: a date or period out of range says what would be accepted (dapi.lib.errors.OutOfBounds);
    anything else (a disallowed host, a malformed request) gets Django's plain page, which needs
    nothing from the request."""
    if isinstance(exception, OutOfBounds):
        return render(request, "400.html", {"message": exception.message}, status=400)
    return defaults.bad_request(request, exception)
