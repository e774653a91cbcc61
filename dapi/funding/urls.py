from django.urls import path

from . import views

app_name = "funding"
urlpatterns = [
    path("programmes/", views.programme_list, name="programme_list"),
    path("programmes/<slug:slug>/", views.programme_detail, name="programme_detail"),
    path("programmes/<slug:slug>/timeline.svg", views.programme_timeline, name="programme_timeline"),
    path("programmes/<slug:slug>/awards/new/", views.award_create, name="award_create"),
    path("programmes/<slug:slug>/agreements/new/", views.agreement_create, name="agreement_create"),
    path("programmes/<slug:slug>/allocations/new/", views.allocation_create, name="allocation_create"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("agreements/<int:pk>/edit/", views.agreement_edit, name="agreement_edit"),
    path("awards/<int:pk>/edit/", views.award_edit, name="award_edit"),
    path("allocations/<int:pk>/edit/", views.allocation_edit, name="allocation_edit"),
]
