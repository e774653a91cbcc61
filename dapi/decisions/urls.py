from django.urls import include, path

from . import views

app_name = "decisions"
urlpatterns = [
    path("decisions/", views.decision_list, name="decision_list"),
    path("decisions/new/", views.decision_create, name="decision_create"),
    path("decisions/import/", include("dapi.decisions.ingest.urls")),
    path("decisions/<int:pk>/", views.decision_detail, name="decision_detail"),
    path("decisions/<int:pk>/edit/", views.decision_edit, name="decision_edit"),
    path("resolutions/", views.resolution_list, name="resolution_list"),
    path("resolutions/<int:pk>/edit/", views.resolution_edit, name="resolution_edit"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/resolutions/new/", views.resolution_create, name="resolution_create"),
]
