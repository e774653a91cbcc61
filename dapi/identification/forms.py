from django import forms

from dapi.lib.forms import AsOfField, ServiceForm


class UploadForm(ServiceForm):
    file = forms.FileField(label="Incident file", help_text="CSV or Parquet with columns incident_id, occurred_on "
                           "(YYYY-MM-DD), area, perpetrator_id, victim_id, offence and optionally perpetrator_age.")
    as_of = AsOfField(label="Rank as of")
    organisation = forms.ModelChoiceField(queryset=None, empty_label=None, label="Police force")

    def __init__(self, data=None, files=None, *, organisations, **kwargs):
        super().__init__(data, files, **kwargs)
        self.fields["organisation"].queryset = organisations


class RankingFilterForm(forms.Form):
    area = forms.ChoiceField(required=False)
    serial_only = forms.BooleanField(required=False, label="Serial perpetrators only (two or more victims)")
    top = forms.IntegerField(required=False, min_value=1, max_value=500, initial=20, label="Top N per area")

    def __init__(self, data=None, *, areas, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["area"].choices = [("", "All areas")] + [(a, a) for a in areas]


class ReferForm(ServiceForm):
    programme = forms.ModelChoiceField(queryset=None, empty_label="Choose a programme")
    provider = forms.ModelChoiceField(queryset=None, empty_label="Choose the provider",
                                      help_text="Who will screen the referral.")
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), help_text="Do not name victims.")

    def __init__(self, data=None, *, programmes, providers, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["programme"].queryset = programmes
        self.fields["provider"].queryset = providers
