"""A sum said to be the deciding body's own or local money, beside a government's: "The maximum value of the Service
will be £1,300,000 of which £550,000 is from the Ministry of Justice Victims grant and £750,000 is MOPAC funding", "72%
of the commissioning budget comes from central government, but an additional £1,458,000 comes from local discretionary
funding", "the Ministry of Justice £2,015,267 Victim Services Grant ... and an allocated £3,472,560 PCC budget", "to
accept £3,463,046 from the Ministry of Housing, Communities and Local Government ... approve the use of council funds
of up to £1.77million".

A record that splits what a service costs between a government's grant and the body's own money names the government
once, for its part; the other part is said in so many words to be local, council, own or the body's (by its initials)
funding or budget. The rules that carry a funder over a list or a sentence gave that part the government too. A line
whose party is a government (a "Government", "Ministry", "Department", "Home Office", "Office for ..." or "Treasury")
and whose sum is one of these loses the party, with a warning:

- followed in its own clause by "is", "comes from" or "from" (or nothing), at most one more word, then local, council,
  own or a name in capitals (never a government's initials) and "funding", "funds", "budget" or "money";
- or right after "council", "local" or "own" "funds", "funding", "budget" or "money" "of" (with "up to" at most).

The sum is not taken as anyone's: the body's own money has no other party, and where in doubt a warning is better
than a guess. Its own money is "other" (corpus/README.md: a body's own budget is "other"); match funding or a total
keeps its role.
"""

import re

from .draft import MoneyItem
from .national_pots import GOVERNMENT

# A government's own initials, which name its grant, not the deciding body's money.
_GOVERNMENT_INITIALS = {"DFE", "DFT", "MOJ", "DLUHC", "MHCLG", "DHSC", "HO", "WG", "DWP", "DCMS", "UKHSA", "OHID",
                        "DEFRA", "BEIS", "DESNZ", "DSIT", "HMT", "DOJ", "DFC", "DCLG", "UK", "HM", "NHS"}
_OWN = r"(?:local|council|own|(?P<initials>[A-Z][A-Za-z]{1,6}))"
_AFTER = re.compile(r"[ \t]+(?:(?:is|are|comes?[ \t]+from|from)[ \t]+)?(?:the[ \t]+)?" + _OWN +
                    r"[ \t]+(?:(?!\d)\w+[ \t]+)?(?:funding|funds|budget|money)\b")
_BEFORE = re.compile(r"\b(?:[Cc]ouncil|[Ll]ocal|[Oo]wn)[ \t]+(?:funds|funding|budget|money)[ \t]+of[ \t]+"
                     r"(?:up[ \t]+to[ \t]+)?$")


def _own_after(text: str, end: int) -> bool:
    match = _AFTER.match(text, end)
    if not match:
        return False
    initials = match.group("initials")
    if initials is None:
        return True
    return initials.isupper() and initials.upper() not in _GOVERNMENT_INITIALS


def drop_government_on_own_sums(text: str, money: list[MoneyItem]) -> None:
    """Take a government off a sum said to be the body's own money (the module docstring)."""
    for item in money:
        if item.row or not item.spans or not GOVERNMENT.search(item.counterparty or ""):
            continue
        start, end = item.spans[0]
        if _own_after(text, end) or _BEFORE.search(text, max(0, start - 40), start):
            name = item.counterparty
            item.counterparty, item.counterparty_spans, item.counterparty_is_self = None, [], False
            if item.role not in ("match", "total"):
                item.role = "other"
            item.warning = item.warning or (f"{name} was named for another part of this money; this sum is said to "
                                            "be the body's own or local funding: check whether anyone is its party")
