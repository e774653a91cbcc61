from django.urls import path

from . import views
from .events import views as event_views
from .registers import views as register_views
from .returns import views as return_views

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
    path("programmes/<slug:slug>/bids/new/", views.bid_create, name="bid_create"),
    path("bids/<int:pk>/outcome/", views.bid_outcome, name="bid_outcome"),
    path("programmes/<slug:slug>/match-contributions/new/", views.match_contribution_create,
         name="match_contribution_create"),
    path("agreements/<int:pk>/targets/new/", views.target_create, name="target_create"),
    path("targets/<int:pk>/actual/", views.target_actual, name="target_actual"),
    path("agreements/<int:pk>/extend/", event_views.agreement_extend, name="agreement_extend"),
    path("agreements/<int:pk>/vary/", event_views.agreement_vary, name="agreement_vary"),
    path("agreements/<int:pk>/break-notice/", event_views.break_notice_give, name="break_notice_give"),
    path("agreements/<int:pk>/terminate/", event_views.agreement_terminate, name="agreement_terminate"),
    path("agreements/<int:pk>/conditions/new/", event_views.condition_add, name="condition_add"),
    path("conditions/<int:pk>/met/", event_views.condition_meet, name="condition_meet"),
    path("agreements/<int:pk>/mirrored-reductions/new/", event_views.mirror_rule_add, name="mirror_rule_add"),
    path("agreements/<int:pk>/funding-conditions/new/", event_views.funding_condition_add, name="funding_condition_add"),
    path("funding-conditions/<int:pk>/status/", event_views.funding_condition_status, name="funding_condition_status"),
    path("agreements/<int:pk>/cuts/new/", event_views.cut_record, name="cut_record"),
    path("cuts/<int:pk>/apply/", event_views.cut_apply, name="cut_apply"),
    path("agreements/<int:pk>/spend-returns/new/", return_views.spend_return_submit, name="spend_return_submit"),
    path("spend-returns/<int:pk>/", return_views.spend_return_detail, name="spend_return_detail"),
    path("spend-returns/<int:pk>/review/", return_views.spend_return_review, name="spend_return_review"),
    path("registers/", register_views.register_import, name="register_import"),
    path("registers/columns/", register_views.register_map, name="register_map"),
    path("registers/preview/", register_views.register_preview, name="register_preview"),
    path("registers/confirm/", register_views.register_confirm, name="register_confirm"),
    path("registers/download/", register_views.register_download, name="register_download"),
]
