"""The body a clause is about, written as its subject (issue 19, fourth round).

- A clause that opens with a name and says it receives the sum names the recipient: "Thames Valley Partnership
  received £275,000 to provide ...", "- SARSAS will receive £42,500 to provide ...", "AXIS have been awarded
  £222,609 of funding", "..., Buckinghamshire received £11,700", "The Youth Offending Team in Powys has been given
  additional funding by the Commissioner (from £20k to £45K per annum)". The deciding body pays it out, even on a page
  headed by the funder whose money it passes on; the funder named at the top is the source of the pot, not the
  recipient. The deciding body itself, a funder or a pronoun as subject is not a recipient of this kind; nor is
  the subject of a sentence in running text (not a list item) right after one naming a funder's grant, which is
  the area's share of that grant ("The Ministry of Justice announced an in-year uplift to PCC's core grant
  funding ... Greater Manchester received £285,000").
- A line that opens with a body's name (a recognised organisation or an acronym) and goes straight on to the sum
  names its recipient: "WMRSASC £305,000 annually for the provision of ...".
- A sum something is said to cost ("This service cost £200,063") is its price: no funder's award, paid to nobody
  the clause names.
"""

import re

from .amounts import AmountMention
from .organisations import OrganisationMention, is_funder, is_self

_NAME = r"[A-Z][\w'’&.-]*(?:[ \t]+(?:[A-Z][\w'’&.-]*|of|and|&|in|for|the))*"
_RECEIVES = re.compile(r"(?:^|[,;:(]|\band|\bwhile|\bwhereas|[-•·*–▪]|\n)[ \t]*(?P<n>" + _NAME + r")[ \t]+"
                       r"(?:will[ \t]+|would[ \t]+|is[ \t]+to[ \t]+|are[ \t]+to[ \t]+|also[ \t]+)?"
                       r"(?:receive[sd]?|(?:has|have|had)[ \t]+(?:also[ \t]+)?been[ \t]+(?:awarded|granted|allocated|given))"
                       r"[ \t]+(?:a[ \t]+(?:grant|contract)[ \t]+of[ \t]+|funding[ \t]+of[ \t]+|"
                       r"an?[ \t]+(?:additional|further|extra)[ \t]+|up[ \t]+to[ \t]+|"
                       # "has been given additional funding by the Commissioner (from £20k to £45K per annum)"
                       r"(?:(?:additional|further|extra)[ \t]+)?funding[ \t]+(?:by[ \t]+(?:the[ \t]+)?[A-Z]\w*(?:[ \t]+[A-Z]\w*)*"
                       r"[ \t]*)?\([ \t]*from[ \t]+)?$")
_NOT_NAMES = {"it", "they", "we", "i", "he", "she", "this", "that", "these", "those", "each", "every", "all", "which",
              "who", "local", "victims", "applicants", "projects", "organisations", "partners", "services"}
_COST = re.compile(r"\b(?:cost|costs|costing)[ \t]+(?:just[ \t]+)?(?:under[ \t]+|over[ \t]+|about[ \t]+|around[ \t]+)?$"
                   # a unit's cost: "the cost of each individual system would be in the region of £3,000"
                   r"|\bcosts?\s+of\s+(?:each|one|a\s+single|every)\b[^£.;]{0,60}?\b(?:is|are|was|were|would\s+be|will\s+be)\s+(?:in\s+the\s+region\s+of\s+|"
                   r"about\s+|around\s+|approximately\s+|estimated\s+at\s+)?$")


_LIST_ITEM = re.compile(r"[ \t]*(?:[-•·*–▪◦]|\d{1,2}[.)])[ \t]+")


def named_recipient(text: str, organisations: list[OrganisationMention], start: int, amount: AmountMention,
                    line_start: int = 0, previous: tuple[int, int] = (0, 0)):
    """(name, span) of the subject said to receive the amount, else None (module docstring, first rule);
    `previous` is the sentence before the amount's, `line_start` where its line begins."""
    found = _RECEIVES.search(text[start:amount.start])
    if not found:
        return _heading_name(text, organisations, max(start, line_start), amount)
    if not _LIST_ITEM.match(text, line_start) and any(
            is_funder(m.name) for m in organisations if previous[0] <= m.start < previous[1]):
        return None
    span = (start + found.start("n"), start + found.end("n"))
    words = text[span[0]:span[1]]
    if words.split()[0].lower() in _NOT_NAMES or (words.split()[0].lower() == "the" and len(words.split()) == 1):
        return None
    inside = [m for m in organisations if span[0] <= m.start < span[1]]
    if words.startswith("The ") and not inside:  # the body's name as written, without its article
        words, span = words[4:], (span[0] + 4, span[1])
    name, name_span = (inside[0].name, inside[0].span) if inside and inside[0].span == span else (words, span)
    if is_self(name) or is_self(words) or is_funder(name) or re.fullmatch(r"(?:The\s+)?[A-Z]\w*\s+PCC", words):
        return None
    return name, name_span


_LINE_HEAD = re.compile(r"[ \t]*(?:[-•·*–▪◦][ \t]+)?(?P<n>" + _NAME + r")[ \t]+$")


def _heading_name(text: str, organisations: list[OrganisationMention], start: int, amount: AmountMention):
    """A line that opens with a body's name and goes straight on to the sum: "WMRSASC £305,000 annually for the
    provision of ...". Only a recognised organisation or an acronym counts, never the deciding body or a funder."""
    head = _LINE_HEAD.fullmatch(text, start, amount.start)
    if not head:
        return None
    named = [m for m in organisations if m.span == head.span("n")]
    name = named[0].name if named else head["n"]
    if not (named or re.fullmatch(r"[A-Z]{3,8}", name)) or is_self(name) or is_funder(name):
        return None
    return name, head.span("n")


_FUNDER_VERB = re.compile(r"[ \t]+(?:(?:has|have|had|is|are|was|were)[ \t]+)?(?:(?:subsequently|also|now)[ \t]+)?"
                          r"(?:awarded|allocated|granted|offered|provided)\b[^.;£]{0,80}$")


def funder_as_subject(text: str, organisations: list[OrganisationMention], start: int, amount: AmountMention) -> bool:
    """Whether a funder is the subject of the award verb right after its name, before the amount: "DLUHC has
    allocated support funding of £20,745,496 to the GLA" (not "the Home Office funding will be used to award £80,000
    to Harbour", where the funder only names whose money it is)."""
    return any(is_funder(m.name) and _FUNDER_VERB.match(text, m.end, amount.start)
               for m in organisations if start <= m.start < amount.start)


def priced(text: str, start: int, amount: AmountMention) -> bool:
    """Whether the amount is what something is said to cost (module docstring, second rule)."""
    return bool(_COST.search(text, start, amount.start))


# A funder as subject, then a pronoun for it: "For 2024/25 the Home Office has agreed to continue funding the scheme.
# They have made available £352,986 to the Police and Crime Commissioner": the funder's award to the deciding body.
_PRONOUN_GIVES = re.compile(r"\s*(?:It|They)\s+(?:has|have|had|will|would)?\s*(?:also\s+|now\s+|then\s+)?"
                            r"(?:made\s+available|allocated|awarded|granted|provided|offered|given|confirmed|make\s+available|"
                            r"allocate|award|grant|provide|give)\b[^£.;]{0,60}$")
_FUNDER_SUBJECT = re.compile(r"\s*(?:has|have|had|will|would|is|are|was|were)?\s*(?:also\s+|now\s+|then\s+)?"
                             r"(?:agreed|confirmed|announced|decided|launched|awarded|allocated|offered|approved)\b")


def funder_by_pronoun(text: str, organisations: list[OrganisationMention], sentence, previous, amount: AmountMention):
    """The funder a pronoun subject stands for (above), when the sum goes to the deciding body or to nobody named
    after it; None otherwise."""
    if not _PRONOUN_GIVES.fullmatch(text, sentence[0], amount.start):
        return None
    if any(not is_self(m.name) and re.search(r"\bto\s+(?:the\s+)?$", text[max(amount.end, m.start - 8):m.start])
           for m in organisations if amount.end <= m.start < sentence[1]):
        return None  # "It has allocated £120,000 to Westshire Council": paid to that body
    subjects = [m for m in organisations if previous[0] <= m.start < previous[1] and is_funder(m.name)
                and _FUNDER_SUBJECT.match(text, m.end)]
    return subjects[0] if len(subjects) == 1 else None
