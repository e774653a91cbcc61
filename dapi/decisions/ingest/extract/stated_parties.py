"""The rules that read a sum's party from the words around it last, after every other rule has had its say: the
deciding body's funder named where its receipt is, a sum paired with the next before one "from", a body's fees, a total
a further term brings a contract to, a body that only decided, and a national sum (each in its own module)."""

from .deciding_bodies import drop_deciding_bodies
from .draft import MoneyItem
from .fees_of import named_by_fees
from .national_sums import drop_national_parties
from .paired_from import named_for_paired_sums
from .receipt_from import named_by_receipt
from .running_totals import named_for_running_totals


def read_stated_parties(text: str, money: list[MoneyItem]) -> None:
    """Run the rules above in order; the national sums last, so that no other rule gives them a party again."""
    named_by_receipt(text, money)
    named_for_paired_sums(text, money)
    named_by_fees(text, money)
    named_for_running_totals(text, money)
    drop_deciding_bodies(text, money)
    drop_national_parties(text, money)
