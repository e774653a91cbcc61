"""Bringing a grants or contracts register into the ledger: each row, read through the confirmed
column mapping, becomes an agreement made by funding's own `agreement_create` (so the same checks,
permission and audit rows as the agreement form). All or nothing: any bad row refuses the whole
file, every bad row named by its row number, column and what would be accepted, and nothing is
written."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.accounts.models import Organisation
from dapi.lib.access import is_system

from ..models import Agreement, AgreementStatus, Programme
from ..services.ledger import agreement_create, out_of_range
from . import access
from .columns import BY_KEY, COLUMNS, STATUSES, CellError, read_amount, read_choice, read_date, read_months, text
from .files import Sheet

# A terminated agreement needs the day it ended, which a register does not carry: record that on the page.
IMPORT_STATUSES = [s for s in STATUSES if s != AgreementStatus.TERMINATED]


class RegisterRefused(ValidationError):
    """The register's bad rows (`errors`, each naming its row, column and what would be accepted)."""

    def __init__(self, errors: list[str]):
        super().__init__(errors)
        self.errors = errors


@dataclass
class PlannedAgreement:
    row: int
    programme: Programme
    fields: dict = field(default_factory=dict)


@dataclass
class Plan:
    rows: list[PlannedAgreement]
    errors: list[str]


def check_mapping(sheet: Sheet, mapping: dict[str, int | None]) -> dict[str, int | None]:
    """The mapping of each field to a column index of `sheet`, checked: every required field mapped, no
    column used twice, no index outside the file. ValidationError naming each problem."""
    problems, used = [], {}
    clean = {}
    for column in COLUMNS:
        index = mapping.get(column.key)
        if index is None or index == "":
            if column.required:
                problems.append(f"Choose the column that holds {column.label} (required): {column.accepted}.")
            clean[column.key] = None
            continue
        index = int(index)
        if not 0 <= index < len(sheet.headers):
            problems.append(f"{column.label}: choose one of the file's {len(sheet.headers)} columns.")
            continue
        if index in used:
            problems.append(f"The column \u201c{sheet.headers[index]}\u201d is chosen for both {used[index]} and "
                            f"{column.label}: choose it for one only.")
        used[index] = column.label
        clean[column.key] = index
    if problems:
        raise ValidationError({"mapping": problems})
    return clean


def _where(sheet: Sheet, row: int, key: str, mapping) -> str:
    column = BY_KEY[key]
    header = sheet.headers[mapping[key]] if mapping.get(key) is not None else None
    named = f"column \u201c{header}\u201d ({column.label})" if header and header != column.label else \
        f"column \u201c{column.label}\u201d"
    return f"Row {row}, {named}"


class _Row:
    """One row being read: its cells through the mapping, what was read and what was wrong."""

    def __init__(self, sheet: Sheet, mapping, row: int, cells: list):
        self.sheet, self.mapping, self.row, self.cells = sheet, mapping, row, cells
        self.found: dict = {}
        self.errors: list[str] = []

    def raw(self, key):
        index = self.mapping.get(key)
        return self.cells[index] if index is not None else None

    def refuse(self, key: str, problem: str, accepted: str | None = None) -> None:
        self.errors.append(f"{_where(self.sheet, self.row, key, self.mapping)}: {problem}; "
                           f"enter {accepted or BY_KEY[key].accepted}.")

    def read(self, key: str, reader, *args) -> None:
        try:
            self.found[key] = reader(self.raw(key), *args)
        except CellError as e:
            self.refuse(key, str(e))


def _read_row(r: _Row, programmes: dict, organisations: dict, choices: str) -> Programme | None:
    for key, limit, required in (("reference", 80, False), ("title", 200, True)):
        value = text(r.raw(key))
        if (required and not value) or len(value) > limit:
            r.refuse(key, "is empty" if not value else f"is over {limit} characters")
        r.found[key] = value
    programme = programmes.get(text(r.raw("programme")).lower())
    if programme is None:
        r.refuse("programme", f"{text(r.raw('programme'))!r} is not a programme whose ledger you keep",
                 f"one of: {choices}")
    for key, required in (("commissioner", True), ("provider", False)):
        name = text(r.raw(key))
        r.found[key] = organisations.get(name.lower()) if name else None
        if (name or required) and r.found[key] is None:
            r.refuse(key, f"{name!r} is not an organisation in dapi" if name else "is empty",
                     f"{BY_KEY[key].accepted} (add it on the organisations page first)")
    r.read("kind", read_choice, ["grant", "contract"])
    if "kind" in r.found and r.found["kind"] is None:
        r.refuse("kind", "is empty")
    r.read("value", read_amount)
    for key in ("start", "end", "extension_until"):
        r.read(key, read_date)
    if "end" in r.found and r.found["end"] is None:
        r.refuse("end", "is empty")
    r.read("status", read_choice, IMPORT_STATUSES, AgreementStatus.APPROVED)
    r.read("break_notice_months", read_months)
    for key, message in out_of_range({k: r.found.get(k) for k in ("start", "end", "extension_until")}).items():
        r.errors.append(f"{_where(r.sheet, r.row, key, r.mapping)}: {message}")
    return programme


def register_plan(*, sheet: Sheet, mapping: dict[str, int | None], by) -> Plan:
    """What importing `sheet` through `mapping` would create for `by`, row by row, and every bad row.
    Writes nothing. Programmes are those whose ledger `by` may change (register access); organisations
    are matched by name, as dapi holds them."""
    mapping = check_mapping(sheet, mapping)
    programmes = list(Programme.objects.all() if is_system(by) else access.register_programme_list_for(by))
    by_name = {p.name.lower(): p for p in programmes} | {p.slug.lower(): p for p in programmes}
    choices = ", ".join(sorted(p.name for p in programmes)) or "none (you keep no programme's ledger)"
    organisations = {o.name.lower(): o for o in Organisation.objects.all()}
    existing = {(programme_id, reference.lower()) for programme_id, reference in Agreement.objects.exclude(
        reference="").values_list("programme_id", "reference")}
    plan, seen = Plan([], []), {}
    for row, cells in sheet.rows:
        r = _Row(sheet, mapping, row, cells)
        programme = _read_row(r, by_name, organisations, choices)
        reference = r.found.get("reference")
        if reference:
            if reference.lower() in seen:
                r.refuse("reference", f"{reference!r} is also the reference of row {seen[reference.lower()]}",
                         "a reference no other row of the file has")
            else:
                seen[reference.lower()] = row
            if programme and (programme.pk, reference.lower()) in existing:
                r.refuse("reference", f"{reference!r} is already an agreement of {programme.name} in dapi",
                         "a new reference, or leave the row out")
        if not r.errors:
            fields = {k: r.found[k] for k in ("reference", "title", "kind", "commissioner", "provider", "value",
                                              "start", "end", "status", "extension_until", "break_notice_months")}
            try:
                Agreement(programme=programme, **fields).full_clean()
            except ValidationError as e:
                for key, messages in e.message_dict.items():
                    where = _where(sheet, row, key, mapping) if key in BY_KEY else f"Row {row}"
                    r.errors.extend(f"{where}: {m}" for m in messages)
        if r.errors:
            plan.errors.extend(r.errors)
        else:
            plan.rows.append(PlannedAgreement(row, programme, fields))
    return plan


@transaction.atomic
def register_import(*, sheet: Sheet, mapping: dict[str, int | None], by) -> list[Agreement]:
    """Create an agreement for every row of `sheet` read through `mapping`, by `by` (who must keep
    the ledger of each row's programme: agreement_create checks it). One transaction: RegisterRefused
    naming every bad row, with nothing written, if any row is bad."""
    plan = register_plan(sheet=sheet, mapping=mapping, by=by)
    if plan.errors:
        raise RegisterRefused(plan.errors)
    return [agreement_create(by=by, programme=p.programme, **p.fields) for p in plan.rows]


def register_rows(agreements) -> tuple[list[str], list[list]]:
    """The register of `agreements` in the import's column layout: the headers and one row each."""
    headers = [c.label for c in COLUMNS]
    rows = []
    for a in agreements.select_related("programme", "commissioner", "provider").order_by("programme__name", "reference",
                                                                                         "pk"):
        rows.append([a.reference, a.title, a.programme.name, a.kind, a.commissioner.name,
                     a.provider.name if a.provider else "", a.value, a.start, a.end, a.status, a.extension_until,
                     a.break_notice_months])
    return headers, rows
