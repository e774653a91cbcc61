from django import forms

from dapi.accounts.models import Organisation
from dapi.funding.forms import DayField, ServiceForm

from .models import ActionStatus, ForumType, Side


class ForumListingForm(ServiceForm):
    forum = forms.ModelChoiceField(queryset=ForumType.objects.all(), empty_label="Choose a forum")
    meeting_on = DayField(label="Meeting date")
    member = forms.ModelChoiceField(queryset=None, required=False, label="Victim heard",
                                    help_text="Only for a forum that hears victims, such as MARAC.",
                                    empty_label="Not a victim-focused forum")

    def __init__(self, data=None, *, case, forums, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["forum"].queryset = forums
        self.fields["forum"].label_from_instance = lambda f: f"{f.code}: {f.name}"
        self.fields["member"].queryset = case.members.filter(role="victim").select_related("person")
        self.fields["member"].label_from_instance = lambda m: m.person.reference


class ForumActionForm(ServiceForm):
    description = forms.CharField(max_length=500, widget=forms.Textarea(attrs={"rows": 3}))
    owner = forms.ModelChoiceField(queryset=Organisation.objects.order_by("name"), empty_label="Choose the agency",
                                   label="Owning agency")
    due_on = DayField(label="Due on")
    side = forms.ChoiceField(choices=Side.choices, widget=forms.RadioSelect, label="Who may see it",
                             help_text="A victim-side action is seen only by partner support.")

    def __init__(self, data=None, *, sides, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["side"].choices = [(s, Side(s).label) for s in Side.values if s in sides]


class ForumActionUpdateForm(ServiceForm):
    status = forms.ChoiceField(choices=ActionStatus.choices, widget=forms.RadioSelect)
    completed_on = DayField(required=False, label="Done on")
    version = forms.IntegerField(widget=forms.HiddenInput)


class OverdueFilterForm(forms.Form):
    forum = forms.ModelChoiceField(queryset=ForumType.objects.all(), required=False, empty_label="All forums")
    owner = forms.ModelChoiceField(queryset=Organisation.objects.order_by("name"), required=False,
                                   empty_label="All agencies", label="Owning agency")


class WorkshopBookingForm(ServiceForm):
    workshop = forms.ModelChoiceField(queryset=None, empty_label="Choose a workshop")

    def __init__(self, data=None, *, workshops, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["workshop"].queryset = workshops
        self.fields["workshop"].label_from_instance = lambda w: (
            f"{w.get_part_display()}, {w.starts_at:%-d %b %Y %H:%M}, {w.venue}")


class AttendanceForm(ServiceForm):
    attended = forms.TypedChoiceField(choices=[("yes", "Attended"), ("no", "Missed (a breach)")],
                                      coerce=lambda v: v == "yes", widget=forms.RadioSelect, label="Attendance")
    version = forms.IntegerField(widget=forms.HiddenInput)
