"""The forms of his assessment (one set of radios per item of the tool, on the item's own scale)
and of his risk management plan (risks one per line, actions "who: what" one per line): parse and
validate only; the services decide."""

from django import forms
from django.core.exceptions import ValidationError

from dapi.lib.forms import DayField, ServiceForm

from .models import MAX_PLAN_ROWS, AssessmentKind, AssessmentTool


class AssessmentForm(ServiceForm):
    kind = forms.ChoiceField(choices=AssessmentKind.choices, widget=forms.RadioSelect, label="Assessment")
    assessed_on = DayField(label="Date of the assessment")

    def __init__(self, data=None, *, tool: AssessmentTool, **kwargs):
        super().__init__(data, **kwargs)
        for item in tool.items.all():
            low, high = item.scale_min, item.scale_max
            self.fields[f"item_{item.position}"] = forms.TypedChoiceField(
                label=f"{item.position}. {item.wording}", coerce=int, widget=forms.RadioSelect,
                choices=item.points(),
                error_messages={"required": f"Answer item {item.position}, from {low} to {high}.",
                                "invalid_choice": f"Answer item {item.position} with a number from {low} to {high}."})
        self.fields["summary"] = forms.CharField(
            widget=forms.Textarea(attrs={"rows": 4}), required=False, label="Summary",
            help_text="What the assessment found. Perpetrator side only; do not name victims.")

    def answers(self) -> dict[int, int]:
        return {int(name.removeprefix("item_")): value for name, value in self.cleaned_data.items()
                if name.startswith("item_")}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class RiskPlanForm(ServiceForm):
    reviewed_on = DayField(label="Date agreed or reviewed")
    risks = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), label="Risks",
                            help_text="One risk on each line.")
    actions = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), label="Actions and controls",
                              help_text='One on each line, saying who and what, like "Coordinator: weekly '
                                        'check-in with probation".')
    next_review_on = DayField(label="Next review")
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, label="Note of the review")

    def clean_risks(self):
        risks = _lines(self.cleaned_data["risks"])
        if not risks or len(risks) > MAX_PLAN_ROWS:
            raise ValidationError(f"Give from 1 to {MAX_PLAN_ROWS} risks, one on each line.")
        return risks

    def clean_actions(self):
        actions = []
        for n, line in enumerate(_lines(self.cleaned_data["actions"]), start=1):
            who, colon, what = line.partition(":")
            if not colon or not who.strip() or not what.strip():
                raise ValidationError(f'Line {n} says no one or nothing: write "who: what".')
            actions.append({"who": who.strip(), "what": what.strip()})
        if not actions or len(actions) > MAX_PLAN_ROWS:
            raise ValidationError(f"Give from 1 to {MAX_PLAN_ROWS} actions, one on each line.")
        return actions
