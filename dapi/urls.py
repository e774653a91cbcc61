from django.urls import include, path

from . import views
from .api import api

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("dapi.accounts.urls")),
    path("", include("dapi.funding.urls")),
    path("", include("dapi.decisions.urls")),
    path("audit/", include("dapi.audit.urls")),
    path("api/", api.urls),
]
