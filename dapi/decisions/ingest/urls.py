"""The import pages, under decisions/import/ in the decisions namespace (decisions:ingest_upload...)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.ingest_upload, name="ingest_upload"),
    path("<int:pk>/", views.ingest_review, name="ingest_review"),
    path("<int:pk>/file/", views.ingest_file, name="ingest_file"),
    path("batches/<int:pk>/", views.ingest_batch, name="ingest_batch"),
]
