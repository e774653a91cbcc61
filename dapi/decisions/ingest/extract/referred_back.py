"""A sum a body receives in a sentence that speaks of it only as "the charity", "the centre" or "the trust", the body
named in the sentence before: "Warrington Women's Aid were successful in their application to PCC David Keane's Safer
Communities Express Grants fund ... The charity has been awarded £987", "The Newtown-based Montgomeryshire Family
Crisis Centre is among 24 initiatives to share £92,000 of funding. The centre itself will receive £3,166", "... to be
set up in Blaenau Gwent by the Ebbw Fach Development Trust. The Trust - which will receive £161,708 over three years".

A news report of a grant names the recipient once and then goes on with a common noun. The sum's own sentence begins
"The" and the noun (perhaps "itself", perhaps "- which" or ", which"), then the receiving ("has been awarded", "was
granted", "will receive", "received", "is receiving", "gets") and, perhaps after "up to", "over" or "more than",
straight away the sum. The body is in the sentence before: the one run of capitalised words there (with "of", "and",
"for", "&" inside it) that ends with the same noun ("Crisis Centre", "Development Trust"), without a leading "The" or
"Newtown-based"; or, for a noun any body may be called ("charity", "organisation", "group"), the run that is the
subject of that sentence ("Warrington Women's Aid were successful"). Two such runs of different names: which one the
sum went to is for a reviewer, so the line is flagged and left without a party. Not the record's own body, not a single
word, and only for a sum the other rules left without a party, never a row of a table.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_NOUNS = (r"charity|centre|center|trust|club|association|society|foundation|partnership|organisation|organization|"
          r"group|school")
# Nouns any body may be called: the body need not be named with them, so the subject of the sentence before is read.
_GENERIC = {"charity", "organisation", "organization", "group"}
_SUM_SENTENCE = re.compile(
    r"^The[ \t]+(?P<noun>" + _NOUNS + r")(?:[ \t]+itself)?(?:[ \t]*[-–,][ \t]*which)?[ \t]+"
    r"(?:has[ \t]+been[ \t]+(?:awarded|granted|given)|was[ \t]+(?:awarded|granted|given)|will[ \t]+receive|"
    r"is[ \t]+(?:set[ \t]+|due[ \t]+)?to[ \t]+receive|(?:has[ \t]+)?received|is[ \t]+receiving|gets|got)"
    r"(?:[ \t]+(?:up[ \t]+to|more[ \t]+than|over|almost|nearly|around|about))?[ \t]+$",
    re.IGNORECASE)
_NAME = re.compile(r"[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|of|and|for|&))*")
_SUBJECT = re.compile(r"^(?P<n>[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|of|and|for|&))*)[ \t]+"
                      r"(?:were|was|is|are|has|have|had)\b")
# "The", "Newtown-based" or "Cardiff-based" before a name describe it; they are not part of it.
_LEAD = re.compile(r"^(?:(?:The|A|An)[ \t]+)?(?:[A-Z][\w’']*-based[ \t]+)?")
# Where a sentence ends: a full stop, "!" or "?" and a space, or a line break.
_END = re.compile(r"[.!?][ \t]+|\n")
_WINDOW = 600


def named_by_the_noun_before(text: str, money: list[MoneyItem]) -> None:
    """Give a sum with no party, received by "the charity", "the centre" or "the trust", the body of that kind named in
    the sentence before; flag it where two are named there (the module docstring)."""
    for item in money:
        if item.counterparty or item.row or item.counterparty_is_self or not item.spans:
            continue
        at = item.spans[0][0]
        begin = _sentence_start(text, at)
        found = _SUM_SENTENCE.match(text[begin:at])
        if not found:
            continue
        before = _sentence_before(text, begin)
        if before is None:
            continue
        sentence, offset = before
        names = _bodies_called(sentence, found["noun"].lower())
        distinct = {name for name, _ in names}
        if len(distinct) > 1:
            noun = found["noun"].lower()
            item.warning = item.warning or f'which body "the {noun}" is could not be told for certain'
        elif distinct:
            name, start = names[0]
            item.counterparty = name
            item.counterparty_spans = [(offset + start, offset + start + len(name))]


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding the sum at `at` begins."""
    window = max(0, at - _WINDOW)
    ends = list(_END.finditer(text, window, at))
    return ends[-1].end() if ends else window


def _sentence_before(text: str, begin: int) -> tuple[str, int] | None:
    """The sentence before the one beginning at `begin`, across at most one blank line, and where it starts."""
    stop = begin
    while stop > 0 and text[stop - 1] in " \t\n":
        stop -= 1
    if text[stop:begin].count("\n") > 2 or stop == 0:
        return None
    start = _sentence_start(text, stop - 1)
    return text[start:stop], start


def _bodies_called(sentence: str, noun: str) -> list[tuple[str, int]]:
    """The runs of capitalised words in `sentence` ending with `noun`, or for a noun any body may be called, the
    sentence's subject; each without what describes it, as (name, where in the sentence)."""
    names = []
    for run in _NAME.finditer(sentence):
        if _spelt(run[0].split()[-1]) != _spelt(noun):
            continue
        names.append(_trimmed(run[0], run.start()))
    if not names and noun in _GENERIC:
        subject = _SUBJECT.match(sentence)
        if subject:
            names.append(_trimmed(subject["n"], 0))
    return [(name, start) for name, start in names if len(name.split()) >= 2 and not is_self(name)]


def _spelt(word: str) -> str:
    """`word` in lower case, the American "center" as "centre"."""
    return "centre" if word.lower() == "center" else word.lower()


def _trimmed(name: str, start: int) -> tuple[str, int]:
    lead = _LEAD.match(name).end()
    return name[lead:], start + lead
