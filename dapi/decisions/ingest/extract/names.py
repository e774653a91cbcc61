"""Where an organisation's name begins and ends, for the shapes a run of capitalised words cuts wrongly.

A council is often named by its place after "of" ("The Borough Council of Calderdale", "The Council of the City of
Wakefield", "City of Bradford MDC", "London Borough of Bromley"), a company by words joined with "at" ("Bradford at
Night Limited"), and a commissioner by its area before or after its title ("West Mercia Police and Crime
Commissioner", "the Lincolnshire PCC"). Each is one name, found whole before the runs of capitalised words are read,
so that neither "Council" alone, "Council of Calderdale", "MDC" nor "Night Limited" is taken for it.
"""

import re
from contextlib import contextmanager
from contextvars import ContextVar

# A place's word: capitalised, and not a word that begins or ends a council's name.
_PLACE_WORD = (r"(?!(?:Council|Borough|City|County|District|Metropolitan|Royal|London|Town|Parish|Police|MDC|MBC|CBC"
               r"|DC|BC|CC|Limited|Ltd|The|Members?|Cabinet|Committee)\b)(?-i:[A-Z][\w'’-]*)(?![\w'’-])")
# "Calderdale", "Kensington and Chelsea", "Stockton-on-Tees", "Newcastle upon Tyne", "Barking and Dagenham".
_PLACE = (_PLACE_WORD + r"(?:[ \t]+(?:upon[ \t]+|on[ \t]+)?" + _PLACE_WORD + r"|[ \t]+and[ \t]+" + _PLACE_WORD
          + r"(?![ \t]+(?:City|County|Borough|District|Council|Police)\b))*")
_KIND = r"(?:City|County|Borough|District|Royal[ \t]+Borough|London[ \t]+Borough|County[ \t]+Borough|Metropolitan[ \t]+Borough)"
_COUNCIL_WORD = (r"(?:(?:Metropolitan[ \t]+(?:Borough|District)|County[ \t]+Borough|City|County|Borough|District|Town)"
                 r"[ \t]+)?(?:Council|Corporation)|MDC|MBC|CBC|DC|BC|CC")
_COUNCIL = re.compile(
    # "The Borough Council of Calderdale", "The Council of the City of Wakefield", "Council of the Borough of Poole"
    r"(?P<council_of>(?:" + _KIND + r"[ \t]+)?Council[ \t]+of[ \t]+(?:the[ \t]+)?(?:" + _KIND + r"[ \t]+of[ \t]+)?"
    + _PLACE + r")"
    # "City of Bradford MDC", "City of York Council", "Royal Borough of Greenwich", "London Borough of Bromley"
    r"|(?P<kind_of>(?:" + _KIND + r")[ \t]+of[ \t]+" + _PLACE + r"(?:[ \t]+(?:" + _COUNCIL_WORD + r")\b)"
    r"|(?:Royal|London)[ \t]+Borough[ \t]+of[ \t]+" + _PLACE + r")")
# "Bradford at Night Limited": words joined by "at" in a company's, a charity's or a trust's name.
_AT_NAME = re.compile(r"(?<![\w'’&-])(?P<n>(?-i:[A-Z][\w'’&-]*)(?:[ \t]+(?-i:[A-Z][\w'’&-]*)){0,3}[ \t]+at[ \t]+"
                      r"(?-i:[A-Z][\w'’&-]*)(?:[ \t]+(?:(?-i:[A-Z][\w'’&-]*)|of|and|the)){0,4}?[ \t]+"
                      r"(?:Limited|Ltd\.?|CIC|C\.I\.C\.|Trust|LLP|PLC|plc|CIO))\b")
# "West Mercia Police and Crime Commissioner", "the Lincolnshire PCC": a commissioner named by its area first.
_AREA_COMMISSIONER = re.compile(
    r"(?<![\w'’&-])(?P<area>" + _PLACE_WORD + r"(?:[ \t]+(?:and[ \t]+)?" + _PLACE_WORD + r"){0,3})[ \t]+"
    r"(?P<title>Police,?[ \t]+(?:Fire[ \t]+(?:and|&)[ \t]+)?(?:and[ \t]+|&[ \t]+)?Crime[ \t]+Commissioner|P(?:F)?CC)\b")
# Words that begin a sentence or a post, never an area: "Deputy Police and Crime Commissioner", "Acting PCC".
_NOT_AREA = {"deputy", "acting", "interim", "former", "new", "elected", "local", "each", "every", "all", "our", "your",
             "their", "his", "her", "its", "this", "that", "any", "both", "national", "office", "assistant", "chief",
             "chair", "then", "current", "previous", "incoming", "outgoing", "association", "following", "from",
             "with", "by", "for", "to", "of", "and", "in", "on", "at", "as", "if", "when", "where", "a", "an"}


# A national police service named with "Police" first: "Police Scotland", "Police Service of Northern Ireland". A run of
# capitalised words is read as a name only when a suffix such as "Police" ends it, so these are found whole here.
_POLICE_FIRST = re.compile(r"(?<![\w'’&-])Police[ \t]+(?:Service[ \t]+(?:of[ \t]+)?)?(?:Scotland|Northern[ \t]+Ireland)\b")


def whole_names(text: str) -> list[tuple[str, int, int]]:
    """The names of these shapes in a text: (name as written, start, end), without a leading "The"."""
    found: list[tuple[str, int, int]] = []
    for match in _COUNCIL.finditer(text):
        start = _named_before(text, match.start()) if match["council_of"] else match.start()
        found.append((" ".join(text[start:match.end()].split()), start, match.end()))
    for match in _AT_NAME.finditer(text):
        start = _after_leading(text, match.start("n"), match.end("n"), {"the", "to", "from", "with", "by"} | _NOT_AREA)
        if len(text[start:match.end()].split()) >= 4:
            found.append((" ".join(text[start:match.end()].split()), start, match.end()))
    for match in _AREA_COMMISSIONER.finditer(text):
        start = _after_leading(text, match.start("area"), match.end("area"), _NOT_AREA)
        if start < match.end("area"):
            found.append((" ".join(text[start:match.end()].split()), start, match.end()))
    found += [(" ".join(m.group(0).split()), m.start(), m.end()) for m in _POLICE_FIRST.finditer(text)]
    found.sort(key=lambda f: (f[1], -f[2]))
    kept: list[tuple[str, int, int]] = []
    for name, start, end in found:
        if not any(s <= start < e for _, s, e in kept):
            kept.append((name, start, end))
    return kept


# Capitalised words just before "Council of" that name a body of their own: "Parochial Church Council of the
# Ascension", "Joint Consultative Council of ...". Not a post, a meeting or a sentence's first word.
_WORDS_BEFORE = re.compile(r"(?:(?<![\w'’&-])(?-i:[A-Z][\w'’-]*)[ \t]+)+$")
_NOT_NAME_WORDS = _NOT_AREA | {"the", "leader", "cabinet", "member", "members", "mayor", "executive", "meeting", "full",
                               "approved", "resolved", "agreed", "that"}


def _named_before(text: str, start: int) -> int:
    """Where a "Council of ..." name begins once the capitalised words naming it from before are taken in."""
    words = _WORDS_BEFORE.search(text, max(0, start - 120), start)
    if not words:
        return start
    kept = start
    for word in reversed(list(re.finditer(r"\S+", words.group(0)))):
        if word.group(0).lower() in _NOT_NAME_WORDS:
            break
        kept = words.start() + word.start()
    return kept


def _after_leading(text: str, start: int, end: int, words: set[str]) -> int:
    """Where a span begins once its leading words of this kind are dropped."""
    for word in re.finditer(r"\S+", text[start:end]):
        if word.group(0).lower() not in words:
            return start + word.start()
    return end


# A council's record: its cabinet, its officers or "the Council" decide.
_COUNCIL_DECIDES = re.compile(r"\b(?:Cabinet|Council['’]s|[Tt]he\s+Council|Portfolio\s+Holder|Section\s+151)\b")
# The deciding commissioner as a record names itself: "the Commissioner", "the PCC", "OPCC", the title alone.
_BARE_COMMISSIONER = re.compile(r"\b(?:O?PF?CCs?|Commissioner)\b")
_AREA_NAMED = re.compile(r"\bCommissioner\s+for\s+[A-Z]|^(?!Office\b)[A-Z][\w'’-]*(?:\s+\S+)*?\s+(?:Police,?\s+(?:Fire\s+"
                         r"(?:and|&)\s+)?(?:and\s+|&\s+)?Crime\s+Commissioner|PF?CC)$")
_OUTSIDE: ContextVar[frozenset[str]] = ContextVar("outside_bodies", default=frozenset())


def outside_commissioners(text: str, names: list[tuple[str, int, int]]) -> frozenset[str]:
    """In a council's record, a commissioner named by its area ("the West Mercia PCC", "the Police and Crime
    Commissioner for Lincolnshire") is an outside body, a funder, not the deciding body; unless the record also
    speaks of a commissioner by its title alone, as a commissioner's own record does."""
    if not _COUNCIL_DECIDES.search(text):
        return frozenset()
    areas = [(start, end) for name, start, end in names if _AREA_NAMED.search(name)]
    bare = [m for m in _BARE_COMMISSIONER.finditer(text) if not any(s <= m.start() < e for s, e in areas)]
    return frozenset() if bare else frozenset(name for name, start, end in names if (start, end) in areas)


@contextmanager
def reading(outside: frozenset[str]):
    """While one record is read: the bodies named in it that are outside bodies although shaped like a deciding one."""
    token = _OUTSIDE.set(outside)
    try:
        yield
    finally:
        _OUTSIDE.reset(token)


def is_outside(name: str) -> bool:
    return name in _OUTSIDE.get()


# A portfolio of the deciding body is a part of it, never the other party of a sum: "the Executive Member for Culture,
# Arts and Housing", "the Director for Housing" (a body named
# after a portfolio of several words, "Portfolio Lead for Policing and Community Safety, Northmoor Combined Authority", is
# the deciding body itself, and kept).
_OWN_PART = re.compile(r"\b(?:Member|Holder|Director|Head|Lead|Spokesperson)[ \t]+for[ \t]+(?:[\w'’-]+,[ \t]+)?$")


# A council's own unit is no payee either: a directorate or service the record names an officer of ("the Director of
# Corporate Services", then "the transfer of £10,000 from Corporate Services"), and an account of its own books ("to be
# allocated to the CCTV Revenue Cost Centre").
_OFFICER_OF = re.compile(r"\b(?:Director|Head|Manager)[ \t]+of[ \t]+(?:the[ \t]+)?(?P<unit>[A-Z][\w'’-]*(?:[ \t]+(?:and[ \t]+)?"
                         r"[A-Z][\w'’-]*)*)")
# Money moved inside the body's own books names one of its own units: "the budget transfers within Children’s
# Services", "a virement within Adult Social Care".
_MOVED_WITHIN = re.compile(r"\b(?:transfers?|virements?|movements?|moved|transferred|vired)[ \t]+within[ \t]+(?:the[ \t]+)?"
                           r"(?P<unit>[A-Z][\w'’-]*(?:[ \t]+(?:and[ \t]+|&[ \t]+)?[A-Z][\w'’-]*)*)")
_OWN_ACCOUNT = re.compile(r"\b(?:Cost[ \t]+Centre|Cost[ \t]+Code|Budget|Reserve)$")
# A committee of the deciding body, which recommends and scrutinises but is never paid: "the Community Policy
# Development Group", "the Overview and Scrutiny Committee", "the Grants Working Group", a "Task and Finish Group".
_OWN_COMMITTEE = re.compile(r"\b(?:Policy[ \t]+Development|Scrutiny|Working|Task[ \t]+and[ \t]+Finish)[ \t]+"
                            r"(?:Group|Committee|Panel|Board)$")

# Nor is a committee named as one of a body ("the Grants Committee of the Bridge House Estates Board"), a meeting of the
# council ("At Budget Council meeting in March 2024", "Full Council") or a section of a body's rules ("Section D of the
# Fire Authority’s Standing Orders").
_PART_OF_BODY = re.compile(r"\b(?:Committee|Sub-Committee)[ \t]+of[ \t]+|^(?:Budget|Full|Annual|Extraordinary|Special)"
                           r"[ \t]+Council$|^(?:Section|Part|Paragraph|Schedule|Appendix|Annex)[ \t]+[\w.]+[ \t]+of\b")


def without_own_parts(text: str, mentions: list) -> list:
    """The mentions that do not name a portfolio, a unit, an account, a committee or a meeting of the deciding body."""
    units = {m["unit"] for pattern in (_OFFICER_OF, _MOVED_WITHIN) for m in pattern.finditer(text)}
    return [m for m in mentions if not _OWN_PART.search(text, max(0, m.start - 80), m.start)
            and m.name not in units and not is_own_account(m.name) and not _OWN_COMMITTEE.search(m.name)
            and not _PART_OF_BODY.search(m.name)]


def is_own_account(name: str) -> bool:
    return bool(_OWN_ACCOUNT.search(name))


# A bullet or a numbered line of a decision that begins with its verb: "- Award Oakdale Council up to £5,000",
# "2. Allocate the Riverside Trust £8,000". The verb is not the first word of the payee's name. ("Grant" is left out:
# it begins names of firms.)
_LINE_VERBS = {"Award", "Allocate", "Approve", "Agree", "Pay", "Provide", "Commission", "Extend", "Accept", "Fund"}
_LINE_OPENING = re.compile(r"(?:^|\n)[ \t]*(?:[-•*–·]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])?[ \t]*$")


def opens_a_line(text: str, start: int, word: str) -> bool:
    """Is this word a decision's verb at the head of a bullet or a numbered line?"""
    return word in _LINE_VERBS and bool(_LINE_OPENING.search(text, max(0, start - 12), start))
