"""The pages that record his assessment and agree or review his risk management plan. The case
comes from assessment/access.py (404 for the victim side and anyone else); the services check again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse

from dapi.lib.clock import today
from dapi.lib.views import form_page, posted, saved

from . import access, selectors, services
from .forms import AssessmentForm, RiskPlanForm


@login_required
def assessment_add(request, pk):
    case = access.case_to_assess(request.user, pk)
    tool = selectors.form_tool(case)
    form = AssessmentForm(posted(request), tool=tool, initial={"assessed_on": today()})
    assessment = saved(form, lambda: services.perpetrator_assessment_record(
        case=case, by=request.user, kind=form.cleaned_data["kind"], assessed_on=form.cleaned_data["assessed_on"],
        answers=form.answers(), summary=form.cleaned_data["summary"]))
    back = reverse("cases:case_detail", args=[case.pk])
    if assessment:
        messages.success(request, f"{assessment.get_kind_display()} assessment saved: total {assessment.total}.")
        return redirect(back + "#assessment")
    return form_page(request, form, title=f"{tool.title}: {case.perpetrator.reference}", caption=case.reference,
                     back=back, intro="Score each item on its own scale. Perpetrator side only: partner support "
                                      "never sees it.")


@login_required
def plan_review(request, pk):
    case = access.case_to_assess(request.user, pk)
    plan = access.risk_plan_for(request.user, case)
    initial = {"reviewed_on": today()}
    if plan:
        initial.update(risks="\n".join(plan.risks),
                       actions="\n".join(f"{a['who']}: {a['what']}" for a in plan.actions))
    form = RiskPlanForm(posted(request), initial=initial)
    saved_plan = saved(form, lambda: services.risk_plan_review(case=case, by=request.user, **form.cleaned_data))
    back = reverse("cases:case_detail", args=[case.pk])
    if saved_plan:
        messages.success(request, f"Risk management plan saved; next review {saved_plan.next_review_on.day} "
                                  f"{saved_plan.next_review_on:%b %Y}.")
        return redirect(back + "#risk-plan")
    return form_page(request, form, title=("Review" if plan else "Agree") + " the risk management plan",
                     caption=f"Case {case.reference}", back=back,
                     intro="Perpetrator side only: partner support never sees it.")
