"""Forms for importing a decision document: the upload, and the review of its draft (the decision,
its money lines, actions, recommendations and implications checklist). Parse and validate only."""

from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import QueryDict

from dapi.lib.forms import AmountField, DayField, FilesField, ServiceForm, add_service_errors

from ..forms import YesNoUnknownField
from ..models import DecisionStatus, DocumentType, TotalComponent
from .extract import SUPPORTED
from .selectors import ROLE_NEEDS, match_organisation

ORGANISATION_LIST_ID = "organisation-names"
ROLES = [("award", "Award received from a funder"), ("grant", "Grant to a provider"),
         ("contract", "Contract with a provider"), ("allocation", "Allocation to an area, CSP or partner"),
         ("contribution", "Contribution by a partner"), ("match", "Match funding by a partner"),
         ("total", "Stated total (checked, not created)"), ("other", "Other (not created)")]


class UploadForm(ServiceForm):
    file = FilesField(label="Published decision documents",
                      error_messages={"required": "Choose one or more decision documents to upload."})
    organisation = forms.ModelChoiceField(queryset=None, empty_label=None, label="Import it for")

    def __init__(self, data=None, files=None, *, organisations, **kwargs):
        super().__init__(data, files, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["file"].widget.attrs["accept"] = ",".join(SUPPORTED)
        self.fields["file"].help_text = (
            f"Each a .txt file, a .pdf with a text layer (not a scan) or a .docx file, at most 20 MB; up to "
            f"{settings.DAPI_INGEST_MAX_FILES} files and {settings.DAPI_INGEST_MAX_BATCH_BYTES // 1024 // 1024} MB at "
            "once. Several files are read in the background into a queue of drafts.")


class DraftDecisionForm(ServiceForm):
    """The decision record as the reviewer corrects it."""

    title = forms.CharField(max_length=300)
    reference = forms.CharField(max_length=80, required=False)
    document_type = forms.ChoiceField(choices=DocumentType.choices, label="Document type")
    decision_maker = forms.CharField(max_length=300, label="Decision maker")
    status = forms.ChoiceField(choices=DecisionStatus.choices)
    status_text = forms.CharField(max_length=200, required=False, label="Status as published")
    is_key_decision = YesNoUnknownField(label="Key decision")
    is_subject_to_call_in = YesNoUnknownField(label="Subject to call-in")
    decision_date = DayField(required=False, label="Decision date")
    publication_date = DayField(required=False, label="Publication date")
    lead_officer = forms.CharField(max_length=200, required=False, label="Lead officer")
    decision_text = forms.CharField(widget=forms.Textarea, required=False, label="The decision")
    extension_months = forms.IntegerField(required=False, min_value=0, max_value=240, label="Options to extend, in months",
                                          help_text="Applied to the grants and contracts created.")
    break_notice_months = forms.IntegerField(required=False, min_value=0, max_value=120,
                                             label="Break clause notice, in months",
                                             help_text="Applied to the grants and contracts created.")
    programme = forms.ModelChoiceField(queryset=None, required=False, empty_label="A new programme (name it below)",
                                       label="Programme the money is for")
    new_programme_name = forms.CharField(max_length=200, required=False, label="Name of the new programme")
    meeting_body = forms.CharField(max_length=200, required=False, label="Panel or board that met",
                                   help_text="For minutes: its resolutions are recorded against this body.")
    not_duplicate = forms.BooleanField(required=False, label="This is not a duplicate: create it anyway",
                                       help_text="Needed only when the document looks like a duplicate.")

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        self.fields["meeting_body"].widget.attrs.update({"list": ORGANISATION_LIST_ID, "autocomplete": "off"})

    def clean(self):
        data = super().clean()
        if not data.get("programme") and not (data.get("new_programme_name") or "").strip():
            self.add_error("new_programme_name", "Choose a programme or name a new one.")
        return data


class MoneyLineForm(forms.Form):
    """One money line. Ticked lines are created when the draft is confirmed."""

    include = forms.BooleanField(required=False, label="Create this line")
    role = forms.ChoiceField(choices=ROLES)
    title = forms.CharField(max_length=200, required=False, help_text="Names the award, agreement or allocation.")
    counterparty = forms.CharField(max_length=200, required=False, label="Paid to or received from")
    amount = AmountField(error_messages={"required": "Enter the amount, like 12500.00."})
    per_annum = forms.BooleanField(required=False, label="Per annum")
    is_cap = forms.BooleanField(required=False, label="Up to (a maximum)")
    start = DayField(required=False, label="Start")
    end = DayField(required=False, label="End")
    component = forms.MultipleChoiceField(choices=TotalComponent.choices, required=False, label="A total of",
                                          widget=forms.CheckboxSelectMultiple,
                                          help_text="For a stated total: what it should add up to once created.")
    source = forms.IntegerField(widget=forms.HiddenInput, required=False)

    MESSAGES = {"counterparty": "Enter who it is paid to or received from.", "start": "Enter the start date.",
                "end": "Enter the end date.", "component": "Choose what this total adds up."}

    def __init__(self, *args, deciding=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.deciding = deciding
        self.fields["counterparty"].widget.attrs.update({"list": ORGANISATION_LIST_ID, "autocomplete": "off"})
        if self.is_bound and not self.data.get(self.add_prefix("include")):
            self.fields["amount"].required = False  # an unticked line (or the spare row) is not created

    def clean(self):
        data = super().clean()
        if not data.get("include"):
            return data
        if data.get("role") == "other":
            # Confirming never drops a ticked line silently: it is created with a role, or left out.
            self.add_error("role", f"{self.name()}: choose what this line is: an “Other” line is not created. "
                                   "Untick it to leave it out.")
        for name in ROLE_NEEDS.get(data.get("role"), ()):
            if not data.get(name) and name not in self.errors:
                self.add_error(name, self.MESSAGES[name])
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end date must be on or after the start date.")
        return data

    def name(self) -> str:
        """How the line is named in messages: its number in the draft and its amount."""
        source, amount = self.initial.get("source"), self.initial.get("amount")
        if source is None:
            return "The added money line"
        return f"Money line {source + 1}" + (f" (£{amount:,.2f})" if amount is not None else "")

    def match(self):
        """The existing organisation the counterparty names, as the form now reads."""
        value = self["counterparty"].value()
        return match_organisation(value, role=self["role"].value() or "", deciding=self.deciding) if value else None


class ActionForm(forms.Form):
    include = forms.BooleanField(required=False, label="Record as a resolution")
    number = forms.CharField(max_length=20, required=False)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Resolution or deadline")
    due = DayField(required=False, label="Due")
    source = forms.IntegerField(widget=forms.HiddenInput, required=False)


class RecommendationForm(forms.Form):
    include = forms.BooleanField(required=False, label="Keep")
    number = forms.CharField(max_length=20, required=False)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Recommendation")
    source = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ImplicationForm(forms.Form):
    include = forms.BooleanField(required=False, label="Keep")
    topic = forms.CharField(max_length=80)
    considered = YesNoUnknownField(label="Considered")
    source = forms.IntegerField(widget=forms.HiddenInput, required=False)


def _formset(form, extra=0):
    return forms.formset_factory(form, extra=extra, max_num=200, absolute_max=200, validate_max=True)


MoneyLineFormSet = _formset(MoneyLineForm, extra=1)
ActionFormSet = _formset(ActionForm)
RecommendationFormSet = _formset(RecommendationForm)
ImplicationFormSet = _formset(ImplicationForm)


class ReviewForms:
    """The decision form and its four formsets, validated and reported as one."""

    def __init__(self, data=None, *, document, programmes, initial: dict):
        self.decision = DraftDecisionForm(data, programmes=programmes, initial=initial["decision"], prefix="decision")
        self.lines = MoneyLineFormSet(data, initial=initial["lines"], prefix="money",
                                      form_kwargs={"deciding": document.organisation})
        self.actions = ActionFormSet(data, initial=initial["actions"], prefix="actions")
        self.recommendations = RecommendationFormSet(data, initial=initial["recommendations"], prefix="recommendations")
        self.implications = ImplicationFormSet(data, initial=initial["implications"], prefix="implications")
        self.all = [self.decision, self.lines, self.actions, self.recommendations, self.implications]
        self.named = [("line", self.lines), ("action", self.actions), ("recommendation", self.recommendations),
                      ("implication", self.implications)]

    def is_valid(self) -> bool:
        return all([part.is_valid() for part in self.all])  # noqa: C419 (validate every part, to show each one's errors)

    @property
    def errors(self) -> bool:
        return any(part.errors if isinstance(part, forms.Form) else part.total_error_count() for part in self.all)

    def cleaned(self) -> dict:
        """Arguments for services.ingested_document_confirm."""
        def ticked(formset):
            return [f.cleaned_data for f in formset.forms if f.cleaned_data.get("include")]

        return {"fields": self.decision.cleaned_data, "lines": ticked(self.lines), "actions": ticked(self.actions),
                "recommendations": ticked(self.recommendations), "implications": ticked(self.implications)}

    def add_service_errors(self, error: ValidationError) -> None:
        """A line's error on its form ("line-2" is the third ticked line), the rest on the decision form."""
        if not hasattr(error, "error_dict"):
            self.decision.add_error(None, error)
            return
        ticked = [f for f in self.lines.forms if f.cleaned_data.get("include")]
        for key, errors in error.error_dict.items():
            if key.startswith("line-") and int(key[5:]) < len(ticked):
                ticked[int(key[5:])].add_error(None, errors)
            else:
                add_service_errors(self.decision, ValidationError({key: errors}))


def _posted(value):
    """A starting value as a browser would send it back."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def review_data(initial: dict, decision: dict | None = None, lines: list[dict] | None = None) -> QueryDict:
    """What a browser would post for the review form with `initial`'s values, the `decision` fields
    given instead of the proposed ones, and `lines` (each with its draft line "source", or None
    for a new line) instead of the proposed money lines: the API confirms through the same forms."""
    data = QueryDict(mutable=True)
    fields = {**initial["decision"], **(decision or {})}
    for name, value in fields.items():
        if name in DraftDecisionForm.base_fields and _posted(value) is not None:
            data[f"decision-{name}"] = _posted(value)
    parts = {"money": initial["lines"] if lines is None else lines, "actions": initial["actions"],
             "recommendations": initial["recommendations"], "implications": initial["implications"]}
    forms_of = {"money": MoneyLineForm, "actions": ActionForm, "recommendations": RecommendationForm,
                "implications": ImplicationForm}
    for prefix, rows in parts.items():
        data.update({f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(len(rows)),
                     f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "200"})
        for i, row in enumerate(rows):
            for name, value in row.items():
                if name not in forms_of[prefix].base_fields:
                    continue
                if isinstance(value, (list, tuple)):
                    data.setlist(f"{prefix}-{i}-{name}", [str(v) for v in value])
                elif _posted(value) is not None:
                    data[f"{prefix}-{i}-{name}"] = _posted(value)
    return data
