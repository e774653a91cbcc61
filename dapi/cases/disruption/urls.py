from django.urls import path

from . import views

app_name = "disruption"
urlpatterns = [
    path("cases/<int:pk>/add/", views.action_add, name="action_add"),
]
