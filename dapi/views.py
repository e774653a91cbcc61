from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from dapi.lib.clock import parse_as_of
from .home import home_for


@login_required
@require_GET
def home(request):
    return render(request, "home.html", {"home": home_for(request.user, parse_as_of(request.GET.get("today")))})
