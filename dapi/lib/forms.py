"""Form plumbing every app's forms use: amounts in pounds and pence, days, financial years, and
the base class for forms whose cleaned data goes to a service."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from dapi.lib import clock
from dapi.lib.errors import OutOfBounds
from dapi.lib.money import FinancialYear


class AmountField(forms.DecimalField):
    """Pounds and pence, 0.00 or more; a leading "£" and thousands commas are accepted."""

    default_error_messages = {
        "invalid": "Enter an amount in pounds and pence, like 1234.56.",
        "min_value": "Enter an amount of £0.00 or more.",
        "max_digits": "Enter an amount of less than £1,000,000,000,000.",
        "max_whole_digits": "Enter an amount of less than £1,000,000,000,000.",
        "max_decimal_places": "Enter an amount to the nearest penny, like 1234.56.",
    }

    def __init__(self, **kwargs):
        super().__init__(max_digits=14, decimal_places=2, min_value=Decimal("0"), **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", "").removeprefix("£").strip()
        return super().to_python(value)


class DayField(forms.DateField):
    widget = forms.DateInput

    default_error_messages = {"invalid": "Enter a real date, like 31/03/2024."}


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """One or more uploaded files (`<input type="file" multiple>`), cleaned to a list."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        # Each file is judged by the service that takes it (an empty or unreadable one is refused
        # there with its name and reason, without refusing the others), so only presence is checked.
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        if not files and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        if not all(hasattr(f, "name") and hasattr(f, "size") for f in files):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return list(files)


class FinancialYearField(forms.CharField):
    """A financial year typed as "2023/24"; cleans to its start year (2023)."""

    def prepare_value(self, value):
        return str(FinancialYear(value)) if isinstance(value, int) else value

    def clean(self, value):
        text = super().clean(value)
        try:
            return FinancialYear.parse(text.strip()).start_year
        except ValueError:
            raise ValidationError("Enter a financial year like 2023/24.", code="invalid") from None


class AsOfField(DayField):
    """An as-of date a filter form asks for, bounded as clock.bounded: from 1 Jan 2000 to ten
    years after today (the work behind the page grows with the span)."""

    def clean(self, value):
        day = super().clean(value)
        if day is not None:
            try:
                clock.bounded(day)
            except OutOfBounds:
                raise ValidationError(f"Enter a date from {clock.EARLIEST:%-d %b %Y} to {clock.latest():%-d %b %Y}.",
                                      code="out_of_range") from None
        return day


class PeriodField(FinancialYearField):
    """A financial year a report asks for, bounded as clock.parse_period (from the year holding
    1 Jan 2000 to the one ten years ahead)."""

    def clean(self, value):
        start_year = super().clean(value)
        first, last = clock.period_bounds()
        if not first.start_year <= start_year <= last.start_year:
            raise ValidationError(f"Enter a financial year from {first} to {last}.", code="out_of_range")
        return start_year


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field it names where the form has
    that field, otherwise above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


class ServiceForm(forms.Form):
    """A form whose cleaned data goes to a service, which may still refuse it."""

    def add_service_errors(self, error: ValidationError) -> None:
        add_service_errors(self, error)
