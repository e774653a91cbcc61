"""The form that records a disruption or protective action: parse and validate only. Its kinds
come from disruption/selectors.py (a Clare's Law disclosure is offered to the victim side only)."""

from django import forms

from dapi.accounts.models import Organisation
from dapi.lib.forms import DayField, ServiceForm


class DisruptionActionForm(ServiceForm):
    kind = forms.ChoiceField(choices=(), label="Action")
    taken_on = DayField(label="Date taken")
    agency = forms.ModelChoiceField(queryset=Organisation.objects.none(), empty_label="Choose the agency",
                                    label="Agency that took it")

    def __init__(self, data=None, *, kinds, agencies, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["kind"].choices = [("", "Choose the action"), *kinds]
        self.fields["agency"].queryset = agencies
