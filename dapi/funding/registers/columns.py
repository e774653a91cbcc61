"""The register's columns: the dapi fields a grants or contracts register maps onto (one row per
agreement), how a cell of each is read, what is accepted, and which of a file's headers suggests
which field. The export writes the same columns with these labels, so an exported register
imports back as it was."""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from dapi.lib.csvfile import FORMULA_START

from ..models import AgreementKind, AgreementStatus


class CellError(ValueError):
    """A cell that cannot be read: the message says what would be accepted."""


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    required: bool
    accepted: str
    synonyms: tuple[str, ...] = ()


COLUMNS = [
    Column("reference", "Reference", False, "the register's reference for the agreement, unique in the file, or empty",
           ("ref", "reference number", "contract ref", "grant ref", "agreement ref",
            "contract reference", "grant reference", "agreement reference", "contract id", "grant id", "id")),
    Column("title", "Title", True, "a title of up to 200 characters",
           ("name", "agreement", "contract title", "grant title", "description", "purpose")),
    Column("programme", "Programme", True, "the name or short name (slug) of a programme whose ledger you keep",
           ("programme name", "program", "service", "scheme")),
    Column("kind", "Kind", True, "grant or contract", ("type", "agreement type", "grant or contract")),
    Column("commissioner", "Commissioner", True, "the name of an organisation in dapi",
           ("commissioned by", "funder", "buyer", "awarding body", "contracting authority")),
    Column("provider", "Provider", False, "the name of an organisation in dapi, or empty",
           ("recipient", "supplier", "grantee", "delivered by", "organisation", "recipient organisation")),
    Column("value", "Value", False, "an amount in pounds such as 12500.00 or £12,500, or empty",
           ("amount", "total value", "contract value", "grant amount", "amount awarded", "value gbp")),
    Column("start", "Start", False, "a date such as 2024-04-01 or 01/04/2024, or empty",
           ("start date", "from", "planned start date", "award start")),
    Column("end", "End", True, "a date such as 2025-03-31 or 31/03/2025, on or after the start",
           ("end date", "to", "until", "planned end date", "expiry date")),
    Column("status", "Status", False, "one of draft, approved, active, ended (record a termination on the agreement "
           "page), or empty for approved",
           ("state", "agreement status")),
    Column("extension_until", "Extension until", False, "a date on or after the end, or empty",
           ("extension", "extension end", "maximum end date", "end with extensions")),
    Column("break_notice_months", "Break notice months", False, "a whole number of months from 0 to 60, or empty",
           ("break clause notice", "notice months", "notice period months", "break notice")),
]
BY_KEY = {c.key: c for c in COLUMNS}


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text).lower()).strip()


def suggest_mapping(headers: list[str]) -> dict[str, int | None]:
    """Each field's suggested column (its index in `headers`), matched by the field's key, label or
    a common synonym; None where no header matches. A header is suggested for one field at most."""
    normalised = [_norm(h) for h in headers]
    mapping: dict[str, int | None] = {}
    taken: set[int] = set()
    for column in COLUMNS:
        names = {_norm(column.key), _norm(column.label), *map(_norm, column.synonyms)}
        found = next((i for i, h in enumerate(normalised) if h in names and i not in taken), None)
        mapping[column.key] = found
        if found is not None:
            taken.add(found)
    return mapping


def text(value) -> str:
    """A cell as text, with the apostrophe dapi's CSV writer puts before formula-like text taken off."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    result = str(value).strip()
    if result.startswith("'") and result[1:].startswith(FORMULA_START):
        result = result[1:]
    return result


def read_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = text(value)
    if not raw:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d %b %Y", "%d %B %Y"):
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise CellError(f"{raw!r} is not a date")


def read_amount(value) -> Decimal | None:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        amount = Decimal(str(value))
    else:
        raw = text(value).replace("£", "").replace(",", "").strip()
        if not raw:
            return None
        try:
            amount = Decimal(raw)
        except InvalidOperation:
            raise CellError(f"{text(value)!r} is not an amount") from None
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")) or amount >= 10**12:
        raise CellError(f"{text(value)!r} is not an amount of £0.00 to £999,999,999,999.99 in whole pence")
    return amount.quantize(Decimal("0.01"))


def read_choice(value, choices, default=None) -> str | None:
    raw = _norm(text(value)).replace(" ", "_")
    if not raw:
        return default
    if raw not in choices:
        raise CellError(f"{text(value)!r} is not one of {', '.join(choices)}")
    return raw


def read_months(value) -> int | None:
    raw = text(value)
    if not raw:
        return None
    if not raw.isdigit() or int(raw) > 60:
        raise CellError(f"{raw!r} is not a whole number of months from 0 to 60")
    return int(raw)


KINDS = AgreementKind.values
STATUSES = AgreementStatus.values
