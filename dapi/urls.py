from django.urls import include, path

from . import views
from .api import api

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("dapi.accounts.urls")),
    path("", include("dapi.funding.urls")),
    path("", include("dapi.decisions.urls")),
    path("", include("dapi.cases.urls")),
    path("forums/", include("dapi.cases.forums.urls")),
    path("cara/", include("dapi.cases.cara.urls")),
    path("disruption/", include("dapi.cases.disruption.urls")),
    path("assessment/", include("dapi.cases.assessment.urls")),
    path("", include("dapi.identification.urls")),
    path("", include("dapi.reports.urls")),
    path("audit/", include("dapi.audit.urls")),
    path("users/", include("dapi.accounts.users.urls")),
    path("api/", api.urls),
]

handler400 = "dapi.views.bad_request"
