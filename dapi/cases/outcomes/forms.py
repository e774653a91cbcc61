"""The form for a victim's answers: one set of radios per item of her programme's questionnaire."""

from django import forms

from dapi.lib.forms import DayField, ServiceForm

from .models import Questionnaire, Stage


class VictimOutcomeForm(ServiceForm):
    stage = forms.ChoiceField(choices=Stage.choices, widget=forms.RadioSelect)
    recorded_on = DayField(label="Date of the answers")

    def __init__(self, data=None, *, questionnaire: Questionnaire, **kwargs):
        super().__init__(data, **kwargs)
        low, high = questionnaire.scale_min, questionnaire.scale_max
        meaning = ", ".join(f"{n} = {label}" for n, label in ((low, questionnaire.scale_min_label),
                                                              (high, questionnaire.scale_max_label)) if label)
        for item in questionnaire.items.all():
            self.fields[f"item_{item.position}"] = forms.TypedChoiceField(
                label=f"{item.position}. {item.wording}", coerce=int, widget=forms.RadioSelect,
                choices=[(n, str(n)) for n in range(low, high + 1)], help_text=meaning,
                error_messages={"required": f"Answer item {item.position}, from {low} to {high}.",
                                "invalid_choice": f"Answer item {item.position} with a number from {low} to {high}."})

    def answers(self) -> dict[int, int]:
        return {int(name.removeprefix("item_")): value for name, value in self.cleaned_data.items()
                if name.startswith("item_")}
