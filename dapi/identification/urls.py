from django.urls import path

from . import views

app_name = "identification"
urlpatterns = [
    path("identification/", views.import_list, name="import_list"),
    path("identification/imports/<int:pk>/", views.import_detail, name="import_detail"),
    path("identification/imports/<int:pk>/rerun/", views.import_rerun, name="import_rerun"),
    path("identification/imports/<int:pk>/ranking.csv", views.ranking_csv, name="ranking_csv"),
    path("identification/imports/<int:pk>/perpetrators/<int:ranked_pk>/", views.perpetrator_detail,
         name="perpetrator_detail"),
    path("identification/imports/<int:pk>/cohort/<slug:slug>/", views.cohort, name="cohort"),
    path("identification/cases/<int:case_pk>/outcomes/", views.case_outcomes, name="case_outcomes"),
]
