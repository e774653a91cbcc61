"""Forms for signing in (the second step's code) and for an organisation's identifiers."""

from django import forms

from dapi.lib.forms import ServiceForm


class CodeForm(forms.Form):
    otp_token = forms.CharField(
        label="Code from your authenticator app", max_length=8,
        help_text="The 6-digit code your authenticator app shows for dapi now.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
    )

    def clean_otp_token(self) -> str:
        code = "".join(self.cleaned_data["otp_token"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Enter the code as 6 digits, like 123456")
        return code


class OrganisationIdentifiersForm(ServiceForm):
    """An organisation's identifiers; each is checked against its scheme's format by the service."""

    org_id = forms.CharField(
        label="Organisation identifier (org-id)", required=False, max_length=64,
        help_text="From org-id.guide: the scheme and the register's number, like GB-CHC-1090095 (charity), "
                  "GB-COH-09506232 (company) or GB-LAE-HAM (English council). Leave blank if none.",
        widget=forms.TextInput(attrs={"spellcheck": "false"}))
    charity_number = forms.CharField(label="Charity number", required=False, max_length=20,
                                     help_text="As the charity register gives it. Leave blank if not a charity.",
                                     widget=forms.TextInput(attrs={"spellcheck": "false"}))
    company_number = forms.CharField(label="Company number", required=False, max_length=20,
                                     help_text="All 8 characters as Companies House gives them, like 09506232.",
                                     widget=forms.TextInput(attrs={"spellcheck": "false"}))

    def clean(self):
        data = super().clean()
        # Registers write their letters in capitals (GB-LAE-HAM, SC042386) and no spaces inside.
        return {k: "".join((v or "").split()).upper() for k, v in data.items()}
