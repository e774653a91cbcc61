"""Forms for forum listings and actions: parse and validate what was typed; the services do the
rest. Their choices come from forums/selectors.py (forums and sides the user sees), and victims
appear by pseudonym only."""

from django import forms

from dapi.accounts.models import Organisation
from dapi.lib.forms import AsOfField, DayField, ServiceForm

from ..models import Side
from .models import ActionStatus, ForumType


class ForumListingForm(ServiceForm):
    forum = forms.ModelChoiceField(queryset=ForumType.objects.none(), empty_label="Choose a forum")
    meeting_on = DayField(label="Meeting date")
    member = forms.ModelChoiceField(queryset=None, required=False, label="Victim heard",
                                    help_text="Only for a forum that hears a victim.",
                                    empty_label="No one: the forum hears him")

    def __init__(self, data=None, *, forums, victims, **kwargs):
        """`victims` is None when none of `forums` hears a victim: the form then asks for no one."""
        super().__init__(data, **kwargs)
        self.fields["forum"].queryset = forums
        self.fields["forum"].label_from_instance = lambda f: f"{f.code}: {f.name}"
        if victims is None:
            del self.fields["member"]
        else:
            self.fields["member"].queryset = victims
            self.fields["member"].label_from_instance = lambda m: m.person.reference


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
    today = AsOfField(required=False, label="Overdue as of", help_text="Leave empty for today.")

    def __init__(self, data=None, *, owners, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["forum"].label_from_instance = lambda f: f.code
