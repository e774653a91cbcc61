"""The deciding body's own initials: "CBC will contribute £44,913", "£16.36m is GLA Rough Sleeping programme budget".

A record often calls the body that decides by its initials, never spelled out: a council's record its "CBC" or "KCC",
a mayor's record the authority whose budget it spends. Such initials are the deciding body, not the other party of a
sum, the way "the Council" and "the Commissioner" are. Initials spelled out in brackets after a name ("(DLUHC)") are
that body's, and never taken for the record's own.
"""

import re
from contextlib import contextmanager
from contextvars import ContextVar

# A council's initials: its place's, then Borough, City, County, District or Metropolitan Borough, then Council. Not a
# commissioner's ("PCC", "OPCC", "NPCC") nor a police officer's ("ACC", "DCC": assistant, deputy chief constable).
_COUNCIL_INITIALS = re.compile(r"\b(?P<a>(?![A-Z]*P[A-Z]?CC\b|[AD]CC\b)[A-Z]{1,3}(?:MB|MD|B|C|D)C)\b")
# A council's record speaks of itself as "the Council" and of no commissioner as the decider.
_THE_COUNCIL = re.compile(r"\b[Tt]he\s+Council\b")
_COMMISSIONER = re.compile(r"\b(?:O?PF?CCs?|Commissioner|Mayor)\b")
# Initials as the owner of the money the record spends: "the internal GLA Rough Sleeping programme budget", "£1.25m of
# GLA rough sleeping programme budget", "government and GLA monies".
_OWN_BUDGET = re.compile(r"\b(?:internal|core|existing|of|is|and|own|the)\s+(?P<a>[A-Z]{2,5})\s+(?:(?:[A-Z][a-z]+|[a-z]+)\s+)"
                         r"{0,3}?(?:programme\s+)?(?:budget|monies)\b")
# A council named in full: "Cheltenham Borough Council", "Kent County Council" (its initials "CBC", "KCC").
_NAMED_COUNCIL = re.compile(r"\b(?P<place>(?:[A-Z][a-z]+[ \t]+){1,2})(?P<kind>(?:Metropolitan[ \t]+)?(?:Borough|City|County"
                            r"|District)[ \t]+)Council\b")
# A decision page of the Greater London Authority, made by the Mayor or one of its directors ("Decision type: Mayor",
# "Decision type: Assistant Director", "Type of decision: Mayoral decision"): the GLA is the body that decides, as a
# council is in its own record (MOPAC's records name the GLA as another body, and have no such field).
# An authority of the kinds that decide in their own records, named in full: "Yorkshire Dales National Park Authority",
# "Metropolitan Police Authority" (its initials "YDNPA", "MPA"); "The" opens a sentence, and is no word of its name.
_NAMED_AUTHORITY = re.compile(r"\b(?!The\b)(?P<place>(?:[A-Z][a-z]+[ \t]+){1,3})(?P<kind>National[ \t]+Park|Police"
                              r"|Fire(?:[ \t]+and[ \t]+Rescue)?)[ \t]+Authority\b")
_GLA_DECISION = re.compile(r"\b(?:Decision\s+type|Type\s+of\s+decision)\s*:\s*(?:Mayor|Mayoral|(?:Assistant\s+|Executive\s+)?"
                           r"Director)\b")
_DEFINED = r"\(\s*[\"“']?{}[\"”']?\s*\)"
_OWN: ContextVar[frozenset[str]] = ContextVar("own_initials", default=frozenset())


def own_initials(text: str) -> frozenset[str]:
    """The initials this record calls its deciding body by, when it never spells them out."""
    found = {m["a"] for m in _OWN_BUDGET.finditer(text)}
    if _GLA_DECISION.search(text):
        found |= {"GLA", "Greater London Authority"}
    # "YDNPA’s Sustainable Development Fund has committed £160,000", "save the MPA an additional £2M": the initials of
    # the one such authority the record names in full, used where they stand alone, are the deciding body's.
    authorities = {"".join(w[0] for w in m.group(0).split() if w[0].isupper()) for m in _NAMED_AUTHORITY.finditer(text)}
    if len(authorities) == 1:
        found |= {a for a in authorities if re.search(rf"\b{a}\b", text)}
    if not _COMMISSIONER.search(text):
        initials = {m["a"] for m in _COUNCIL_INITIALS.finditer(text)}
        if _THE_COUNCIL.search(text):
            found |= initials
        else:
            # "funding allocations to CBC" in a record of Cheltenham Borough Council that never says "the Council":
            # the initials of the one council it names in full.
            named = {"".join(w[0] for w in m.group(0).split()) for m in _NAMED_COUNCIL.finditer(text)}
            found |= initials & named if len(named) == 1 else set()
    return frozenset(a for a in found if not re.search(_DEFINED.format(a), text))


@contextmanager
def reading_own(initials: frozenset[str]):
    """While one record is read: the initials it calls its deciding body by."""
    token = _OWN.set(initials)
    try:
        yield
    finally:
        _OWN.reset(token)


def is_own_initials(name: str) -> bool:
    return name in _OWN.get()
