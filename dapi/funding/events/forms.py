"""Forms of contract events, grant conditions and co-funding: parse and validate what was typed; the
services in services/events.py and services/cofunding.py decide the rest (and name the field they
refuse). Choices (decision records, the agreement's partners) come from events/selectors.py.

A required field refuses with the words its service would use."""

from decimal import Decimal

from django import forms

from dapi.lib.forms import AmountField, DayField, FinancialYearField, ServiceForm

from ..forms import OrganisationField
from ..models import FundingStatus, NoticeParty


def _decision_field(what: str) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(queryset=None, label="Approving decision record", empty_label="Choose a decision record",
                                  help_text="An approved decision record of the programme.",
                                  error_messages={"required": f"Choose the decision record that approved {what}."})


def _partner_field(label: str, help_text: str = "") -> forms.ModelChoiceField:
    return forms.ModelChoiceField(queryset=None, label=label, help_text=help_text,
                                  empty_label="Choose a partner in the schedule",
                                  error_messages={"required": "Choose one of the agreement's partners."})


class _WithDecision(ServiceForm):
    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions


class _WithPartners(ServiceForm):
    partner_fields = ("partner",)

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.partner_fields:
            self.fields[name].queryset = partners


class ExtensionForm(_WithDecision):
    new_end = DayField(label="New end date")
    exercised_on = DayField(label="Agreed on", help_text="The day the extension was agreed.")
    decision = _decision_field("the extension")
    new_value = AmountField(label="New total value", required=False,
                            help_text="Only when the extension adds money: the agreement's total value after it.")
    note = forms.CharField(widget=forms.Textarea, required=False)


class VariationForm(_WithDecision):
    varied_on = DayField(label="Agreed on", help_text="The day the variation was agreed.")
    description = forms.CharField(label="What changes and why", widget=forms.Textarea,
                                  error_messages={"required": "Say what the variation changes and why."})
    new_value = AmountField(label="New total value", required=False, help_text="Leave empty when the value is unchanged.")
    new_end = DayField(label="New end date", required=False, help_text="Leave empty when the term is unchanged.")
    decision = _decision_field("the variation")


class BreakNoticeForm(ServiceForm):
    given_by = forms.ChoiceField(label="Who gave notice", choices=NoticeParty.choices, widget=forms.RadioSelect,
                                 error_messages={"required": "Choose who gave notice: the commissioner or the provider."})
    given_on = DayField(label="Notice given on")
    effective_on = DayField(label="The agreement ends on", help_text="The last day of the agreement under the notice.")
    note = forms.CharField(widget=forms.Textarea, required=False)


class TerminationForm(ServiceForm):
    terminated_on = DayField(label="Terminated on", help_text="The agreement's last day.")
    reason = forms.CharField(widget=forms.Textarea,
                             error_messages={"required": "Enter the reason the agreement was terminated."})


class ConditionForm(ServiceForm):
    text = forms.CharField(label="Condition", widget=forms.Textarea, help_text="As the agreement or grant letter states it.",
                           error_messages={"required": "Enter the condition as the agreement states it."})
    due_on = DayField(label="Due by", required=False)


class ConditionMetForm(ServiceForm):
    met_on = DayField(label="Met on")
    evidence = forms.CharField(widget=forms.Textarea, required=False, help_text="What shows it was met.")
    evidence_url = forms.URLField(label="Link to the evidence", required=False, max_length=500, assume_scheme="https",
                                  error_messages={"invalid": "Enter a link like https://example.org/evidence.pdf."})


class MirrorRuleForm(_WithPartners):
    partner_fields = ("partner", "follows")
    partner = _partner_field("Partner that may reduce its contribution", "For example, the PCC.")
    follows = _partner_field("By the same percentage as", "The partner whose cut it mirrors, e.g. the county council.")
    source = forms.CharField(label="Where the rule is stated", max_length=300, required=False,
                             help_text="For example, PCCML/000407/2018, recommendation 2.2.2.")


class FundingConditionForm(_WithPartners):
    partner = _partner_field("Partner whose contribution depends on it")
    funding = forms.CharField(label="Funding it depends on", max_length=200,
                              help_text="As the record names it, e.g. Safer Communities Funding.",
                              error_messages={"required": "Name the funding it depends on."})
    funder = OrganisationField(label="Funder", required=False)
    status = forms.ChoiceField(choices=FundingStatus.choices, initial=FundingStatus.UNKNOWN, widget=forms.RadioSelect)
    known_by = DayField(label="Should be known by", required=False,
                        help_text="Still not known after this day, it shows as a risk on the runway.")
    source = forms.CharField(label="Where the condition is stated", max_length=300, required=False)


class FundingStatusForm(ServiceForm):
    status = forms.ChoiceField(choices=FundingStatus.choices, widget=forms.RadioSelect,
                               error_messages={"required": "Choose confirmed, not forthcoming or not yet known."})
    known_by = DayField(label="Should be known by", required=False)


class CutForm(_WithPartners):
    partner = _partner_field("Partner cutting its contribution")
    from_year = FinancialYearField(label="From the financial year", help_text="For example, 2024/25.")
    percentage = forms.DecimalField(label="Cut, as a percentage", required=False, max_digits=6, decimal_places=2,
                                    help_text="Or give the amount a year below.",
                                    error_messages={"invalid": "Enter a percentage like 10 or 12.5.",
                                                    "max_digits": "Enter a percentage more than 0 and at most 100.",
                                                    "max_whole_digits": "Enter a percentage more than 0 and at most 100.",
                                                    "max_decimal_places": "Enter a percentage to two decimal places."})
    amount = AmountField(label="Cut, as an amount a year", required=False)
    recorded_on = DayField(label="Made known on", help_text="The day the co-funder said so.")
    note = forms.CharField(widget=forms.Textarea, required=False)

    def clean_percentage(self):
        value = self.cleaned_data["percentage"]
        return None if value is None else Decimal(value)


class CutApplyForm(_WithDecision):
    decision = _decision_field("the cut")
    applied_on = DayField(label="Applied from", help_text="The day the decision took effect.")
