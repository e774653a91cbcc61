"""What the generalising tests read from a written text: the extractor's money lines of one amount."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text


def lines_of(text: str, amount: str) -> list:
    """The money lines the extractor drafts from `text` whose amount is `amount` ("5000", "2500.50")."""
    return [m for m in extract_text(text).money if m.amount == Decimal(amount)]
