"""A list line that names a body and then what it is paid for, a dash or brackets between: "Highlife Highland – Youth
Session Resources - £999", "Caithness Chamber of Commerce - Caithness Transport Forum - £500", "New Lodge Arts (New
Lodge Festival) - £40,000", a table's cell "Northbury Growing Space - Eastfield, Northbury".

A list of grants often writes each line as the body first and then its project, event or place, set off by a dash
between spaces or in brackets, and then the sum. The project's words are capitalised like a name, so an earlier rule
can take the whole ("Highlife Highland – Youth Session Resources") or the project alone ("New Lodge Festival") for the
party. The body is the name before the dash or the brackets:

- a party that itself holds a dash between spaces is cut to the words before it, when they are a name of two words at
  least (what follows the dash is what is paid for, or where);
- a party that is the project of the line the sum stands at the end of ("BODY - PROJECT - £N", "BODY (PROJECT) -
  £N"), that line holding nothing else before the sum, is given the body that begins the line, when the project's
  words end in a word for an event or a piece of work ("Festival", "Activities", "Project", "Programme", ...): a line
  can as well name the work first and its body or place after ("Eastgate Masterplan (Northbury) - £30k").

Brackets that hold initials ("Talk Listen Change (TLC)") are the body's own short name, not a project, and are left.
A line an earlier rule warned of (words in brackets read as the provider) keeps a warning, reworded to what is read.
"""

import re

from .draft import MoneyItem
from .organisations import is_self

_DASH = re.compile(r"[ \t]+[-–—][ \t]+")
_WORD = r"[A-Z][\w&'’.-]*"
_SMALL = r"(?:of|and|for|the|an|in|&)"
_LEAD = _WORD + r"(?:[ \t]+(?:" + _WORD + "|" + _SMALL + "))*"
_BULLET = r"^[ \t]*(?:[•·*▪◦-]|\d{1,2}[.)]|\([a-z0-9]{1,3}\))?[ \t]*"
_LINE = re.compile(_BULLET + r"(?P<lead>" + _LEAD + r")(?:[ \t]+[-–—][ \t]+(?P<dashed>[^()£\n]+?)[ \t]+[-–—:]"
                   r"|[ \t]*\((?P<bracketed>[^()£\n]+)\)[ \t]*[-–—:]?)[ \t]*$")
_INITIALS = re.compile(r"\(?[A-Z][A-Z&]{1,7}s?\)?")
# What a body is paid for, not a body: an event or a piece of work. A line can as well name the work first and its body
# or place after ("Northbury Stalking Service (Safe Lives Trust) £18,000", "Eastgate Masterplan (Northbury) - £30k"):
# then the words set off are no event, and the line is left as it is.
_WORK = re.compile(r"\b(?:Festivals?|Projects?|Programmes?|Activities|Activity|Schemes?|Events?|Exhibitions?|Initiatives?"
                   r"|Resources|Equipment|Works|Pilot|Campaign|Training|Celebrations?|Gala|Show)\W*$")


def _plain(name: str) -> str:
    return " ".join(re.sub(r"[^\w ]+", " ", re.sub(r"^the\s+", "", name.lower())).split())


def _cut_at_dash(item: MoneyItem) -> None:
    lead = _DASH.split(item.counterparty, maxsplit=1)[0]
    if len(lead.split()) < 2 or is_self(lead):
        return
    item.counterparty = lead
    if item.counterparty_spans:
        start = item.counterparty_spans[0][0]
        item.counterparty_spans = [(start, start + len(lead))]


def _body_of_line(text: str, item: MoneyItem) -> None:
    start = item.spans[0][0]
    line = text[text.rfind("\n", 0, start) + 1:start]
    found = _LINE.match(line)
    if not found:
        return
    what = found["dashed"] or found["bracketed"]
    lead = found["lead"]
    if not _WORK.search(what) or _INITIALS.fullmatch(what.strip()) or is_self(lead) or len(lead) < 4:
        return
    if _plain(item.counterparty) not in {_plain(what), _plain(found[0].strip())}:
        return
    begin = text.rfind("\n", 0, start) + 1 + found.start("lead")
    item.counterparty, item.counterparty_spans = lead, [(begin, begin + len(lead))]
    # A warning that the words set off were read as the party is stale now; a reviewer is still asked to check.
    if what.strip() in item.warning:
        item.warning = (f"“{lead}” was read as the body paid and “{what.strip()}” after it as the event or work it is "
                        "paid for: check who is paid.")


def bodies_before_projects(text: str, money: list[MoneyItem]) -> None:
    """Give a line the body its list line names first, not the project after a dash or in brackets (the module
    docstring)."""
    for item in money:
        if not item.counterparty or item.counterparty_is_self or not item.spans:
            continue
        if _DASH.search(item.counterparty):
            _cut_at_dash(item)
        else:
            _body_of_line(text, item)
