"""A sum in thousands or millions written without "£": "The remaining 3.4m funding will boost the VRU's MyEnds
community-led programmes", "Capital funding of £250k from the Barry Regeneration Area and, if approved, 30k of it be
included in the authority's Capital programme", "a saving of approximately 1 million".

A record that writes its sums "£250k" or "£3.2 million" may drop the sign before one of them, most often when a figure
follows in passing. A figure with "k", "m" or "million" and no sign is read as a sum of money only where the words say
so: "funding" straight after it; "a saving of", "a cost of", "a budget of", "funding of" or "a grant of" before it; or
a sum with "£" and "k", "m" or "million" before it, within 80 characters, in the same paragraph and the same sentence
(a signed sum only after the figure, "(Manchester 60k, all other local authorities £40k)", does not vouch for it: whose
the bare figure is stays unread there). A count of people or things ("over 1.5 million people", "1 million Welsh
speakers"), "K" in capitals ("14K/bytes") and a figure the record also gives with "£" (the same sum said again, "£1.6
million of grant" and "PCC allocates 1.6 million pounds") are never read. Each figure read carries a warning, since the
text does not say it is in pounds.
"""

import re

from .amounts import AmountMention, mention, parse_amount

_FIGURE = re.compile(r"(?<![\w£$€.,/-])(?<!£ )(?P<n>\d{1,3}(?:,\d{3})*)(?:\.(?P<p>\d+))?"
                     r"(?:(?P<glued>k|m)|[ \t]+(?P<word>million))\b")
_MONEY_AFTER = re.compile(r"[ \t]+(?:of[ \t]+)?funding\b", re.IGNORECASE)
_MONEY_BEFORE = re.compile(r"(?:saving|savings|cost|budget|funding|grant)[ \t]+of[ \t]+"
                           r"(?:(?:approximately|about|around|over|up[ \t]+to)[ \t]+)?$", re.IGNORECASE)
_COUNTED = re.compile(r"[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:people|persons?|speakers|households|residents|users|visit(?:or)?s"
                      r"|homes|children|women|men|adults|calls|hours|miles|tonnes|litres|trees|words|bytes|records)\b")
_SIGNED = re.compile(r"£[ \t]?\d[\d,]*(?:\.\d+)?(?:k|m|[ \t]?million)\b", re.IGNORECASE)
# a paragraph break, or a full stop before a capital, ends the stretch in which a signed sum vouches for a bare one
_BREAK = re.compile(r"\n[ \t]*\n|\.[ \t]+[A-Z]")
_NEAR = 80


def with_unit_sums(text: str, mentions: list[AmountMention]) -> list[AmountMention]:
    """The amounts found, with each sum in thousands or millions written without "£" (the module docstring) added."""
    taken = [(m.start, m.end) for m in mentions]
    read_values = {m.value for m in mentions}
    added = []
    for match in _FIGURE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken) or _COUNTED.match(text, match.end()):
            continue
        if not (_MONEY_AFTER.match(text, match.end()) or _MONEY_BEFORE.search(text, max(0, match.start() - 40),
                                                                               match.start())
                or _signed_near(text, match.start())):
            continue
        value = parse_amount(match["n"], match["p"], match["glued"] or match["word"])
        if value in read_values:
            continue
        added.append(mention(text, match.start(), match.end(), value,
                             f"“{match.group(0)}” is written without “£”: read as £{value:,.0f} from the words around "
                             "it; check it is a sum of money"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _signed_near(text: str, start: int) -> bool:
    """Whether a sum with "£" and a unit stands shortly before the figure, with no paragraph or sentence between."""
    return any(not _BREAK.search(text, signed.end(), start)
               for signed in _SIGNED.finditer(text, max(0, start - _NEAR), start))
