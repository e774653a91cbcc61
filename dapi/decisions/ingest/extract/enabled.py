"""Who a sum spent from a fund is for, when a decision list's entry names the body only in what the sum enables:
"To approve £1,700 spend from the Community Safety fund to enable the Eastby Young Cadets to attend ...", "... to
cover the costs of Oakdale Guidance planning the event", "... to enable Northtown Borough Council planning engineers
to complete ...". The name is taken as written, up to the first word not capitalised (or a connector); the line
says so (a warning), since the body is named for what it does, not as the one paid."""

import re

from .organisations import is_funder, is_self
from .parties import direct_award, done_by

_NAME = r"(?P<n>[A-Z][\w'’&.-]*(?:[ \t]+(?:[A-Z][\w'’&.-]*|of|and|&|the|for|on|in)){0,9})"
_ENABLED = re.compile(r"\s*(?:of\s+)?(?:spend|spending|expenditure|funding)\b[^£.;\n]{0,120}?\bto\s+(?:(?:enable|allow)|"
                      r"cover\s+the\s+costs?\s+of)\s+(?:the\s+)?" + _NAME + r"(?=[ \t]+[a-z])")
_TRAILING = re.compile(r"(?:[ \t]+(?:of|and|&|the|for|on|in))+$")


def enabled_by_spend(text: str, amount, end: int):
    """(name, span, warning) of the body a sum's spend enables or pays the costs of, if named in its sentence."""
    found = _ENABLED.match(text, amount.end, end)
    if not found:
        return None
    name = _TRAILING.sub("", found["n"])
    if len(name.split()) < 2 or is_self(name) or is_funder(name):
        return None
    span = (found.start("n"), found.start("n") + len(name))
    return name, span, (f"“{name}” is named as the body the spend enables or pays the costs of: check it is the one "
                        "paid")


def done_or_enabled(text: str, amount, role: str | None, kind: str, sentence: tuple[int, int], segment_start: int):
    """(role, (name, span), warning) of a sum no one is yet named for: the firm that does the work it prices
    ("undertaken by Oakdale Metalworks at a total cost of £2394"), the body its spend enables, or, for a total, the
    one body the record awards a contract or grant to directly."""
    if role in ("total", "other", None) and (done := done_by(text, segment_start, amount.start)):
        return "contract", done, ""
    if role in ("other", None) and (enabled := enabled_by_spend(text, amount, sentence[1])):
        return "grant", enabled[:2], enabled[2]
    if role == "total" and (direct := direct_award(text)):
        return ("contract" if re.search(r"\bcontract", text[sentence[0]:sentence[1]], re.I) else kind), direct[:2], direct[2]
    return None
