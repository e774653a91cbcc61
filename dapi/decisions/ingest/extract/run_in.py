"""Names with other words run into their front: "CN000452 Eastnor Cricket Club", "Currently the Authority",
"Consider British Heart Foundation".

A payments list numbers each cheque or payment before its payee ("CN000452 Eastnor Cricket Club Hire £10.00"): the
number is no part of the payee's name and is taken off. A sentence that opens with an adverb ("Currently the Authority
made annual contributions of around £600,000") runs the adverb into the name read from its capitalised start; without
it the name is often the deciding body's own word ("the Authority", "the Council"), which is no other party. An agenda
item's verb ("9. Consider British Heart Foundation Defibrillator Grant Locations") says the meeting weighs a matter, not
who is paid: the name is left out and the line is flagged for a reviewer.
"""

import re

from .draft import MoneyItem

# A cheque's or payment's number before the payee: "CN000452 ", "BACS0012 ", "DD00345 ".
_NUMBER = re.compile(r"[A-Z]{1,5}\d{3,}\s+(?=[A-Z])")
# An adverb opening a sentence, run into the name that follows it.
_ADVERB = re.compile(r"(?:Currently|Previously|Additionally|Historically|Recently|Similarly|Subsequently|Furthermore|"
                     r"Accordingly|Consequently|Finally)\s+(?=\S)")
# An agenda item's verb: the item weighs a matter, it does not name who is paid.
_ITEM_VERB = re.compile(r"(?:Consider|Discuss|Review|Receive)\s+(?=[A-Z])")
# The deciding body by its own word.
_OWN = re.compile(r"(?:[Tt]he\s+)?(?:Council|Authority)")


def _trim(item: MoneyItem, length: int) -> None:
    item.counterparty = item.counterparty[length:]
    if item.counterparty_spans:
        start, end = item.counterparty_spans[0]
        item.counterparty_spans = [(start + length, end)] + item.counterparty_spans[1:]


def _drop(item: MoneyItem, warning: str = "") -> None:
    item.warning = warning or ("" if item.warning.startswith(item.counterparty + " ") else item.warning)
    item.counterparty, item.counterparty_spans = None, []


def take_off_run_in_words(money: list[MoneyItem]) -> None:
    """A payment's number or an opening adverb is taken off the front of a name; a name that is then the deciding
    body's own word, or that opens with an agenda item's verb, is left out (the module docstring)."""
    for item in [m for m in money if m.counterparty and not m.counterparty_is_self]:
        number = _NUMBER.match(item.counterparty)
        if number:
            _trim(item, number.end())
        adverb = _ADVERB.match(item.counterparty)
        if adverb:
            _trim(item, adverb.end())
            if _OWN.fullmatch(item.counterparty):
                # the body's own sum (to its reserves, say) is paid to no one
                item.role = "other" if item.role in ("grant", "contract", "award", "contribution") else item.role
                _drop(item)
                continue
        if _ITEM_VERB.match(item.counterparty):
            _drop(item, f"“{item.counterparty}” opens with an agenda item's verb: the item may only weigh the matter;"
                        " check who, if anyone, is paid")
