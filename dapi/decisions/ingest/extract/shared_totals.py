"""A sum shared by several recipients is their total: "£84,000 shared by 24 community initiatives", "more than £400,000
will be split between the 13 organisations", "an additional £1,588,082 be allocated across 12 providers", "15 schemes
received a share of more than £300,000".

corpus/README.md's rule: a sum said to be the total of several payments or awards is a `total`, whoever it is said of.
Two readings. The words after the sum, in the same clause (no full stop, semicolon, bracket or other sum on the way,
within 80 characters), say it goes "to", "between", "among", "across" or "by" (perhaps after "shared", "split",
"divided", "distributed", "allocated" or "paid out") a number of recipients written in figures or words ("24", "the
seven", "several") and a plural word for them (projects, organisations, groups, schemes, initiatives, charities,
bids, applicants, providers, boroughs, authorities, councils, partners, services, areas). Or the words before it
are "a share of" (perhaps with "over", "nearly" and the like). Not a row of a table, not a sum "each", "apiece" or
"per" one of them (each recipient's own sum), and not a sum the record's body holds, asks for or accepts ("holding
£92,840-worth of funding across six schemes", "a joint request for £316,327 shared across five organisations",
"acceptance of £5,192,871 for three projects": the body's own receipt or request, read by the sentence's verb), nor a
sum shared across the country's forces or commissioners' areas ("£6m has been allocated across the 42 PCC areas": a
national fund's size, `other`).
The line's party, if any, is left as read: the role only is mended.
"""

import re

from .draft import MoneyItem
from .sum_words import only_dated_payment, words_around

_COUNT = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a number of)"
_RECIPIENTS = (r"(?:\w+\s+){0,3}?(?:projects|organisations|groups|schemes|initiatives|charities|bids|applicants"
               r"|applications|recipients|boroughs|authorities|councils|partners|providers|services|areas)\b")
_SHARED_AMONG = re.compile(
    r"^[^.;£()]{0,80}?\b(?:(?:shared|split|divided|distributed|allocated|paid out)\s+)?"
    r"(?:to|between|among(?:st)?|across|by)\s+(?:the\s+|all\s+)?" + _COUNT + r"\s+" + _RECIPIENTS,
    re.IGNORECASE)
_SHARE_OF = re.compile(r"\b(?:a|their)\s+share\s+of\s+(?:(?:over|nearly|almost|more than|up to|around|about)\s+)?$",
                       re.IGNORECASE)
_HELD_OR_ASKED = re.compile(r"(?:holding|request for|acceptance of)\s*$", re.IGNORECASE)
_POLICING_AREAS = re.compile(r"\b(?:PCCs?|police|forces?)\b", re.IGNORECASE)
_EACH = re.compile(r"^\s*(?:each|apiece|per)\b", re.IGNORECASE)


def shared_totals(text: str, money: list[MoneyItem]) -> None:
    """Make a sum shared among several recipients their `total` (the module docstring)."""
    for item in money:
        if item.row or not item.spans or item.role == "total":
            continue
        if only_dated_payment(item, money):
            continue
        before, after = words_around(text, item)
        if _HELD_OR_ASKED.search(before) or _EACH.search(after):
            continue
        shared = _SHARED_AMONG.search(after)
        # A sum shared across every force or commissioner's area is a national fund's size (`other`), not a total.
        if shared and _POLICING_AREAS.search(shared[0]):
            continue
        if shared or _SHARE_OF.search(before):
            item.role = "total"
