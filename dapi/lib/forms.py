"""Form plumbing every app's forms use: amounts in pounds and pence, days, financial years, and
the base class for forms whose cleaned data goes to a service."""

from datetime import date
from decimal import Decimal

from django import forms
from django.forms.utils import pretty_name
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


PARTS = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))


class DayWidget(forms.MultiWidget):
    """The GOV.UK date input: day, month and year in three inputs named `<name>_day`, `<name>_month`
    and `<name>_year` (rendered by includes/field.html). A single ISO date posted under the field's
    own name (a script, an older page) is read as before."""

    def __init__(self, attrs=None):
        super().__init__({part: forms.TextInput for part, _, _ in PARTS}, attrs)

    def decompress(self, value):
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        if name in data:
            return data.get(name)
        if all(f"{name}_{part}" not in data for part, _, _ in PARTS):
            return None
        return [data.get(f"{name}_{part}", "") for part, _, _ in PARTS]

    def value_omitted_from_data(self, data, files, name):
        return name not in data and all(f"{name}_{part}" not in data for part, _, _ in PARTS)


class DayBoundField(forms.BoundField):
    """A DayField on a form: its three parts for the template, each saying whether to mark it wrong
    (the empty ones when some are missing, all three otherwise)."""

    @property
    def parts(self) -> list[dict]:
        value = self.value()
        values = value if isinstance(value, (list, tuple)) else self.field.widget.decompress(value)
        values = ["" if v is None else str(v).strip() for v in values]
        empty = [not v for v in values]
        wrong = empty if self.errors and any(empty) and not all(empty) else [bool(self.errors)] * 3
        return [{"id": f"{self.auto_id}_{part}", "name": f"{self.html_name}_{part}", "label": label, "width": width,
                 "value": v, "error": bad} for (part, label, width), v, bad in zip(PARTS, values, wrong)]

    @property
    def error_part_id(self) -> str:
        """The input an error summary links to: the first part marked wrong."""
        return next((p["id"] for p in self.parts if p["error"]), f"{self.auto_id}_day")


class DayField(forms.DateField):
    """A date typed into the GOV.UK date input (DayWidget), cleaning to a `date`. Errors name the
    field and the part that is wrong: "Date of the session must include a month", "must be a real
    date"."""

    widget = DayWidget

    default_error_messages = {"invalid": "Enter a real date, like 31/03/2024."}

    def get_bound_field(self, form, field_name):
        self.error_label = str(self.label or pretty_name(field_name))
        return DayBoundField(form, self, field_name)

    def _label(self) -> str:
        return getattr(self, "error_label", "") or "The date"

    def to_python(self, value):
        if not isinstance(value, (list, tuple)):
            return super().to_python(value)
        day, month, year = ("" if v is None else str(v).strip() for v in value)
        missing = [name for (name, _, _), v in zip(PARTS, (day, month, year)) if not v]
        if len(missing) == 3:
            return None
        if missing:
            raise ValidationError(f"{self._label()} must include a {' and '.join(missing)}.", code="incomplete")
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValidationError(f"{self._label()} must be a real date.", code="invalid")
        if len(year) != 4:
            raise ValidationError(f"{self._label()} must have a year of 4 numbers, like 2024.", code="invalid")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{self._label()} must be a real date.", code="invalid") from None

    def validate(self, value):
        if value in self.empty_values and self.required:
            label = self._label()
            raise ValidationError(f"Enter {label if label[:2].isupper() else label[0].lower() + label[1:]}.",
                                  code="required")
        super().validate(value)


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
