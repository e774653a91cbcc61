"""A party read only from the record's title that is a kind of service, not a body: "Contract: Gateway and Recovery
Drug Treatment Services - Request to Tender", "Homeless Support Services - 16 and 17 year old provision", "Consultancy
Services" over "Approval to vary an existing award of contract by the amount of £4,084.93".

A record about buying a service names that service in its title; the firm that will provide it is, if at all, named in
its text ("awarded to Northbury Care Ltd"). When no sentence names a payee, an earlier rule gives the sum the one name
in the title, with a warning; but a name that ends in "Service" or "Services" and carries no mark of a firm or charity
("Ltd", "Limited", "CIC", "LLP", "plc", "Trust", "Society", "Association", "Group") is what the record buys, not who it
pays. Such a party is taken off and the warning says why, so that a reviewer names the provider if the record does.
"""

import re

from .draft import MoneyItem

_FROM_TITLE = "is named only in the record's title"
_SERVICE = re.compile(r".*\bServices?", re.IGNORECASE)
_BODY_MARK = re.compile(r"\b(?:Ltd|Limited|CIC|LLP|plc|Trust|Society|Association|Group)\b", re.IGNORECASE)


def drop_title_services(money: list[MoneyItem]) -> None:
    """Take off a title's service read as a sum's party (the module docstring)."""
    for item in money:
        name = (item.counterparty or "").strip()
        if not name or _FROM_TITLE not in item.warning or not _SERVICE.fullmatch(name) or _BODY_MARK.search(name):
            continue
        item.counterparty, item.counterparty_spans = None, []
        item.warning = (f'"{name}" in the record\'s title read as the service bought, not a body: check whether the '
                        "record names who provides it")
