from django.urls import path

from . import views

app_name = "assessment"
urlpatterns = [
    path("cases/<int:pk>/add/", views.assessment_add, name="assessment_add"),
    path("cases/<int:pk>/plan/", views.plan_review, name="plan_review"),
]
