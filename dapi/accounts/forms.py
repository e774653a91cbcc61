"""Forms for signing in: the second step's code."""

from django import forms


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
