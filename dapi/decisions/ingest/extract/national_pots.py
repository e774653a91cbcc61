"""A sum that is a government's whole fund, not the deciding body's share: "ran a national competition ... with a pot
of £1m per annum available", "attracted £450k of funding from a pot of £12 million", "announced a national £500
million scheme", "the Home Office has re-opened the Safer Streets Fund for the fifth time, with £60m up for grabs",
"the Ministry of Justice announced an additional £20m of Covid-19 Extraordinary Funding".

A record that tells how its body came to be funded first gives the size of what a government put up for every body in
the country: a pot, a national fund or scheme, a package it announced. That sum is no one's line with the government
(corpus/README.md: the size of a national fund is "other"); the body's own share, if it has one, is a smaller sum
read elsewhere. So a line whose party is a government (a "Government", "Ministry", "Department", "Home Office",
"Office for ..." or "Treasury") and whose sum is one of these, is read as "other" with no party:

- right after "pot of" or "pot by", "a national", "nationally", "announced" or "earmarked" (with "a package of", "an
  additional", "an extra", "a further" at most between);
- or followed, in its own clause, by "national fund", "national scheme", "national programme", "up for grabs" or
  "(made) available nationally".
"""

import re

from .draft import MoneyItem

# A party that is a government body; own_share_sums reads the same names.
GOVERNMENT = re.compile(r"\b(?:Government|Ministry|Department|Home\s+Office|Treasury|Office\s+for)\b", re.IGNORECASE)
_BEFORE = re.compile(r"(?:\bpot\s+(?:of|by)|\ba\s+national|\bnationally,?|\b(?:announced|earmarked)\s+(?:an?\s+)?"
                     r"(?:package\s+of|additional|extra|further)?)\s*(?:up\s+to\s+|a\s+total\s+of\s+)?$",
                     re.IGNORECASE)
_AFTER = re.compile(r"[^.;\n]{0,60}?\b(?:national\s+(?:fund|scheme|programme)|up\s+for\s+grabs|(?:made\s+)?available"
                    r"\s+nationally)\b", re.IGNORECASE)


def drop_national_pot_parties(text: str, money: list[MoneyItem]) -> None:
    """Read a government's whole fund as "other" with no party (the module docstring)."""
    for item in money:
        if item.row or not item.spans or not GOVERNMENT.search(item.counterparty or ""):
            continue
        start, end = item.spans[0]
        if _BEFORE.search(text, max(0, start - 40), start) or _AFTER.match(text, end):
            item.counterparty, item.counterparty_spans, item.role = None, [], "other"
