"""Forms for decision records and resolutions: parse and validate; services write."""

from django import forms
from django.core.exceptions import ValidationError

from dapi.accounts.models import Organisation
from dapi.lib.forms import DayField, add_service_errors
from dapi.lib.money import format_gbp

from .models import DecisionStatus, DocumentType, ResolutionStatus

YES_NO_UNKNOWN = [("yes", "Yes"), ("no", "No"), ("", "Not stated")]


def _yes_no(value: bool | None) -> str:
    return {True: "yes", False: "no"}.get(value, "")


class YesNoUnknownField(forms.TypedChoiceField):
    """Yes, no, or not stated (None): the record may not say."""

    def __init__(self, **kwargs):
        super().__init__(choices=YES_NO_UNKNOWN, coerce=lambda v: v == "yes", empty_value=None, required=False,
                         widget=forms.RadioSelect, **kwargs)


class _MoneyChoice(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, queryset, label_from, **kwargs):
        self._label_from = label_from
        super().__init__(queryset=queryset, required=False, **kwargs)

    def label_from_instance(self, obj):
        return self._label_from(obj)


LINKS = ("programmes", "agreements", "awards", "allocations")


class DecisionForm(forms.Form):
    """A decision record's own fields and the money it decides. Its choices come from
    selectors.decision_choices: the bodies the user may record for and the money they see."""

    reference = forms.CharField(max_length=80, required=False)
    title = forms.CharField(max_length=300)
    document_type = forms.ChoiceField(choices=DocumentType.choices, label="Document type")
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), label="Decided or published by",
                                          empty_label=None)
    decision_maker = forms.CharField(max_length=300, label="Decision maker")
    status = forms.ChoiceField(choices=DecisionStatus.choices)
    status_text = forms.CharField(max_length=200, required=False, label="Status as published")
    is_key_decision = YesNoUnknownField(label="Key decision")
    is_subject_to_call_in = YesNoUnknownField(label="Subject to call-in")
    decision_date = DayField(required=False, label="Decision date")
    publication_date = DayField(required=False, label="Publication date")
    lead_officer = forms.CharField(max_length=200, required=False, label="Lead officer")
    summary = forms.CharField(widget=forms.Textarea, required=False)
    decision_text = forms.CharField(widget=forms.Textarea, required=False, label="The decision")
    source_note = forms.CharField(max_length=300, required=False, label="Where the record was published")
    programmes = _MoneyChoice(None, str, label="Programmes it concerns")
    agreements = _MoneyChoice(
        None, lambda a: f"{a.title} ({a.provider or 'provider not stated'}): {format_gbp(a.value)}",
        label="Agreements it decides")
    awards = _MoneyChoice(None, lambda a: f"{a.title} ({a.funder}): {format_gbp(a.amount)}", label="Awards it decides")
    allocations = _MoneyChoice(None, lambda al: f"{al.recipient}, {al.fy}: {format_gbp(al.amount)}",
                               label="Allocations it decides")

    def __init__(self, *args, choices, decision=None, **kwargs):
        if decision is not None:
            kwargs.setdefault("initial", self.initial_for(decision))
        super().__init__(*args, **kwargs)
        self.decision = decision
        self.fields["organisation"].queryset = choices.organisations
        self.visible = {name: getattr(choices, name) for name in LINKS}
        for name, queryset in self.visible.items():
            self.fields[name].queryset = queryset

    @staticmethod
    def initial_for(decision) -> dict:
        initial = {name: getattr(decision, name) for name in DecisionForm.base_fields if name not in LINKS}
        initial["organisation"] = decision.organisation_id
        initial["is_key_decision"] = _yes_no(decision.is_key_decision)
        initial["is_subject_to_call_in"] = _yes_no(decision.is_subject_to_call_in)
        for name in LINKS:
            initial[name] = list(getattr(decision, name).values_list("pk", flat=True))
        return initial

    def decision_fields(self) -> dict:
        """Cleaned fields for the service. Links the user cannot see are kept as they were:
        unticking is only possible for what was on the form."""
        fields = {k: v for k, v in self.cleaned_data.items() if k not in LINKS}
        for name in LINKS:
            chosen = list(self.cleaned_data[name])
            if self.decision is not None:
                hidden = getattr(self.decision, name).exclude(pk__in=self.visible[name].values("pk"))
                chosen += list(hidden)
            fields[name] = chosen
        return fields

    def add_service_errors(self, error: ValidationError) -> None:
        add_service_errors(self, error)


class DecisionFilterForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), required=False,
                                          empty_label="All organisations", label="Decided or published by")

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def filters(self) -> dict:
        """The valid filters; one that does not parse is left out."""
        self.is_valid()
        return {k: v for k, v in getattr(self, "cleaned_data", {}).items() if v is not None}


class ResolutionForm(forms.Form):
    number = forms.CharField(max_length=20, required=False, help_text="As numbered in the minutes, for example 3.")
    text = forms.CharField(widget=forms.Textarea, label="Resolution")
    owner = forms.CharField(max_length=200, required=False, help_text="Who must act on it.")
    due_on = DayField(required=False, label="Due date")
    trigger = forms.CharField(max_length=300, required=False, label="Or due on an event",
                              help_text="For example: outcome of the Home Office bid.")
    status = forms.ChoiceField(choices=ResolutionStatus.choices, initial=ResolutionStatus.OPEN)
    completed_on = DayField(required=False, label="Completed on")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    @staticmethod
    def initial_for(resolution) -> dict:
        return {name: getattr(resolution, name) for name in ResolutionForm.base_fields}

    def resolution_fields(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}

    def add_service_errors(self, error: ValidationError) -> None:
        add_service_errors(self, error)
