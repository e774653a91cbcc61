"""Reads for the register pages and command: the register `user` may take out, in the import's layout."""

from . import access
from .files import write_register
from .services import register_rows


def register_export(user, kind: str) -> bytes:
    """The register of the agreements of the programmes whose ledger `user` sees (the system: all),
    as a `kind` (csv or xlsx) file in the column layout an import reads."""
    agreements = access.register_agreement_list_for(user)
    headers, rows = register_rows(agreements)
    return write_register(headers, rows, kind)
