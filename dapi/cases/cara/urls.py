from django.urls import path

from . import views

app_name = "cara"
urlpatterns = [
    path("workshops/", views.workshop_list, name="workshop_list"),
    path("workshops/add/", views.workshop_add, name="workshop_add"),
    path("workshops/<int:pk>/", views.workshop_detail, name="workshop_detail"),
    path("bookings/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("cases/<int:pk>/book/", views.book, name="book"),
]
