"""Project CARA pages: the workshops a provider runs with their places, a workshop's register with
attendance (a missed workshop is a breach), putting on a workshop, and booking a case.

Workshops are seen by the facilitating provider's managers and perpetrator workers; booking and
attendance also need the case visible on its perpetrator side (cara/access.py). Anything else
answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from dapi.lib.clock import today
from dapi.lib.views import form_page, posted, saved

from . import access, selectors, services
from .forms import AttendanceForm, WorkshopBookingForm, WorkshopForm


@login_required
@require_GET
def workshop_list(request):
    return render(request, "cara/workshop_list.html", selectors.workshop_list_page(request.user))


def _register(request, workshop, bound=None):
    rows = selectors.workshop_register(request.user, workshop)
    for row in rows:
        booking = row["booking"]
        row["form"] = bound if bound is not None and bound.prefix == f"b{booking.pk}" else AttendanceForm(
            initial={"version": booking.version}, prefix=f"b{booking.pk}")
    return render(request, "cara/workshop_detail.html", {
        "workshop": workshop, "places_left": selectors.places_left(workshop), "rows": rows, "bound": bound})


@login_required
@require_GET
def workshop_detail(request, pk):
    return _register(request, access.workshop_get_for(request.user, pk))


@login_required
@require_POST
def attendance(request, pk):
    booking = access.booking_to_record_attendance(request.user, pk)
    form = AttendanceForm(request.POST, prefix=f"b{booking.pk}")
    if saved(form, lambda: services.workshop_attendance_record(booking=booking, by=request.user,
                                                               **form.cleaned_data)):
        messages.success(request, f"Case {booking.case.reference}: {booking.get_status_display().lower()}"
                                  + (". The breach is recorded and the police contact told; both workshops are "
                                     "needed again." if booking.status == "missed" else "."))
        return redirect("cara:workshop_detail", pk=booking.workshop_id)
    return _register(request, booking.workshop, bound=form)


@login_required
def workshop_add(request):
    form = WorkshopForm(posted(request), **selectors.workshop_form_choices(request.user))
    workshop = saved(form, lambda: services.workshop_create(by=request.user, **form.cleaned_data))
    if workshop:
        messages.success(request, f"{workshop.get_part_display()} added.")
        return redirect("cara:workshop_detail", pk=workshop.pk)
    return form_page(request, form, title="Put on a CARA workshop", back=reverse("cara:workshop_list"), submit="Add")


@login_required
def book(request, pk):
    case = access.case_to_book(request.user, pk)
    on = today()
    form = WorkshopBookingForm(posted(request), workshops=selectors.bookable_workshops(case, on))
    if saved(form, lambda: services.workshop_booking_create(case=case, by=request.user, booked_on=on,
                                                             **form.cleaned_data)):
        messages.success(request, f"Case {case.reference} booked.")
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title="Book a CARA workshop", caption=f"Case {case.reference}",
                     intro=f"Next: {selectors.cara_progress(case)}.", submit="Book",
                     back=reverse("cases:case_detail", args=[case.pk]))
