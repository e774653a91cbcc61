"""The register pages' forms: the file, and the mapping of each dapi field to one of its columns."""

from django import forms

from dapi.lib.forms import ServiceForm

from .columns import COLUMNS

NOT_IN_FILE = ""


class RegisterUploadForm(ServiceForm):
    file = forms.FileField(label="Register file", help_text="A .csv (UTF-8) or .xlsx file: column headers in the "
                                                            "first row, one grant or contract a row.")


class RegisterMappingForm(ServiceForm):
    """One choice per dapi field: which of the file's columns holds it (or none)."""

    def __init__(self, data=None, *, headers: list[str], initial: dict[str, int | None]):
        super().__init__(data)
        choices = [(NOT_IN_FILE, "(not in the file)")] + [(str(i), h or f"Column {i + 1}") for i, h in enumerate(headers)]
        for column in COLUMNS:
            chosen = initial.get(column.key)
            self.fields[column.key] = forms.ChoiceField(
                label=column.label, choices=choices, required=column.required,
                initial=NOT_IN_FILE if chosen is None else str(chosen),
                help_text=f"{'Required' if column.required else 'Optional'}: {column.accepted}.",
                error_messages={"required": f"Choose the column that holds {column.label}."})

    def mapping(self) -> dict[str, int | None]:
        return {key: int(value) if value != NOT_IN_FILE else None for key, value in self.cleaned_data.items()}
