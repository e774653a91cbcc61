"""A body's name read without the capitalised words at its head: "a two-year funding settlement be allocated to
Chesterfield Citizens Advice Bureau" drafted as a grant to "Citizens Advice Bureau", "to Links CVS" as one to "CVS",
"grant funding to the Vale Centre for Voluntary Services" as one to "Voluntary Services". A town's or a local word
that opens a body's name is read as a place, not as the name, and the name starts after it; but in running text the
whole run of capitalised words that stands where a party is named is that body's name.

Where the party is read from a place in running text (the word before the run is a small lower-case word: "to", "the",
"with", "and" ...), the capitalised words written just before it, on the same line and joined by single spaces or by
"for" or "of" after a word bodies' names end in (Centre, Trust, Society ...; not an office's "Secretary of State for"),
are taken into the name: at most four of them, none a month, a possessive ("the Council's Citizens Advice"), a word in
capitals ("to ABC Citizens Advice", a code), a council, cabinet or committee (a deciding body's name before a party's
is not one name), a project, programme, scheme or fund (the work a body is paid for, named before the body) or a
word for the body's part ("the Successful Contractor Safe In Salford", "the Provider ..."). A name that opens with
"The" has its head already. Not at a line's or a sentence's start (there the
capitalised word may only open the sentence)."""

import re

from .dates import MONTHS
from .draft import MoneyItem

# The small word of running text that stands before a name.
_BEFORE = re.compile(r"(?:^|[ \t])(?:to|the|with|and|from|by|for|of|between|fund|funding|grant|grants)[ \t]+$")
_WORD = re.compile(r"[A-Z][a-z][\w'’&-]*$")
_NOT_NAME = {"council", "cabinet", "committee", "the", "a", "an", "executive", "board", "panel", "members", "project",
             "programme", "scheme", "fund", "contractor", "provider", "supplier", "applicant", "recipient", "successful",
             "preferred", "partner", "organisation", "organization"}
# "for" or "of" joins the words before it into the name only after a word bodies' names end in ("the Vale Centre for
# Voluntary Services"), not after an office ("Secretary of State for Department ...", "Commissioner of Essex Police").
_BODY_END = {"Centre", "Club", "Society", "Association", "Trust", "Foundation", "Group", "Partners", "Partnership",
             "Network", "Alliance", "Forum", "Institute", "Federation", "Union", "Friends"}


def _head(text: str, start: int) -> int | None:
    """Where the run of capitalised words written just before `start` begins, or None (the module docstring)."""
    line_start = text.rfind("\n", 0, start) + 1
    words = text[line_start:start].split(" ")
    if not words or words[-1] != "":
        return None
    words.pop()
    taken: list[str] = []
    while words and len([w for w in taken if w not in ("for", "of")]) < 4:
        word = words[-1]
        if word in ("for", "of") and len(words) > 1 and words[-2] in _BODY_END:
            taken.append(words.pop())
            continue
        if not _WORD.match(word) or word.lower() in MONTHS or word.lower() in _NOT_NAME or word[-2:] in ("'s", "’s"):
            break
        taken.append(words.pop())
    if not taken or taken[-1] in ("for", "of"):
        return None
    rest = " ".join(words)
    if not _BEFORE.search(" " + rest + " "):
        return None
    return start - len(" ".join(reversed(taken))) - 1


def name_heads(text: str, money: list[MoneyItem]) -> None:
    """Take the capitalised words just before a party read in running text into its name (the module docstring)."""
    for item in [m for m in money if m.counterparty and m.counterparty_spans and not m.counterparty_is_self]:
        start, end = item.counterparty_spans[0]
        if text[start:end] != item.counterparty or item.counterparty.startswith("The "):
            continue
        head = _head(text, start)
        if head is None:
            continue
        name = text[head:end]
        if item.warning.startswith(item.counterparty + " "):
            item.warning = name + item.warning[len(item.counterparty):]
        item.counterparty, item.counterparty_spans[0] = name, (head, end)
