"""A sum whose own next words name the body whose grant or fund it is: "£436,994 from the MOJ's Safer Streets Fund",
"the £18.75m DLUHC in-year capital funding", "£6.66m of Government funding", "£1.5 million from the Government's
Pride in Place Impact Fund".

Prose names a funder most shortly by putting it between the sum and the money's kind: "from" or "of" (or nothing), the
funder, perhaps its possessive, at most four words of the fund's own name, then "grant", "funding", "fund" or
"allocation". The funder is then the sum's party: the sentence says whose money it is and names no other. The funder
is "Government" (perhaps "UK", "HM", "Scottish", "Welsh" or "central" before it), the "Home Office", the "Treasury",
or a set of initials (two to six letters, capitals first and last: "DLUHC", "MoJ"). Initials are read as a body only
when they do not stand for a fund, a programme or an account: initials the record spells out must spell a funder or
a public body, not a fund ("Local Authority Housing Fund (LAHF)"); initials it spells out nowhere must not end in a
letter such a name ends in ("LAHF", "UKSPF", "DFG", "HRA"); and initials before a capitalised "Fund" or "Grant" may
begin the fund's own name ("UK Shared Prosperity Fund") unless written as a possessive ("the MOJ's Safer Streets
Fund"). Never the record's own body, never a row of a table, never a line with a warning. Left alone, as no one
body's line with this funder: a sum split, shared or made available to all, "a share of" a sum, a sum passed on "to" a
body, and a sum whose funder is named after it by "from" or "by" ("£26,868,976 of DASA funding from MHCLG"). The line
may have no party, or one an earlier rule took from a council or a force named before the sum (the record's own body,
receiving: "Fenland District Council has been awarded £1.5 million from the Government's ..."), or from a funder named
by a neighbouring sum, when the name here is initials that are not the drafted funder's own. A line so named is an
award, if it was read as other or an allocation.
"""

import re

from .draft import MoneyItem
from .organisations import is_funder, is_public_body, is_self

_GOVERNMENT = r"(?:(?:UK|HM|Scottish|Welsh|[Cc]entral)[ \t]+)?Government|Home[ \t]+Office|(?:HM[ \t]+)?Treasury"
_INITIALS = r"[A-Z][A-Za-z]{0,4}[A-Z]"
_FUNDER_AFTER = re.compile(
    r"(?:[ \t]+(?:of|from))?[ \t]+(?:the[ \t]+)?(?P<n>" + _GOVERNMENT + "|" + _INITIALS + r")(?![\w&/-])"
    r"(?P<s>['’]s)?[ \t]+(?:[\w-]+[ \t]+){0,4}?(?P<k>(?i:grants?|funding|funds?|allocation))\b(?P<rest>[^.;\n]*)")
# A sum split among many bodies, the whole of a national pot, is no one body's line with the funder.
_SHARED = re.compile(r"\b(?:split|shared|divided|distributed|national(?:ly)?|to[ \t]+all|available)\b", re.IGNORECASE)
_SHARE_OF = re.compile(r"\b(?:share|part|portion|pot)[ \t]+of[ \t]+(?:(?:the|a|an)[ \t]+)?$", re.IGNORECASE)
# The sum passed on "to" a body after its fund is named: that body is paid, not the funder.
_PASSED_TO = re.compile(r"\bto[ \t]+(?:the[ \t]+)?[A-Z]")
_FROM = re.compile(r"[ \t]+(?:from|by)[ \t]+(?:the[ \t]+)?[A-Z]")
# What a fund's, a programme's or an account's name ends with, so its initials do too.
_NOT_A_BODY = re.compile(r"(?:Fund|Funds|Funding|Programme|Program|Scheme|Grant|Grants|Initiative|Account|Levy|Budget"
                         r"|Reserve|Allocation|Pot)$", re.IGNORECASE)
_NOT_A_BODY_LETTER = "FGPLA"


def _spelt_out(text: str, initials: str) -> str | None:
    """The words the record writes its initials for, before them ("Local Authority Housing Fund (LAHF)") or after
    them ("LAHF (Local Authority Housing Fund)")."""
    escaped = re.escape(initials)
    found = (re.search(r"((?:[A-Z][\w'’-]*[ \t,]+(?:(?:of|and|for|&)[ \t]+)?){1,8})\([ \t]*" + escaped + r"[ \t]*\)", text)
             or re.search(r"\b" + escaped + r"[ \t]*\(((?:[A-Z][\w'’-]*[ \t,]*(?:(?:of|and|for|&)[ \t]+)?){1,8})\)", text))
    return found[1].strip(" \t,") if found else None


def _a_body(text: str, name: str) -> bool:
    if is_self(name):
        return False
    if name in ("HM", "UK"):
        return False
    if not re.fullmatch(_INITIALS, name):
        return True
    spelt = _spelt_out(text, name)
    if spelt is not None:
        return not _NOT_A_BODY.search(spelt) and (is_funder(spelt) or is_public_body(spelt))
    return name[-1] not in _NOT_A_BODY_LETTER


def _replaces(item: MoneyItem, name: str) -> bool:
    """Whether the funder named after the sum takes the place of the party an earlier rule drafted: a council or a
    force named before the sum (the record's own body, receiving: "Eastvale District Council has been awarded £1.2
    million from the Government's ..."), or another funder named by a neighbouring sum, when the name is a funder's
    initials and not those of the drafted body itself ("DWP" for "Department for Work and Pensions")."""
    drafted = item.counterparty
    if is_public_body(drafted) and not is_funder(drafted):
        return bool(item.counterparty_spans) and item.counterparty_spans[0][1] <= item.spans[0][0]
    if not is_funder(drafted) or not re.fullmatch(_INITIALS, name):
        return False
    capitals = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", drafted) if w[0].isupper())
    return capitals.upper() != name.upper() and not re.search(r"\b" + re.escape(name) + r"\b", drafted)


def funder_named_after_sum(text: str, money: list[MoneyItem]) -> None:
    """Give a sum the funder its own next words name (the module docstring)."""
    for item in money:
        if item.counterparty_is_self or item.row or item.warning or not item.spans:
            continue
        found = _FUNDER_AFTER.match(text, item.spans[0][1])
        # "£26,868,976 of DASA funding from MHCLG": the funder is named after, and the initials are the fund's.
        if not found or _SHARED.search(found["rest"]) or _FROM.match(found["rest"]) or not _a_body(text, found["n"]):
            continue
        if _SHARE_OF.search(text, max(0, item.spans[0][0] - 40), item.spans[0][0]):
            continue
        if item.counterparty and not _replaces(item, found["n"]) or _PASSED_TO.search(found["rest"]):
            continue
        # Initials then a capitalised "Fund" or "Grant" may be the start of the fund's own name ("UK Shared
        # Prosperity Fund"), not its funder, unless written as the funder's ("the MOJ's Safer Streets Fund").
        if re.fullmatch(_INITIALS, found["n"]) and not found["s"] and found["k"][0].isupper():
            continue
        item.counterparty, item.counterparty_spans = " ".join(found["n"].split()), [found.span("n")]
        # The funder's grant or fund, come to the record's body: an award, unless an earlier rule read it as more.
        if item.role in ("other", "allocation"):
            item.role = "award"
