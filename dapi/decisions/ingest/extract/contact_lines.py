"""A name on a record's contact line is a person and a post, never the other party of a sum.

"Contact: Jane Doe  Democratic Services Officer" at the head of a page of decisions gives who to ask about the
meeting. A run of capitalised words read there ("Jane Doe Democratic Services") may be taken for a body, and, standing
near the title, for the body a sum is paid to. A party named nowhere in the text but on such a line is taken off,
with the warning that came with it.
"""

import re

from .draft import MoneyItem

# "Contact: ...", "Contact officer: ...", "Contact details - ..." at the start of a line.
_CONTACT_LINE = re.compile(r"^[ \t]*Contact(?:[ \t]+(?:officer|details|person|name))?[ \t]*[:–-][^\n]*", re.I | re.M)


def drop_contact_names(text: str, money: list[MoneyItem]) -> None:
    """Take off a party named only on a contact line (the module docstring)."""
    lines = [m.span() for m in _CONTACT_LINE.finditer(text)]
    if not lines:
        return
    dropped = set()
    for item in money:
        name = item.counterparty
        if not name or item.counterparty_is_self:
            continue
        words = r"\s+".join(re.escape(w) for w in name.split())
        mentions = [m.start() for m in re.finditer(words, text)]
        if mentions and all(any(s <= at < e for s, e in lines) for at in mentions):
            dropped.add(name)
            item.counterparty, item.counterparty_spans = None, []
    for item in money:
        # a warning about the name ("... is named only in the record's title") goes with it
        if any(name in item.warning for name in dropped):
            item.warning = ""
