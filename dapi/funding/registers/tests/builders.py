"""Small builders of register files for the tests: real CSV and XLSX files (openpyxl), written to a
temporary directory, with an office's own headers (not dapi's), one agreement a row."""

import csv
from datetime import date
from pathlib import Path

from openpyxl import Workbook

OFFICE_HEADERS = ["Contract ref", "Name", "Programme", "Type", "Funder", "Supplier", "Amount", "Start date",
                  "End date", "Status", "Notes"]
CLEVELAND = "cleveland-complex-needs"
OPCC = "Office of the Police and Crime Commissioner for Cleveland"
HARBOUR = "Harbour Support Services"


def office_row(i: int, **changes) -> list:
    row = {"Contract ref": f"REG-{i:04d}", "Name": f"Synthetic register agreement {i}", "Programme": CLEVELAND,
           "Type": "grant" if i % 2 else "contract", "Funder": OPCC, "Supplier": HARBOUR,
           "Amount": f"{1000 + i}.50", "Start date": "2024-04-01", "End date": "31/03/2025", "Status": "approved",
           "Notes": "office's own column, not imported"}
    row.update(changes)
    return [row[h] for h in OFFICE_HEADERS]


def office_rows(n: int) -> list[list]:
    return [office_row(i) for i in range(1, n + 1)]


def write_csv(path: Path, rows: list[list], headers=OFFICE_HEADERS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list], headers=OFFICE_HEADERS, native=True) -> Path:
    """An XLSX register; with `native`, amounts as numbers and dates as date cells, as a spreadsheet keeps them."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        if native:
            row = [float(c) if h == "Amount" and c else _day(c) if h in ("Start date", "End date") else c
                   for h, c in zip(headers, row)]
        sheet.append(row)
    workbook.save(path)
    return path


def _day(value):
    if isinstance(value, str) and "/" in value:
        d, m, y = value.split("/")
        return date(int(y), int(m), int(d))
    return date.fromisoformat(value) if isinstance(value, str) and value else value
