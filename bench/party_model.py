"""Candidates and features for a learned counterparty of a sum the rules left without one (an experiment).

The rules name a sum's counterparty only where a wording they know ties the two together. This module lists,
for such a sum, the names written near it (every recognised organisation and every capitalised run of words)
and describes each by where it stands from the sum and what is written between and around them, for the
logistic model that `bench/party_model_cv.py` fits and cross-validates on the corpus's labelled records.
Measured, not shipped: bench/RESULTS.md, "A learned counterparty ...".
"""

import math
import re
from dataclasses import dataclass

from dapi.decisions.ingest.extract.draft import MoneyItem
from dapi.decisions.ingest.extract.organisations import (
    GENERIC, JOB_TITLES, LEGAL_FORMS, STARTERS, SUFFIXES, OrganisationMention, is_funder, is_public_body, is_self,
)

WINDOW = 400  # characters either side of the sum searched for names
_RUN = re.compile(r"(?<![\w'’&-])(?:[A-Z][\w'’&.-]*)(?:[ \t]+(?:[A-Z0-9][\w'’&.-]*|of|and|&|for|the|on|in|de|upon))*")
_CUT = re.compile(r"(?:[ \t]+(?:of|and|&|for|the|on|in|de|upon))+$|[.'’-]+$")
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)|\n\s*\n")
_MONTHS = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                     r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_BODY_WORDS = re.compile(r"\b(?:Council|Police|Authority|Trust|Ltd|Limited|CIC|Charity|Association|Group|Hall|Club|"
                         r"Society|Centre|Church|School|Foundation|Project|Partnership|Service|Services|Network|Aid|"
                         r"Women|Community|Housing|University|College|Theatre|Band|Forum|Agency|UK)\b")
_PREVIOUS = ("to", "for", "by", "from", "with", "and", "of", "the", "at", "in", "on", ":", "(", "-", "–", "•", "£")
_NEXT = ("(", ",", ".", ":", "has", "have", "will", "is", "was", "to", "for", "£", "-", "\n")
_BETWEEN = ("to ", "from ", "award", "grant", "paid", "pay", "contract", "fund", "receive", "provid", "deliver",
            "commission", "towards", "support")
ROLES = ("award", "grant", "contract", "allocation", "contribution", "match", "total", "other")


@dataclass(frozen=True)
class Candidate:
    name: str
    start: int
    end: int
    recognised: bool


def _tidy(name: str) -> str:
    name = re.sub(r"^[Tt]he\s+", "", name.strip())
    return _CUT.sub("", name).strip()


def candidates(text: str, organisations: list[OrganisationMention], centre: int) -> list[Candidate]:
    """Every name within WINDOW characters of the sum: recognised organisations, then capitalised runs."""
    low, high = max(0, centre - WINDOW), centre + WINDOW
    found = [Candidate(m.name, m.start, m.end, True) for m in organisations if low <= m.start < high]
    taken = [(c.start, c.end) for c in found]
    for match in _RUN.finditer(text, low, min(len(text), high)):
        name = _tidy(match.group(0))
        if len(name) < 2 or any(s <= match.start() < e or match.start() <= s < match.end() for s, e in taken):
            continue
        start = text.find(name, match.start())
        found.append(Candidate(name, start, start + len(name), False))
    return found


def _word_before(text: str, start: int) -> str:
    head = text[max(0, start - 30):start].rstrip(" \t")
    if not head:
        return ""
    if head[-1] in ":(-–•£\n":
        return head[-1]
    words = re.findall(r"[\w'’]+$", head)
    return words[0].lower() if words else ""


def _word_after(text: str, end: int) -> str:
    tail = text[end:end + 30].lstrip(" \t")
    if not tail:
        return ""
    if tail[0] in "(,.:£-\n":
        return tail[0]
    words = re.match(r"[\w'’]+", tail)
    return words.group(0).lower() if words else ""


def features(text: str, item: MoneyItem, candidate: Candidate, rank: int, title_end: int) -> list[float]:
    """What a candidate is and where it stands from the sum, as numbers the model weighs."""
    at = min(item.spans, key=lambda span: min(abs(span[0] - candidate.start), abs(span[1] - candidate.end)))
    before = candidate.end <= at[0]
    gap = text[candidate.end:at[0]] if before else text[at[1]:candidate.start]
    distance = len(gap)
    words = candidate.name.split()
    first, last = words[0], words[-1].lower()
    previous, following = _word_before(text, candidate.start), _word_after(text, candidate.end)
    row = [
        1.0,
        math.log1p(distance) / 7,
        float(before),
        float(not _SENTENCE_END.search(gap)),
        float("\n" not in gap),
        float(candidate.recognised),
        float(last in SUFFIXES or last in LEGAL_FORMS),
        float(is_self(candidate.name)),
        float(is_funder(candidate.name)),
        float(is_public_body(candidate.name)),
        float(len(words) == 1), float(len(words) == 2), float(len(words) == 3), float(len(words) >= 4),
        float(candidate.name.isupper() and len(candidate.name) >= 2),
        float(len(words) == 1 and (candidate.start == 0 or text[candidate.start - 2:candidate.start].strip() in
                                   ("", ".", ":"))),
        float(bool(_MONTHS.search(candidate.name))),
        float(first in STARTERS),
        float(all(w.lower() in GENERIC for w in words)),
        float(any(w.lower() in JOB_TITLES for w in words)),
        float(bool(_BODY_WORDS.search(candidate.name))),
        float(candidate.start < title_end),
        math.log1p(text.count(candidate.name)) / 3,
        1.0 / rank,
        math.log1p(len(candidate.name)) / 5,
        float(item.row),
    ]
    row += [float(previous == w) for w in _PREVIOUS]
    row += [float(following == w) for w in _NEXT]
    row += [float(w in gap.lower()) for w in _BETWEEN]
    row += [float(item.role == r) for r in ROLES]
    return row


def described(text: str, organisations: list[OrganisationMention], item: MoneyItem) -> list[tuple[Candidate, list]]:
    """Each candidate for one sum with its features, nearest first."""
    centre = item.spans[0][0]
    found = candidates(text, organisations, centre)
    found = [c for c in found if not any(s <= c.start < e for s, e in item.spans)]
    found.sort(key=lambda c: min(abs(c.start - s) for s, _ in item.spans))
    title_end = text.find("\n") if "\n" in text else len(text)
    return [(c, features(text, item, c, rank, title_end)) for rank, c in enumerate(found, start=1)]


def wanting(item: MoneyItem) -> bool:
    """A sum the rules left without a counterparty, read from the text."""
    return item.counterparty is None and not item.counterparty_is_self and bool(item.spans)
