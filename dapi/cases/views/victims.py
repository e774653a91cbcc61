"""Victim-side pages: her record, safety plans and DASH. Every one is behind the barrier:
`access.victim_record_get_for` answers 404 to anyone not on the victim side of the case."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from dapi.audit.services import record_access
from dapi.lib.clock import today
from dapi.lib.views import form_page, posted, saved

from .. import access, selectors
from ..outcomes import selectors as outcome_selectors
from ..forms import DashForm, MemberSupportForm, SafetyPlanForm
from ..services import cases as case_services
from ..services import risk as risk_services
from ..services import work as work_services


@login_required
@require_GET
def victim_detail(request, pk, member_pk):
    case = access.case_get_for(request.user, pk)
    member = access.victim_record_get_for(request.user, case, member_pk)
    page = selectors.victim_page(request.user, case, member)
    page["outcomes"] = outcome_selectors.victim_outcomes(request.user, member)
    record_access(member.person, by=request.user)
    if page["details"]:
        record_access(page["details"], by=request.user)
    return render(request, "cases/victim_detail.html", page)


@login_required
def member_support(request, pk, member_pk):
    case = access.case_get_for(request.user, pk)
    member = access.victim_record_get_for(request.user, case, member_pk)
    form = MemberSupportForm(posted(request), initial={
        "safety_flags": member.safety_flags, "offered_support_on": member.offered_support_on,
        "engaged_support_on": member.engaged_support_on})
    if saved(form, lambda: case_services.member_update(member=member, by=request.user, **form.cleaned_data)):
        messages.success(request, f"{member.person.reference} updated.")
        return redirect("cases:victim_detail", pk=case.pk, member_pk=member.pk)
    return form_page(request, form, title=f"Safety flags and support for {member.person.reference}",
                     caption=case.reference, back=reverse("cases:victim_detail", args=[case.pk, member.pk]))


@login_required
def safety_plan_add(request, pk, member_pk):
    case = access.case_get_for(request.user, pk)
    member = access.victim_record_get_for(request.user, case, member_pk)
    form = SafetyPlanForm(posted(request), initial={"agreed_on": today()})
    if saved(form, lambda: work_services.safety_plan_create(member=member, by=request.user, **form.cleaned_data)):
        messages.success(request, "Safety plan saved.")
        return redirect("cases:victim_detail", pk=case.pk, member_pk=member.pk)
    return form_page(request, form, title=f"Safety plan for {member.person.reference}", caption=case.reference,
                     back=reverse("cases:victim_detail", args=[case.pk, member.pk]))


@login_required
def dash_add(request, pk, member_pk):
    """Record a DASH, or save it as a draft to finish later (the "Save as draft" button): a draft
    keeps what is answered so far and is not scored until finished."""
    case = access.case_get_for(request.user, pk)
    member = access.victim_record_get_for(request.user, case, member_pk)
    draft = selectors.dash_draft_of(member)
    if draft is not None:
        record_access(draft, by=request.user)
    as_draft = request.method == "POST" and request.POST.get("action") == "draft"
    form = DashForm(posted(request), draft=as_draft, initial=selectors.dash_form_initial(draft, today()))

    def save_draft():
        data = form.cleaned_data
        return risk_services.dash_draft_save(
            case=case, member=member, by=request.user, answers=form.answers(), assessed_on=data["assessed_on"],
            incident_on=data["incident_on"], judgement_grade=data["judgement_grade"],
            judgement_reason=data["judgement_reason"])

    if as_draft:
        kept = saved(form, save_draft)
        if kept:
            messages.success(request, f"DASH draft saved: {kept.answered} of 24 items answered. It is not scored "
                                      "until you finish it.")
            return redirect("cases:victim_detail", pk=case.pk, member_pk=member.pk)
        return render(request, "cases/dash_form.html", {"form": form, "case": case, "member": member, "draft": draft})

    def save():
        data = form.cleaned_data
        return risk_services.risk_assessment_create(
            case=case, member=member, by=request.user, answers=form.answers(), assessed_on=data["assessed_on"],
            incident_on=data["incident_on"], judgement_grade=data["judgement_grade"],
            judgement_reason=data["judgement_reason"])

    assessment = saved(form, save)
    if assessment:
        messages.success(request, f"DASH recorded: {assessment.score} yes, {assessment.get_grade_display().lower()} "
                                  f"risk{'; refer to MARAC' if assessment.marac_referral else ''}.")
        return redirect("cases:dash_detail", pk=case.pk, assessment_pk=assessment.pk)
    return render(request, "cases/dash_form.html", {"form": form, "case": case, "member": member, "draft": draft})


@login_required
@require_GET
def dash_detail(request, pk, assessment_pk):
    case = access.case_get_for(request.user, pk)
    assessment = access.risk_assessment_get_for(request.user, case, assessment_pk)
    record_access(assessment, by=request.user)
    return render(request, "cases/dash_detail.html", {"case": case, "assessment": assessment})
