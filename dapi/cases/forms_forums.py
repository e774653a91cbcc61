"""Forms for forums and Project CARA: parse and validate what was typed; the services do the rest.
Choices are narrowed to what the user may use (forums and sides they see), and victims appear by
pseudonym only."""

from django import forms
from django.utils import timezone

from dapi.accounts.models import Organisation
from dapi.lib.forms import DayField, ServiceForm

from .models import ActionStatus, ForumType, MemberRole, Side, WorkshopPart
from .services.cara import MAX_PLACES, day_text, workshop_day


class ForumListingForm(ServiceForm):
    forum = forms.ModelChoiceField(queryset=ForumType.objects.none(), empty_label="Choose a forum")
    meeting_on = DayField(label="Meeting date")
    member = forms.ModelChoiceField(queryset=None, required=False, label="Victim heard",
                                    help_text="Only for a forum that hears a victim.",
                                    empty_label="No one: the forum hears him")

    def __init__(self, data=None, *, case, forums, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["forum"].queryset = forums
        self.fields["forum"].label_from_instance = lambda f: f"{f.code}: {f.name}"
        if forums.filter(side=Side.VICTIM).exists():
            self.fields["member"].queryset = case.members.filter(role=MemberRole.VICTIM).select_related("person")
            self.fields["member"].label_from_instance = lambda m: m.person.reference
        else:
            del self.fields["member"]


class ForumActionForm(ServiceForm):
    description = forms.CharField(max_length=500, widget=forms.Textarea(attrs={"rows": 3}), label="Action")
    owner = forms.ModelChoiceField(queryset=Organisation.objects.order_by("name"), empty_label="Choose the agency",
                                   label="Owning agency")
    due_on = DayField(label="Due on")
    side = forms.ChoiceField(choices=Side.choices, widget=forms.RadioSelect, label="Who may see it",
                             help_text="A victim-side action is seen only by partner support on this case.")

    def __init__(self, data=None, *, sides, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["side"].choices = [(s, Side(s).label) for s in Side.values if s in sides]


class ForumActionUpdateForm(ServiceForm):
    status = forms.ChoiceField(choices=ActionStatus.choices, widget=forms.RadioSelect)
    completed_on = DayField(required=False, label="Done on", help_text="Only when it is done.")
    version = forms.IntegerField(widget=forms.HiddenInput)


class OverdueFilterForm(forms.Form):
    forum = forms.ModelChoiceField(queryset=ForumType.objects.all(), required=False, empty_label="All forums")
    owner = forms.ModelChoiceField(queryset=Organisation.objects.none(), required=False,
                                   empty_label="All agencies", label="Owning agency")
    today = DayField(required=False, label="Overdue as of", help_text="Leave empty for today.")

    def __init__(self, data=None, *, owners, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["forum"].label_from_instance = lambda f: f.code


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
