from django.urls import path

from .outcomes import views as outcomes
from .views import cases, people, referrals, victims

app_name = "cases"
urlpatterns = [
    path("cases/", cases.case_list, name="case_list"),
    path("cases/export.csv", cases.case_export, name="case_export"),
    path("cases/<int:pk>/", cases.case_detail, name="case_detail"),
    path("cases/<int:pk>/status/", cases.case_status, name="case_status"),
    path("cases/<int:pk>/workers/<str:side>/add/", cases.assignment_add, name="assignment_add"),
    path("cases/<int:pk>/people/add/", cases.member_add, name="member_add"),
    path("cases/<int:pk>/people/<int:person_pk>/details/", cases.identifying_details_edit, name="details_edit"),
    path("cases/<int:pk>/contacts/<str:side>/add/", cases.contact_add, name="contact_add"),
    path("cases/<int:pk>/needs/add/", cases.need_add, name="need_add"),
    path("cases/<int:pk>/needs/<int:need_pk>/", cases.need_edit, name="need_edit"),
    path("cases/<int:pk>/goals/add/", cases.goal_add, name="goal_add"),
    path("cases/<int:pk>/goals/<int:goal_pk>/", cases.goal_edit, name="goal_edit"),
    path("cases/<int:pk>/victims/<int:member_pk>/", victims.victim_detail, name="victim_detail"),
    path("cases/<int:pk>/victims/<int:member_pk>/support/", victims.member_support, name="member_support"),
    path("cases/<int:pk>/victims/<int:member_pk>/safety-plans/add/", victims.safety_plan_add, name="safety_plan_add"),
    path("cases/<int:pk>/victims/<int:member_pk>/dash/add/", victims.dash_add, name="dash_add"),
    path("cases/<int:pk>/victims/<int:member_pk>/outcomes/add/", outcomes.victim_outcome_add,
         name="victim_outcome_add"),
    path("cases/<int:pk>/dash/<int:assessment_pk>/", victims.dash_detail, name="dash_detail"),
    path("referrals/", referrals.referral_list, name="referral_list"),
    path("referrals/new/", referrals.referral_create, name="referral_create"),
    path("referrals/<int:pk>/", referrals.referral_detail, name="referral_detail"),
    path("people/search/", people.person_search, name="person_search"),
]
