"""CARA pages: workshops with their places, bookings and attendance (a missed workshop is a breach)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from dapi.clock import today

from .. import access
from ..forms_forums import AttendanceForm, WorkshopBookingForm
from ..models import Workshop, WorkshopBooking
from ..selectors_forums import places_left
from ..services import cara as cara_services
from .common import allowed, form_page, posted, saved


@login_required
@require_GET
def workshop_list(request):
    workshops = access.workshop_list_for(request.user).order_by("-starts_at")
    return render(request, "cara/workshop_list.html", {
        "rows": [(w, places_left(w)) for w in workshops]})


@login_required
@require_GET
def workshop_detail(request, pk):
    workshop = access.workshop_get_for(request.user, pk)
    bookings = workshop.bookings.select_related("case__perpetrator").order_by("pk")
    return render(request, "cara/workshop_detail.html", {
        "workshop": workshop, "places_left": places_left(workshop),
        "rows": [(b, AttendanceForm(initial={"version": b.version}, prefix=f"b{b.pk}")) for b in bookings]})


@login_required
@require_POST
def attendance(request, pk):
    try:
        booking = WorkshopBooking.objects.select_related("workshop", "case").get(pk=int(pk))
    except (WorkshopBooking.DoesNotExist, ValueError):
        raise Http404("Not found") from None
    workshop = access.workshop_get_for(request.user, booking.workshop_id)
    form = AttendanceForm(request.POST, prefix=f"b{booking.pk}")
    if saved(form, lambda: cara_services.workshop_attendance_record(booking=booking, by=request.user,
                                                                    **form.cleaned_data)):
        messages.success(request, f"Recorded {booking.case.reference} as {booking.get_status_display().lower()}"
                                  + (": breach recorded and the police contact told." if booking.status == "missed"
                                     else "."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("cara:workshop_detail", pk=workshop.pk)


@login_required
def book(request, pk):
    case = access.case_get_for(request.user, pk)
    allowed(access.can_see_perpetrator_side(request.user, case))
    workshops = Workshop.objects.filter(programme=case.programme, starts_at__gte=timezone.now()).order_by("starts_at")
    form = WorkshopBookingForm(posted(request), workshops=workshops)
    if saved(form, lambda: cara_services.workshop_booking_create(case=case, by=request.user, booked_on=today(),
                                                                  **form.cleaned_data)):
        messages.success(request, "Booked.")
        return redirect("cases:case_detail", pk=case.pk)
    return form_page(request, form, title="Book a CARA workshop", caption=case.reference,
                     back=reverse("cases:case_detail", args=[case.pk]), submit="Book")
