from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("reports/", views.report_list, name="report_list"),
    path("reports/programmes/<slug:slug>/", views.programme_dashboard, name="dashboard"),
    path("reports/programmes/<slug:slug>/panel-pack.<str:fmt>", views.panel_pack, name="panel_pack"),
    path("reports/extracts/", views.extract_list, name="extract_list"),
    path("reports/extracts/<int:pk>/download/", views.extract_download, name="extract_download"),
    path("reports/downloads/<str:standard>.<str:fmt>", views.open_data_download, name="open_data_download"),
    path("reports/programmes/<slug:slug>/home-office-return.csv", views.home_office_return,
         name="home_office_return"),
    path("transparency/", views.transparency, name="transparency"),
    path("transparency/<str:standard>.<str:fmt>", views.transparency_file, name="transparency_file"),
]
