from django.urls import path

from .views import cara

app_name = "cara"
urlpatterns = [
    path("workshops/", cara.workshop_list, name="workshop_list"),
    path("workshops/add/", cara.workshop_add, name="workshop_add"),
    path("workshops/<int:pk>/", cara.workshop_detail, name="workshop_detail"),
    path("bookings/<int:pk>/attendance/", cara.attendance, name="attendance"),
    path("cases/<int:pk>/book/", cara.book, name="book"),
]
