"""Case pages: caseload, one case, its people across the barrier, workers, status and work.
Objects come from access.py (404 when hidden); writes go through the services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from dapi.lib import csvfile
from dapi.accounts.roles import COMMISSIONING_ROLES, has_role
from dapi.lib.aggregates import recounted_every
from dapi.audit.services import record_access
from dapi.lib.clock import today
from dapi.funding.access import programme_list_for
from dapi.funding.models import Programme

from .. import access, selectors
from ..forms import (
    AssignmentForm, CaseFilterForm, CaseStatusForm, ContactForm, GoalForm, IdentifyingDetailsForm, MemberForm,
    NeedForm, workers_of,
)
from ..models import Side, WorkerRole
from ..models.cases import WORKER_SIDES
from ..selectors_forums import case_cara_context, case_forum_context
from ..services import cases as case_services
from ..services import people as people_services
from ..services import work as work_services
from ..services.cases import WORKER_ROLE_NEEDED
from dapi.lib.views import allowed, form_page, posted, saved

# A worker's caseload fits on one page; a provider manager's thousands of cases come a page at a time.
CASELOAD_PAGE_SIZE = 100


@login_required
@require_GET
def case_list(request):
    user = request.user
    if has_role(user, *COMMISSIONING_ROLES):
        rows, counted_at = selectors.programme_aggregates_kept(programme_list_for(user).order_by("name"))
        return render(request, "cases/aggregates.html", {"rows": rows, "counted_at": counted_at,
                                                         "recounted_every": recounted_every()})
    visible = access.case_list_for(user)
    form = CaseFilterForm(request.GET or None, programmes=Programme.objects.filter(pk__in=visible.values("programme")))
    filters = form.cleaned_data if form.is_valid() else {}
    cases = selectors.caseload(user, status=filters.get("status", ""), programme=filters.get("programme"))
    page = Paginator(cases, CASELOAD_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "cases/case_list.html", {"cases": page.object_list, "page": page,
                                                    "query": query.urlencode(), "form": form,
                                                    "can_refer": access.can_refer(user)})


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
    page = selectors.case_page(request.user, case)
    page["forums"] = case_forum_context(request.user, case)
    page["cara"] = case_cara_context(request.user, case)
    return render(request, "cases/case_detail.html", page)


@login_required
def case_status(request, pk):
    case = access.case_get_for(request.user, pk)
    allowed(access.can_work_on_case(request.user, case))
    form = CaseStatusForm(posted(request), case=case, initial={"version": case.version, "on": today()})
    if saved(form, lambda: case_services.case_change_status(case=case, by=request.user, **form.cleaned_data)):
        messages.success(request, f"Case {case.reference} is now {case.get_status_display().lower()}.")
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title=f"Change the status of case {case.reference}",
                     caption=f"Now {case.get_status_display().lower()}", back=reverse("cases:case_detail", args=[case.pk]))


@login_required
def assignment_add(request, pk, side):
    case = access.case_get_for(request.user, pk)
    allowed(side in Side.values and access.can_assign_workers(request.user, case, side))
    org = case.provider_id if side == Side.PERPETRATOR else case.victim_service_id
    roles = [(r.value, r.label) for r in WorkerRole if WORKER_SIDES[r] == side]
    form = AssignmentForm(posted(request), workers=workers_of(org, WORKER_ROLE_NEEDED[side]), roles=roles,
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
    case = access.case_get_for(request.user, pk)
    allowed(bool(access.sides_for(request.user, case)))

    def add():
        person = people_services.person_create(recorded_by=case.victim_service or case.provider, by=request.user)
        return case_services.member_add(case=case, person=person, by=request.user, **form.cleaned_data)

    form = MemberForm(posted(request))
    member = saved(form, add)
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
    person = case.perpetrator if int(person_pk) == case.perpetrator_id else None
    if person is None:
        person = access.victim_record_get_for(request.user, case, _member_id(case, person_pk)).person
    details = access.identifying_details_for(request.user, case, person)
    if details:
        record_access(details, by=request.user)
    initial = {f: getattr(details, f) for f in IdentifyingDetailsForm.base_fields} if details else {}
    form = IdentifyingDetailsForm(posted(request), initial=initial)
    if saved(form, lambda: people_services.identifying_details_set(person=person, by=request.user,
                                                                   **form.cleaned_data)):
        messages.success(request, f"Details of {person.reference} saved.")
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title=f"Identifying details of {person.reference}", caption=case.reference,
                     back=reverse("cases:case_detail", args=[case.pk]))


def _member_id(case, person_pk):
    member = case.members.filter(person_id=int(person_pk)).values_list("pk", flat=True).first()
    return member or 0


@login_required
def contact_add(request, pk, side):
    case = access.case_get_for(request.user, pk)
    allowed(side in access.sides_for(request.user, case))
    members = case.members.select_related("person").filter(role="victim") if side == Side.VICTIM else None
    form = ContactForm(posted(request), members=members, initial={"on": today()})
    if saved(form, lambda: work_services.contact_create(case=case, side=side, worker=request.user, by=request.user,
                                                        **form.cleaned_data)):
        messages.success(request, "Contact recorded.")
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title=f"Record a session or contact: {Side(side).label.lower()}",
                     caption=case.reference, back=reverse("cases:case_detail", args=[case.pk]))


@login_required
def need_add(request, pk):
    case = access.case_get_for(request.user, pk)
    allowed(access.can_work_on_case(request.user, case))
    form = NeedForm(posted(request), initial={"identified_on": today()})
    if saved(form, lambda: work_services.need_create(case=case, by=request.user, **form.cleaned_data)):
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title="Record a need", caption=case.reference,
                     back=reverse("cases:case_detail", args=[case.pk]))


@login_required
def need_edit(request, pk, need_pk):
    case = access.case_get_for(request.user, pk)
    allowed(access.can_work_on_case(request.user, case))
    need = _get(case.needs, need_pk)
    form = NeedForm(posted(request), initial={"kind": need.kind, "status": need.status,
                                              "identified_on": need.identified_on})
    if saved(form, lambda: work_services.need_update(need=need, by=request.user, updated_on=today(),
                                                     **form.cleaned_data)):
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title=f"Change the {need.kind.name.lower()} need", caption=case.reference,
                     back=reverse("cases:case_detail", args=[case.pk]))


@login_required
def goal_add(request, pk):
    case = access.case_get_for(request.user, pk)
    allowed(access.can_work_on_case(request.user, case))
    form = GoalForm(posted(request), initial={"set_on": today()})
    if saved(form, lambda: work_services.goal_create(case=case, by=request.user, **form.cleaned_data)):
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title="Set a goal", caption=case.reference,
                     back=reverse("cases:case_detail", args=[case.pk]))


@login_required
def goal_edit(request, pk, goal_pk):
    case = access.case_get_for(request.user, pk)
    allowed(access.can_work_on_case(request.user, case))
    goal = _get(case.goals, goal_pk)
    form = GoalForm(posted(request), initial={f: getattr(goal, f) for f in GoalForm.base_fields})
    if saved(form, lambda: work_services.goal_update(goal=goal, by=request.user, **form.cleaned_data)):
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title="Change a goal", caption=case.reference,
                     back=reverse("cases:case_detail", args=[case.pk]))


def _get(queryset, pk):
    try:
        return queryset.get(pk=int(pk))
    except (queryset.model.DoesNotExist, ValueError):
        raise Http404("Not found") from None
