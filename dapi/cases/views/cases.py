"""Case pages: caseload, one case, its people across the barrier, workers, status and work.
Objects come from access.py (404 when hidden or not to be changed by this user); writes go
through the services, which check again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from dapi.audit.services import record_access
from dapi.lib import csvfile
from dapi.lib.clock import today
from dapi.lib.views import form_page, posted, saved

from .. import access, selectors
from ..assessment import selectors as assessment_selectors
from ..forms import (
    AssignmentForm, CaseFilterForm, CaseStatusForm, ContactForm, GoalForm, IdentifyingDetailsForm, MemberForm,
    NeedForm,
)
from ..models import Side
from ..services import cases as case_services
from ..services import people as people_services
from ..services import work as work_services

# A worker's caseload fits on one page; a provider manager's thousands of cases come a page at a time.
CASELOAD_PAGE_SIZE = 100


@login_required
@require_GET
def case_list(request):
    user = request.user
    aggregates = selectors.case_aggregates_page(user)
    if aggregates is not None:
        return render(request, "cases/aggregates.html", aggregates)
    form = CaseFilterForm(request.GET or None, programmes=selectors.caseload_programmes(user))
    filters = form.cleaned_data if form.is_valid() else {}
    cases = selectors.caseload(user, status=filters.get("status", ""), programme=filters.get("programme"))
    page = Paginator(cases, CASELOAD_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "cases/case_list.html", {**selectors.caseload_page(user, list(page.object_list)),
                                                    "page": page,
                                                    "query": query.urlencode(), "form": form,
                                                    "overdue": assessment_selectors.overdue_plans(user)})


@login_required
@require_GET
def case_export(request):
    """The caseload as CSV: references, dates and grades only, never a name or contact detail."""
    cases = list(selectors.caseload(request.user).prefetch_related("members__person", "risk_assessments"))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="caseload.csv"'
    writer = csvfile.Writer(response, lineterminator="\r\n")
    writer.writerow(["case", "programme", "status", "referred_on", "entered_on", "ended_on", "perpetrator",
                     "victims", "children", "latest_victim_grades"])
    for case in cases:
        record_access(case, by=request.user)
        grades = selectors.latest_grades(case)
        members = list(case.members.all())
        writer.writerow([
            case.reference, case.programme.name, case.status, case.referred_on, case.entered_on or "",
            case.ended_on or "", case.perpetrator.reference,
            " ".join(m.person.reference for m in members if m.role == "victim"),
            sum(1 for m in members if m.role == "child"),
            " ".join(f"{m.person.reference}:{grades[m.pk].grade}" for m in members if m.pk in grades),
        ])
    return response


@login_required
@require_GET
def case_detail(request, pk):
    case = access.case_get_for(request.user, pk)
    record_access(case, by=request.user)
    return render(request, "cases/case_detail.html", selectors.case_page(request.user, case))


@login_required
def case_status(request, pk):
    case = access.case_to_work_on(request.user, pk)
    form = CaseStatusForm(posted(request), case=case, initial={"version": case.version, "on": today()})
    if saved(form, lambda: case_services.case_change_status(case=case, by=request.user, **form.cleaned_data)):
        messages.success(request, f"Case {case.reference} is now {case.get_status_display().lower()}.")
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title=f"Change the status of case {case.reference}",
                     caption=f"Now {case.get_status_display().lower()}", back=reverse("cases:case_detail", args=[case.pk]))


@login_required
def assignment_add(request, pk, side):
    case = access.case_to_assign_workers(request.user, pk, side)
    form = AssignmentForm(posted(request), **selectors.assignment_form_choices(case, side),
                          initial={"started_on": today()})
    if saved(form, lambda: case_services.assignment_create(case=case, by=request.user, **form.cleaned_data)):
        messages.success(request, "Worker added to the case.")
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title=f"Add a worker: {Side(side).label.lower()}", caption=case.reference,
                     back=reverse("cases:case_detail", args=[case.pk]), submit="Add worker")


@login_required
def member_add(request, pk):
    """Link a victim, child or family member: a new pseudonymous person; her details are added
    by the victim side."""
    case = access.case_to_link_people(request.user, pk)
    form = MemberForm(posted(request))
    member = saved(form, lambda: case_services.member_of_new_person_add(case=case, by=request.user,
                                                                        **form.cleaned_data))
    if member:
        messages.success(request, f"{member.get_role_display()} {member.person.reference} linked to the case.")
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title="Link a victim, child or family member", caption=case.reference,
                     back=reverse("cases:case_detail", args=[case.pk]), submit="Link",
                     intro="They get a pseudonymous reference. Their name and contact details are recorded by "
                           "partner support, on the victim side.")


@login_required
def identifying_details_edit(request, pk, person_pk):
    case = access.case_get_for(request.user, pk)
    person = access.person_to_describe(request.user, case, person_pk)
    details = access.identifying_details_for(request.user, case, person)
    if details:
        record_access(details, by=request.user)
    initial = {f: getattr(details, f) for f in IdentifyingDetailsForm.base_fields} if details else {}
    form = IdentifyingDetailsForm(posted(request), initial=initial)
    if saved(form, lambda: people_services.identifying_details_set(person=person, by=request.user,
                                                                   **form.cleaned_data)):
        messages.success(request, f"Details of {person.reference} saved.")
        duplicates = selectors.likely_duplicates(request.user, person)
        if duplicates:
            messages.warning(request, f"Possibly the same person as {', '.join(p.reference for p in duplicates)}: "
                                      "the same name and date of birth. Check before working with both records.")
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title=f"Identifying details of {person.reference}", caption=case.reference,
                     back=reverse("cases:case_detail", args=[case.pk]))


@login_required
def contact_add(request, pk, side):
    case = access.case_to_record_contact(request.user, pk, side)
    form = ContactForm(posted(request), **selectors.contact_form_choices(case, side), initial={"on": today()})
    if saved(form, lambda: work_services.contact_create(case=case, side=side, worker=request.user, by=request.user,
                                                        **form.cleaned_data)):
        messages.success(request, "Contact recorded.")
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title=f"Record a session or contact: {Side(side).label.lower()}",
                     caption=case.reference, back=reverse("cases:case_detail", args=[case.pk]))


@login_required
def need_add(request, pk):
    case = access.case_to_work_on(request.user, pk)
    form = NeedForm(posted(request), initial={"identified_on": today()})
    if saved(form, lambda: work_services.need_create(case=case, by=request.user, **form.cleaned_data)):
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title="Record a need", caption=case.reference,
                     back=reverse("cases:case_detail", args=[case.pk]))


@login_required
def need_edit(request, pk, need_pk):
    need = access.need_to_change(request.user, pk, need_pk)
    case = need.case
    form = NeedForm(posted(request), initial={"kind": need.kind, "status": need.status,
                                              "identified_on": need.identified_on})
    if saved(form, lambda: work_services.need_update(need=need, by=request.user, updated_on=today(),
                                                     **form.cleaned_data)):
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title=f"Change the {need.kind.name.lower()} need", caption=case.reference,
                     back=reverse("cases:case_detail", args=[case.pk]))


@login_required
def goal_add(request, pk):
    case = access.case_to_work_on(request.user, pk)
    form = GoalForm(posted(request), initial={"set_on": today()})
    if saved(form, lambda: work_services.goal_create(case=case, by=request.user, **form.cleaned_data)):
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title="Set a goal", caption=case.reference,
                     back=reverse("cases:case_detail", args=[case.pk]))


@login_required
def goal_edit(request, pk, goal_pk):
    goal = access.goal_to_change(request.user, pk, goal_pk)
    case = goal.case
    form = GoalForm(posted(request), initial={f: getattr(goal, f) for f in GoalForm.base_fields})
    if saved(form, lambda: work_services.goal_update(goal=goal, by=request.user, **form.cleaned_data)):
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title="Change a goal", caption=case.reference,
                     back=reverse("cases:case_detail", args=[case.pk]))
