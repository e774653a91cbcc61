from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("reports/", views.report_list, name="report_list"),
    path("reports/programmes/<slug:slug>/", views.programme_dashboard, name="dashboard"),
    path("reports/programmes/<slug:slug>/panel-pack.<str:fmt>", views.panel_pack, name="panel_pack"),
    path("reports/extracts/", views.extract_list, name="extract_list"),
    path("reports/extracts/<int:pk>/download/", views.extract_download, name="extract_download"),
]
