from django.urls import path

from . import views

app_name = "forums"
urlpatterns = [
    path("actions/overdue/", views.overdue, name="overdue"),
    path("actions/", views.open_actions, name="open_actions"),
    path("actions/<int:pk>/", views.action_update, name="action_update"),
    path("cases/<int:pk>/listings/add/", views.listing_add, name="listing_add"),
    path("listings/<int:pk>/actions/add/", views.action_add, name="action_add"),
]
