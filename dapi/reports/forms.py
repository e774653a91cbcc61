from django import forms

from dapi.accounts.models import Area, Organisation, OrganisationKind
from dapi.lib.forms import DayField, PeriodField, ServiceForm


class EvidenceFilterForm(forms.Form):
    period = PeriodField(label="Financial year", help_text="For example 2023/24.")
    area = forms.ModelChoiceField(queryset=Area.objects.none(), required=False, empty_label="All areas")
    provider = forms.ModelChoiceField(queryset=Organisation.objects.none(), required=False,
                                      empty_label="All providers")

    def __init__(self, data=None, *, programme, periods=(), **kwargs):
        super().__init__(data, **kwargs)
        # A picker of the years worth asking about (selectors.dashboard_periods); a year typed into
        # the address is still checked by PeriodField and, if allowed, offered too.
        asked = str(self.data.get("period", "")).strip() if self.is_bound else ""
        choices = [str(fy) for fy in periods]
        if asked and asked not in choices:
            choices.append(asked)
        self.fields["period"].widget = forms.Select(choices=[(c, c) for c in choices])
        areas = programme.areas.all()
        self.fields["area"].queryset = Area.objects.filter(pk__in=[a.pk for a in areas] + [
            c.pk for a in areas for c in a.children.all()]).order_by("name")
        self.fields["provider"].queryset = Organisation.objects.filter(
            pk__in=programme.agreements.exclude(provider=None).values("provider")).order_by("name")


class ExtractApprovalForm(ServiceForm):
    programme = forms.ModelChoiceField(queryset=None, empty_label="Choose a programme")
    evaluator = forms.ModelChoiceField(queryset=Organisation.objects.filter(kind=OrganisationKind.EVALUATOR),
                                       empty_label="Choose the evaluator")
    purpose = forms.CharField(max_length=300)
    expires_on = DayField(label="Expires on", help_text="After this day the evaluator can no longer download it.")

    def __init__(self, data=None, *, programmes, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["programme"].queryset = programmes
