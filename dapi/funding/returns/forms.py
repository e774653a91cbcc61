"""Forms of spend returns: parse and validate what was typed; the services do the rest."""

from django import forms

from dapi.lib.forms import AmountField, FinancialYearField, ServiceForm

from .services import ACCEPT, QUERY

QUARTERS = [(1, "Q1: April to June"), (2, "Q2: July to September"), (3, "Q3: October to December"),
            (4, "Q4: January to March")]
LINE_ROWS = 6


class SpendReturnForm(ServiceForm):
    financial_year = FinancialYearField(label="Financial year", help_text="For example, 2023/24.")
    quarter = forms.TypedChoiceField(choices=QUARTERS, coerce=int, widget=forms.RadioSelect,
                                     error_messages={"required": "Choose the quarter of the return."})
    explanation = forms.CharField(label="Explanation of the difference from the profile", widget=forms.Textarea,
                                  required=False,
                                  help_text="Needed when spend differs from the agreement's profile for the quarter by "
                                            "more than the share your commissioner has set.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.line_errors: list[str] = []

    def add_service_errors(self, error):
        if hasattr(error, "error_dict"):
            self.line_errors.extend(m for e in error.error_dict.pop("lines", []) for m in e.messages)
        super().add_service_errors(error)


class LineForm(forms.Form):
    """Spend on one budget line; a row left empty is ignored."""

    budget_line = forms.CharField(label="Budget line", max_length=120, required=False)
    amount = AmountField(label="Spend", required=False)

    def clean(self):
        data = super().clean()
        if data.get("budget_line") and data.get("amount") is None and "amount" not in self.errors:
            self.add_error("amount", "Enter the spend on this budget line.")
        if data.get("amount") is not None and not data.get("budget_line") and "budget_line" not in self.errors:
            self.add_error("budget_line", "Name the budget line of this amount.")
        return data


LineFormSet = forms.formset_factory(LineForm, extra=LINE_ROWS, max_num=LINE_ROWS, absolute_max=LINE_ROWS,
                                    validate_max=True)


def line_formset(data=None, spend_return=None) -> forms.BaseFormSet:
    initial = [{"budget_line": line.budget_line, "amount": line.amount}
               for line in spend_return.lines.order_by("pk")] if spend_return else []
    return LineFormSet(data, initial=initial, prefix="lines")


def lines_of(formset) -> list[dict]:
    return [{"budget_line": f.cleaned_data["budget_line"], "amount": f.cleaned_data["amount"]}
            for f in formset.forms if f.cleaned_data.get("budget_line")]


class ReviewForm(ServiceForm):
    decision = forms.ChoiceField(choices=[(ACCEPT, "Accept the return"), (QUERY, "Query the return")],
                                 widget=forms.RadioSelect, label="Your review",
                                 error_messages={"required": "Choose whether to accept the return or query it."})
    note = forms.CharField(label="Query or note", widget=forms.Textarea, required=False,
                           help_text="Needed for a query: what the provider needs to explain or correct.")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
