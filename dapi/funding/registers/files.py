"""Reading and writing a register file: CSV (UTF-8, with or without a byte-order mark) or XLSX (the
first worksheet), its first row the headers. Bounded: at most DAPI_REGISTER_MAX_BYTES,
DAPI_REGISTER_MAX_ROWS rows and (a workbook) DAPI_REGISTER_MAX_UNPACKED_BYTES unpacked, refused with
a message saying so."""

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date

from django.conf import settings

from dapi.lib.csvfile import Writer, safe_cell

FORMATS = {".csv": "csv", ".xlsx": "xlsx"}


class RegisterFileError(ValueError):
    """A file that is not a register dapi can read; the message says what would be."""


@dataclass
class Sheet:
    headers: list[str]
    rows: list[tuple[int, list]]  # (row number in the file, cells as read: text from CSV; text, numbers or dates from XLSX)


def format_of(name: str) -> str:
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in FORMATS:
        raise RegisterFileError(f"{name} is not a register dapi can read: upload a .csv or .xlsx file "
                                "(save an .xls or .ods file as .xlsx first).")
    return FORMATS[suffix]


def read_register(name: str, data: bytes) -> Sheet:
    """The headers and rows of register file `name` (its extension says CSV or XLSX). Blank rows are
    left out. RegisterFileError for a file too large, with too many rows, or not of its kind."""
    kind = format_of(name)
    limit = settings.DAPI_REGISTER_MAX_BYTES
    if len(data) > limit:
        raise RegisterFileError(f"{name} is {len(data) / 1024 / 1024:.1f} MB; a register may be at most "
                                f"{limit / 1024 / 1024:.0f} MB. Split it, or leave out columns dapi does not need.")
    rows = _csv_rows(name, data) if kind == "csv" else _xlsx_rows(name, data)
    numbered = [(n, r) for n, r in enumerate(rows, start=1) if any(c is not None and str(c).strip() for c in r)]
    if not numbered:
        raise RegisterFileError(f"{name} is empty: its first row must name the columns, one agreement a row below.")
    headers = [str(h).strip() if h is not None else "" for h in numbered[0][1]]
    body = numbered[1:]
    if len(body) > settings.DAPI_REGISTER_MAX_ROWS:
        raise RegisterFileError(f"{name} has {len(body):,} rows; a register may have at most "
                                f"{settings.DAPI_REGISTER_MAX_ROWS:,}. Split it and import each part.")
    if not body:
        raise RegisterFileError(f"{name} has headers but no rows: one agreement a row below the headers.")
    width = len(headers)
    return Sheet(headers, [(n, list(r[:width]) + [None] * (width - len(r))) for n, r in body])


def _csv_rows(name: str, data: bytes) -> list[list]:
    if data[:4] == b"PK\x03\x04" or b"\x00" in data[:1024]:
        raise RegisterFileError(f"{name} is not a CSV file (it holds binary data): save it as CSV (UTF-8) or .xlsx.")
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RegisterFileError(f"{name} is not UTF-8 text: save it as CSV (UTF-8) or .xlsx.") from None
    return list(csv.reader(io.StringIO(content)))


def _xlsx_rows(name: str, data: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        unpacked = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise RegisterFileError(f"{name} is not an .xlsx workbook: save it from your spreadsheet as .xlsx "
                                "(Excel workbook) or CSV.") from None
    limit = settings.DAPI_REGISTER_MAX_UNPACKED_BYTES
    if unpacked > limit:  # a small file can unpack to gigabytes (a zip bomb): refused before it is opened
        raise RegisterFileError(f"{name} unpacks to {unpacked / 1024 / 1024:.0f} MB; a register workbook may unpack "
                                f"to at most {limit / 1024 / 1024:.0f} MB. Save it as CSV, or split it.")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise RegisterFileError(f"{name} is not an .xlsx workbook: save it from your spreadsheet as .xlsx "
                                "(Excel workbook) or CSV.") from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(list(row))
            if len(rows) > settings.DAPI_REGISTER_MAX_ROWS + 1:
                raise RegisterFileError(f"{name} has more than {settings.DAPI_REGISTER_MAX_ROWS:,} rows; a register "
                                        "may have no more. Split it and import each part.")
        return rows
    finally:
        workbook.close()


def write_register(headers: list[str], rows: list[list], kind: str) -> bytes:
    """A register file of `kind` (csv or xlsx): the headers, then the rows; dates as dates (ISO in
    CSV), amounts as numbers. CSV goes through dapi's safe writer."""
    if kind == "csv":
        out = io.StringIO()
        writer = Writer(out, lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows([[c.isoformat() if isinstance(c, date) else ("" if c is None else c) for c in r] for r in rows])
        return out.getvalue().encode("utf-8")
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Register")
    sheet.append(headers)
    for row in rows:
        # Text a spreadsheet would run as a formula is made inert, as in CSV.
        sheet.append([float(c) if _is_decimal(c) else safe_cell(c) for c in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _is_decimal(value) -> bool:
    from decimal import Decimal

    return isinstance(value, Decimal)
