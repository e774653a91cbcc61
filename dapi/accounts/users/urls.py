from django.urls import path

from . import views

app_name = "users"
urlpatterns = [
    path("", views.user_list, name="user_list"),
    path("add/", views.user_add, name="user_add"),
    path("<int:pk>/", views.user_detail, name="user_detail"),
    path("<int:pk>/deactivate/", views.user_deactivate, name="user_deactivate"),
    path("<int:pk>/reactivate/", views.user_reactivate, name="user_reactivate"),
    path("<int:pk>/reset-second-factor/", views.user_reset_second_factor, name="user_reset_second_factor"),
    path("<int:pk>/unlock/", views.user_unlock, name="user_unlock"),
]
