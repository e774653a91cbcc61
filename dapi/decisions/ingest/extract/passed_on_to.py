"""A sum the deciding body gives on to a body named after "to" later in the same clause: "£750 as funding to
Northbury Methodist Church", "£3,000 be donated to Northbury Arts Council", "the unused £9,750 previously allocated to
Northbury Music Festival", "a contribution of up to £6,000 (25% of the total project costs) from the Parish Fund
budget to Upton Parish Council".

Either the words after the sum say it is given ("allocated", "released", "donated", "paid", "transferred", "awarded",
"granted", "given", perhaps after "be", "been" or "would be"; or "as funding", "as a grant", "as a donation") and then
"to" a body, or the words before it name a gift ("allocation of", "contribution of", "payment of", "donation of",
"grant of") and the first "to" after the sum is followed by a body. The words between hold no other sum and no end
of a clause, and no earlier "to" (the money is then "to fund" or "to support" something, and the body named later
is not its recipient for certain); after a verb, no "from" either ("the underspend from the grant awarded to": the
grant, not the sum, was awarded). The name is a run of capitalised words (with "of", "and", "for", "&" inside it)
of two words at least that ends the clause or is followed by what the money is for ("for", "towards", "to", ...);
not the record's own body, and not a fund, budget, reserve, programme or scheme, which is where the money is put and
not who gets it ("to the Local Welfare Provision budget", "to the Refurbishment of the Station offices"). A gift the
words before it say was refused or not made ("members refused a contribution of") is left without a party. Only for
a sum the other rules left without a party and without a warning (a party an earlier rule took off, warning why, is
not put back), never a row of a table, nor a sum drafted again elsewhere with a party (the mention repeats that line).
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_NAME = r"[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|of|and|for|&))*"
_GAP = r"(?:(?!\bto\b)[^£.;:\n]){0,80}?"
_TO = r"\bto[ \t]+(?:the[ \t]+)?[“\"]?(?P<n>" + _NAME + ")"
_GIVEN_AFTER = re.compile(
    r"(?:(?!\bto\b|\bfrom\b)[^£.;:\n]){0,80}?(?:\b(?:be|been|being|is|was|were|are)[ \t]+)?"
    r"\b(?:allocated|released|donated|paid|transferred|awarded|granted|given)[ \t]+" + _TO)
_AS_GIFT = re.compile(r"[ \t]+as[ \t]+(?:funding|a[ \t]+grant|a[ \t]+donation|a[ \t]+contribution)[ \t]+" + _TO)
_GIFT_BEFORE = re.compile(
    r"\b(?:allocation|contribution|payment|donation|grant)[ \t]+of[ \t]+(?:up[ \t]+to[ \t]+)?(?:approximately[ \t]+)?$")
_TO_AFTER = re.compile(_GAP + _TO)
_WHERE_MONEY_GOES = re.compile(
    r"\b(?:Funds?|Budgets?|Reserves?|Programmes?|Schemes?|Accounts?|Grants?|Initiative|Pot|Allocation|Levy|Monies)$")
_TRAILING_WORD = re.compile(r"[ \t]+(?:of|and|for|&)$")
# The name ends its clause or is followed by what the money is for: "to Upton Parish Council for the hall roof".
_NAME_ENDS = re.compile(r"[ \t]*(?:[.,;:)(\n]|$|[ \t]+(?:for|towards|to|into|in|on|as|subject|by|and)\b)")
_REFUSED = re.compile(r"\b(?:refused|rejected|declined|not)\b[^.;:\n]*$")


def _said_again(item: MoneyItem, money: list[MoneyItem]) -> bool:
    """The sum is drafted again with a party: this mention repeats it, and a second line with the party would be a
    duplicate."""
    return any(other is not item and other.amount == item.amount and other.counterparty for other in money)


def named_as_passed_on_to(text: str, money: list[MoneyItem]) -> None:
    """Give a sum with no party the body it is given on to, named after "to" in its clause (the module docstring)."""
    for item in money:
        if (item.counterparty or item.warning or item.row or item.counterparty_is_self or not item.spans
                or _said_again(item, money)):
            continue
        start, end = item.spans[0]
        found = _GIVEN_AFTER.match(text, end) or _AS_GIFT.match(text, end)
        if not found and _GIFT_BEFORE.search(text[max(0, start - 40):start]):
            found = _TO_AFTER.match(text, end)
        if not found:
            continue
        name = _TRAILING_WORD.sub("", found["n"])
        begin = found.start("n")
        if (len(name.split()) < 2 or is_self(name) or _WHERE_MONEY_GOES.search(name)
                or not _NAME_ENDS.match(text, begin + len(name))
                or _REFUSED.search(text[max(0, start - 60):start])):
            continue
        item.counterparty, item.counterparty_spans = name, [(begin, begin + len(name))]
