"""Forms for Project CARA: parse and validate what was typed; the services do the rest. Their
choices (programmes, facilitating providers, workshops) come from cara/selectors.py."""

from django import forms
from django.utils import timezone

from dapi.lib.forms import ServiceForm

from .models import WorkshopPart
from .services import MAX_PLACES, day_text, workshop_day


class WorkshopForm(ServiceForm):
    programme = forms.ModelChoiceField(queryset=None, empty_label="Choose a programme")
    facilitator = forms.ModelChoiceField(queryset=None, empty_label="Choose the provider running it")
    part = forms.ChoiceField(choices=WorkshopPart.choices, widget=forms.RadioSelect)
    starts_at = forms.DateTimeField(label="Starts at", help_text="Date and time, like 2024-01-10 18:00.")
    venue = forms.CharField(max_length=200)
    capacity = forms.IntegerField(min_value=1, max_value=MAX_PLACES, initial=MAX_PLACES, label="Places")

    def __init__(self, data=None, *, programmes, facilitators, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["programme"].queryset = programmes
        self.fields["facilitator"].queryset = facilitators


class WorkshopBookingForm(ServiceForm):
    workshop = forms.ModelChoiceField(queryset=None, empty_label="Choose a workshop")

    def __init__(self, data=None, *, workshops, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["workshop"].queryset = workshops
        self.fields["workshop"].label_from_instance = lambda w: (
            f"{w.get_part_display()}, {day_text(workshop_day(w))} {timezone.localtime(w.starts_at):%H:%M}, "
            f"{w.venue} ({w.places_left} of {w.capacity} places left)")


class AttendanceForm(ServiceForm):
    attended = forms.TypedChoiceField(choices=[("yes", "Attended"), ("no", "Missed: a breach, reported to police")],
                                      coerce=lambda v: v == "yes", widget=forms.RadioSelect, label="Attendance")
    version = forms.IntegerField(widget=forms.HiddenInput)
