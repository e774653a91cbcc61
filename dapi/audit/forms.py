"""The audit log's filters."""

from auditlog.models import LogEntry
from django import forms
from django.contrib.contenttypes.models import ContentType

from dapi.lib.forms import DayField

from .selectors import audited_content_types


class ContentTypeChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        model = obj.model_class()
        return f"{model._meta.verbose_name.capitalize()} ({obj.app_label})" if model else str(obj)


class LogFilterForm(forms.Form):
    actor = forms.CharField(label="Username", required=False, max_length=150)
    action = forms.TypedChoiceField(
        choices=[("", "Any")] + [(str(v), str(label).capitalize()) for v, label in LogEntry.Action.choices],
        coerce=int, empty_value=None, required=False)
    content_type = ContentTypeChoice(queryset=ContentType.objects.none(), required=False, empty_label="Any",
                                     label="Object type")
    record = forms.CharField(label="Record", required=False, max_length=100,
                             help_text="A reference (a case or person, like C-1234-ABCD) or a record's id")
    date_from = DayField(required=False, label="From")
    date_to = DayField(required=False, label="To")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content_type"].queryset = audited_content_types()

    def filters(self) -> dict:
        """The valid filters (an invalid one is ignored and reported on its field)."""
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value not in (None, "")}

    def clean_record(self) -> str:
        return self.cleaned_data["record"].strip()
