"""The one way dapi writes CSV: cells a spreadsheet would run as a formula are written as text.

A cell that starts with "=", "+", "-", "@", a tab or a carriage return is a formula to Excel,
LibreOffice and Google Sheets, so a name or note typed as "=HYPERLINK(...)" would run on the
desk of whoever opens the export (CSV injection). Such a cell gets a leading apostrophe, which
spreadsheets show as text; a plain number ("-12.50") is left as it is. Imports no Django, so the
identification engine writes through it too."""

import csv
import re
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """`value`, or for text a spreadsheet would run as a formula, the same text made inert."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class Writer:
    """csv.writer with every cell made safe (see the module docstring)."""

    def __init__(self, file: TextIO, **kwargs):
        kwargs.setdefault("lineterminator", "\n")
        self._writer = csv.writer(file, **kwargs)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([safe_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class DictWriter:
    """csv.DictWriter with every value made safe; the header is the caller's own field names."""

    def __init__(self, file: TextIO, fieldnames: list[str], **kwargs):
        kwargs.setdefault("lineterminator", "\n")
        self._writer = csv.DictWriter(file, fieldnames=fieldnames, **kwargs)

    def writeheader(self) -> None:
        self._writer.writeheader()

    def writerow(self, row: Mapping[str, Any]) -> None:
        self._writer.writerow({k: safe_cell(v) for k, v in row.items()})

    def writerows(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self.writerow(row)
