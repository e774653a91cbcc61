"""Forms for adding a user and changing one's own password (parse and validate only)."""

from django import forms
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.validators import UnicodeUsernameValidator

from dapi.lib.forms import ServiceForm

from ..models import Role


class UserAddForm(ServiceForm):
    organisation = forms.ModelChoiceField(queryset=None, empty_label=None,
                                          error_messages={"required": "Choose the organisation they work for"})
    role = forms.ChoiceField(help_text="What they do there: it decides what they see.",
                             error_messages={"required": "Choose their role"})
    username = forms.CharField(max_length=150, validators=[UnicodeUsernameValidator()],
                               help_text="What they sign in with: letters, digits and @ . + - _ only, like j.smith",
                               error_messages={"required": "Enter a username, like j.smith"})
    first_name = forms.CharField(max_length=150, error_messages={"required": "Enter their first name"})
    last_name = forms.CharField(max_length=150, error_messages={"required": "Enter their last name"})
    email = forms.EmailField(required=False, label="Email address",
                             error_messages={"invalid": "Enter an email address like name@example.org"})

    def __init__(self, *args, organisations, roles: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["role"].choices = [("", "Choose a role")] + [(r, Role(r).label) for r in roles]


class PasswordForm(PasswordChangeForm):
    """Django's password change, in the service's words; the new password meets the same rules as
    every password (settings.AUTH_PASSWORD_VALIDATORS)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Your current password"
        self.fields["new_password1"].label = "New password"
        self.fields["new_password1"].help_text = ("At least 12 characters; not a common password, not only digits "
                                                  "and not like your username.")
        self.fields["new_password2"].label = "New password again"
        for name in ("old_password", "new_password1", "new_password2"):
            self.fields[name].widget.attrs.pop("autofocus", None)
