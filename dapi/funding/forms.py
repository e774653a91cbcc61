"""Forms for the funding ledger: parse and validate what was typed; the services do the rest.

Organisations are typed by name (with suggestions from a <datalist>), amounts in pounds and
pence, dates as ISO dates (the browser's date picker) or "31/03/2024".
"""


from django import forms
from django.core.exceptions import MultipleObjectsReturned, ValidationError

from dapi.accounts.models import Area, Organisation

from dapi.lib.forms import AmountField, DayField, FinancialYearField, ServiceForm, add_service_errors

from .models import BID_OUTCOMES, AgreementKind, AgreementStatus, Basis, MatchKind, Measure

ORGANISATION_LIST_ID = "organisation-names"


class OrganisationField(forms.CharField):
    """An organisation typed by its name; an unknown name is an error naming it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)
        self.widget.attrs.update({"list": ORGANISATION_LIST_ID, "autocomplete": "off", "spellcheck": "false"})

    def prepare_value(self, value):
        return value.name if isinstance(value, Organisation) else value

    def clean(self, value):
        name = super().clean(value)
        if not name:
            return None
        try:
            return Organisation.objects.get(name__iexact=name)
        except MultipleObjectsReturned:
            return Organisation.objects.get(name=name)
        except Organisation.DoesNotExist:
            raise ValidationError(
                f"No organisation called “{name}”. Choose one from the list or ask an administrator to add it.",
                code="unknown_organisation",
            ) from None


class AwardForm(ServiceForm):
    title = forms.CharField(max_length=200)
    funder = OrganisationField(help_text="The body that made the award, for example Home Office.")
    recipient = OrganisationField(help_text="Usually the commissioner.")
    amount = AmountField(required=False, help_text="Leave empty when the record does not state it.")
    awarded_on = DayField(label="Awarded on")
    start = DayField(label="Start date")
    end = DayField(label="End date")
    match_required = AmountField(label="Match funding required", required=False,
                                 help_text="Leave empty when the record does not state an amount.")
    match_required_text = forms.CharField(label="Match funding condition as written", max_length=300, required=False)
    match_basis = forms.ChoiceField(label="The match funding required is", choices=Basis.choices, initial=Basis.TOTAL,
                                    widget=forms.RadioSelect, required=False)
    conditions = forms.CharField(widget=forms.Textarea, required=False)

    @staticmethod
    def initial_for(award) -> dict:
        return {name: getattr(award, name) for name in AwardForm.base_fields}

    def clean_match_basis(self):
        return self.cleaned_data["match_basis"] or Basis.TOTAL


class AllocationForm(ServiceForm):
    recipient = OrganisationField(help_text="The area, Community Safety Partnership or partner receiving the money.")
    area = forms.ModelChoiceField(queryset=Area.objects.all(), required=False, empty_label="Not stated")
    financial_year = FinancialYearField(label="Financial year", help_text="For example, 2023/24.")
    amount = AmountField()
    award = forms.ModelChoiceField(queryset=None, required=False, empty_label="Not from a recorded award",
                                   label="Paid from award")
    purpose = forms.CharField(max_length=300, required=False)
    conditions = forms.CharField(widget=forms.Textarea, required=False)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award"].queryset = programme.awards.all()

    @staticmethod
    def initial_for(allocation) -> dict:
        return {name: getattr(allocation, name) for name in AllocationForm.base_fields}


class AgreementForm(ServiceForm):
    kind = forms.ChoiceField(choices=AgreementKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(max_length=200)
    reference = forms.CharField(max_length=80, required=False)
    commissioner = OrganisationField()
    provider = OrganisationField(required=False, help_text="Leave empty when the record does not name the provider.")
    award = forms.ModelChoiceField(queryset=None, required=False, empty_label="Not paid from a recorded award",
                                   label="Paid from award")
    value = AmountField(label="Total value", required=False, help_text="Leave empty when the record does not state it.")
    start = DayField(label="Start date", required=False, help_text="Leave empty when the record does not state it.")
    end = DayField(label="End date")
    extension_until = DayField(label="Extension options can run until", required=False)
    extension_terms = forms.CharField(label="Extension terms", max_length=200, required=False)
    break_notice_months = forms.IntegerField(label="Break clause notice, in months", min_value=0, max_value=120,
                                             required=False,
                                             error_messages={"invalid": "Enter a whole number of months, like 6."})
    conditions = forms.CharField(widget=forms.Textarea, required=False)
    status = forms.ChoiceField(choices=AgreementStatus.choices, initial=AgreementStatus.DRAFT)
    terminated_on = DayField(label="Terminated on", required=False, help_text="Only for a terminated agreement.")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award"].queryset = programme.awards.all()
        self.schedule_errors: list[str] = []

    @staticmethod
    def initial_for(agreement) -> dict:
        return {name: getattr(agreement, name) for name in AgreementForm.base_fields}

    def agreement_fields(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}

    def add_service_errors(self, error: ValidationError) -> None:
        """As `add_service_errors`, with the schedule's errors above the partner lines; a
        per-annum line without a term is told at the start date, which is what is missing."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for e in error.error_dict.pop("contributions", []):
            if e.code == "no_term":
                self.add_error("start", e)
            else:
                self.schedule_errors.extend(e.messages)
        add_service_errors(self, error)


class ContributionForm(forms.Form):
    """One partner's line in an agreement's schedule; a row left empty is ignored."""

    partner = OrganisationField(required=False)
    amount = AmountField(required=False)
    basis = forms.ChoiceField(choices=Basis.choices, initial=Basis.PER_ANNUM)
    is_cap = forms.BooleanField(label="Up to (a maximum)", required=False)
    start = DayField(label="From", required=False, help_text="Only when the line covers part of the term.")
    end = DayField(label="Until", required=False)

    def clean(self):
        data = super().clean()
        if data.get("partner") and data.get("amount") is None and "amount" not in self.errors:
            self.add_error("amount", "Enter the amount of this line.")
        if data.get("amount") is not None and not data.get("partner") and "partner" not in self.errors:
            self.add_error("partner", "Enter the partner paying this line.")
        return data

    def line(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("partner"):
            return None
        return {"partner": data["partner"], "amount": data["amount"], "basis": data["basis"], "is_cap": data["is_cap"],
                "start": data.get("start"), "end": data.get("end")}


# Four empty rows for a new schedule; up to eight lines in all (a co-funder's cut applied part-way
# through the term splits a partner's line in two).
SCHEDULE_ROWS, SCHEDULE_MAX_ROWS = 4, 8
ContributionFormSet = forms.formset_factory(ContributionForm, extra=SCHEDULE_ROWS, max_num=SCHEDULE_MAX_ROWS,
                                            absolute_max=SCHEDULE_MAX_ROWS, validate_max=True)


def schedule_formset(data=None, agreement=None) -> forms.BaseFormSet:
    initial = [{"partner": c.partner, "amount": c.amount, "basis": c.basis, "is_cap": c.is_cap, "start": c.start,
                "end": c.end} for c in agreement.contributions.all()] if agreement else []
    return ContributionFormSet(data, initial=initial, prefix="schedule")


def schedule_lines(formset) -> list[dict]:
    return [line for line in (f.line() for f in formset.forms) if line]


class BidForm(ServiceForm):
    round = forms.ModelChoiceField(queryset=None, label="Funding round", empty_label="Choose a funding round")
    amount_requested = AmountField(label="Amount requested", required=False, help_text="Leave empty when not known.")
    submitted_on = DayField(label="Submitted on", required=False)
    period_start = DayField(label="Period bid for: start", required=False, help_text="Leave empty for the round's period.")
    period_end = DayField(label="Period bid for: end", required=False)
    decision_expected_on = DayField(label="Decision expected on", required=False,
                                    help_text="Leave empty for the date the round gives.")

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds


class BidOutcomeForm(ServiceForm):
    outcome = forms.ChoiceField(choices=[(s.value, s.label) for s in BID_OUTCOMES], widget=forms.RadioSelect,
                                error_messages={"required": "Choose the outcome of the bid."})
    decided_on = DayField(label="Date of the outcome", help_text="The day the funder told you, or the bid was withdrawn.")
    amount = AmountField(label="Amount awarded", required=False,
                         help_text="Needed when partly successful; a successful bid defaults to the amount requested.")
    decision = forms.ModelChoiceField(queryset=None, required=False, label="Approving decision record",
                                      empty_label="None recorded")
    reason = forms.CharField(label="Reason", widget=forms.Textarea, required=False,
                             help_text="Needed when unsuccessful: the reason the funder gave.")

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions


class MatchContributionForm(ServiceForm):
    partner = OrganisationField(help_text="The partner whose own money or resources this is.")
    partner_description = forms.CharField(label="Who is behind it", max_length=300, required=False,
                                          help_text="For a pooled contribution, the partners in it.")
    kind = forms.ChoiceField(choices=MatchKind.choices, initial=MatchKind.CASH, widget=forms.RadioSelect)
    valuation_basis = forms.CharField(label="How it was valued", max_length=300, required=False,
                                      help_text="Needed for a contribution in kind, e.g. staff time at salary cost.")
    amount = AmountField(help_text="For a contribution in kind, its value.")
    basis = forms.ChoiceField(choices=Basis.choices, initial=Basis.TOTAL, widget=forms.RadioSelect,
                              label="The amount is")
    start = DayField(label="Start date")
    end = DayField(label="End date")
    award = forms.ModelChoiceField(queryset=None, required=False, empty_label="No award's condition",
                                   label="Meets the match condition of")

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award"].queryset = programme.awards.all()


class TargetForm(ServiceForm):
    measure = forms.ChoiceField(choices=Measure.choices, widget=forms.RadioSelect,
                                error_messages={"required": "Choose what the target counts."})
    name = forms.CharField(label="Name of the measure", max_length=200, required=False,
                           help_text="Only for a measure the provider enters, e.g. group sessions delivered.")
    financial_year = FinancialYearField(label="Financial year", help_text="For example, 2023/24.")
    target = forms.IntegerField(min_value=0, max_value=1_000_000,
                                error_messages={"invalid": "Enter a whole number, like 40."})


class TargetActualForm(ServiceForm):
    actual = forms.IntegerField(label="Achieved so far", min_value=0, max_value=1_000_000,
                                error_messages={"invalid": "Enter a whole number, like 12."})
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
