"""The readings run last, on the sums every other rule has read: who a sum is for when the record says so only in a
sentence or a list of its own, and what a line buys rather than who it pays.

One call from `document.py`, so that rules of this kind are added here, in the order they must run, and not to its
call chain: a funder named as offering the funding a list says was secured (`secured_funding`), a body that will use
its sum (`used_by`), the supplier a line awards a contract to (`contract_to`), the one body a record says is given
funding (`given_funding`), a name that is the kit a sum buys (`bought_items`), and a sum awarded to many bodies
none of them named, the round's total (`awarded_to_many`).
"""

from .awarded_to_many import awarded_to_many
from .bought_items import drop_bought_items
from .contract_to import named_after_contract_to
from .draft import MoneyItem
from .given_funding import given_funding
from .secured_funding import secured_funding
from .used_by import named_users


def read_last(text: str, money: list[MoneyItem]) -> None:
    """Run the readings of this module's docstring, in order."""
    secured_funding(text, money)
    named_users(text, money)
    named_after_contract_to(text, money)
    given_funding(text, money)
    drop_bought_items(text, money)
    awarded_to_many(text, money)
