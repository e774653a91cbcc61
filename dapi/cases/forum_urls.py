from django.urls import path

from .views import forums

app_name = "forums"
urlpatterns = [
    path("actions/overdue/", forums.overdue, name="overdue"),
    path("actions/", forums.open_actions, name="open_actions"),
    path("actions/<int:pk>/", forums.action_update, name="action_update"),
    path("cases/<int:pk>/listings/add/", forums.listing_add, name="listing_add"),
    path("listings/<int:pk>/actions/add/", forums.action_add, name="action_add"),
]
