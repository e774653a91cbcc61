"""Counterparties that are no body: a document, an activity, a post, a contract's title or a way of buying, read as a
name by the rules that take a capitalised run for one.

"under the delegation provided by Mayoral Decision 3386" names a decision, not a provider; a record titled
"Recommissioning Drug and Alcohol Treatment Services" is about commissioning, and its title names no body; "the term
of the DPS", where the record spells the DPS out as a "Dynamic Purchasing System", is a way of buying from many
providers. "The Cabinet Member for Housing" is a post that decides, "the Contract for Dispersed Supported Housing" what
is bought. The post or office that approves the decision ("This paper requests approval from DMPC", "The Deputy
Mayor is asked to", "approved by the Police and Crime Commissioner") decides, it is not paid; nor is a staffing unit
("1.5 FTE's", "two WTE", "posts") a body. A sum given such a name is left without a counterparty (the other rules, or
a reviewer, find its body).
"""

import re

from .draft import MoneyItem

# A document by its kind and number: "Mayoral Decision 3386", "Cabinet Report", "Decision Notice 12".
_DOCUMENT = re.compile(r"(?:\b(?:Decision|Report|Notice|Minutes?)|\bDecision\s+(?:Notice|Record|Log))$")
# A title that opens with what is being done, not who does it.
_ACTIVITY = re.compile(r"^(?:Re)?(?:commissioning|procuring|procurement|tendering|delivering|providing|awarding|"
                       r"extending|extension|renewing|renewal|variation|approval)\b", re.IGNORECASE)
# A post, not a body: "the Cabinet Member for Housing", "the Director of Finance" decide or sign for the deciding body;
# so do several posts together: "the Portfolio Holders for Resources and Housing".
_POST = re.compile(r"^(?:(?:Cabinet|Executive|Lead)\s+Member|Portfolio\s+Holder|(?:(?:Strategic|Corporate|Executive)\s+)?"
                   r"Director|Head|Chief\s+Officer)s?\s+(?:of|for)\b")
# A contract or agreement by its title: "the Contract for Dispersed Supported Housing" is what is bought, not from whom.
_TITLE = re.compile(r"^(?:Contract|Agreement|Lease|Licence|Tender)\s+(?:for|of)\b")
# The posts and offices that approve a decision, and the words that say the record's decision is theirs.
_APPROVER = (r"(?:DMPC|Deputy\s+Mayor(?:\s+for\s+[A-Z][\w ]+?)?|(?:the\s+)?Mayor(?:\s+of\s+London)?|O?PCC|"
             r"Police(?:,?\s+Fire)?(?:\s+and)?\s+Crime\s+Commissioner|Commissioner|Chief\s+Executive)")
_STAFFING = re.compile(r"(?:\d+(?:\.\d+)?\s*)?(?:FTE|WTE|posts?)(?:['’]?s)?", re.IGNORECASE)


def _the_approver(text: str, name: str) -> bool:
    if not re.fullmatch(_APPROVER, name):
        return False
    named = r"(?:[Tt]he\s+)?" + re.escape(name)
    return bool(re.search(r"\b(?:approval|decision|agreement|sign-?off)\s+(?:from|of|by)\s+" + named + r"\b"
                          r"|\b[Aa]pproved\s+by\s+" + named + r"\b"
                          r"|\b" + named + r"\s+(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to\b"
                          r"|\b" + named + r"\s+(?:approves|agrees|decides)\b", text))


_BUYING = r"(?:(?:Dynamic\s+)?Purchasing\s+System|Framework(?:\s+Agreement)?|Approved\s+Provider\s+List)"


def _a_way_of_buying(text: str, name: str) -> bool:
    spelled = re.search(_BUYING + r"\s*\(\s*(?:the\s+)?" + re.escape(name) + r"\s*\)", text, re.IGNORECASE)
    return bool(spelled) or bool(re.fullmatch(_BUYING, name, re.IGNORECASE))


def no_body(text: str, name: str, followed_by: str = "") -> bool:
    """A name that is a document, an activity, a post, a contract's title or a way of buying (the module docstring)."""
    return bool(_DOCUMENT.search(name) or re.match(r"\s+\d", followed_by) and re.search(r"\bDecisions?$", name)
                or _ACTIVITY.match(name) or _POST.match(name) or _STAFFING.fullmatch(name)
                or _the_approver(text, name) or _TITLE.match(name) or _a_way_of_buying(text, name))


def drop_no_bodies(text: str, money: list[MoneyItem]) -> None:
    """A sum whose counterparty is no body (the module docstring) keeps its sum and role, and loses the name; a sum
    read as paid out to a post of the deciding body is that body's own spending."""
    for item in [m for m in money if m.counterparty and not m.counterparty_is_self]:
        after = text[item.counterparty_spans[0][1]:item.counterparty_spans[0][1] + 10] if item.counterparty_spans else ""
        if no_body(text, item.counterparty, after):
            # a warning about the name ("... is named only in the record's title") goes with it
            item.warning = "" if item.warning.startswith(item.counterparty + " ") else item.warning
            if _POST.match(item.counterparty) and item.role in ("grant", "contract", "allocation"):
                item.role = "other"
            item.counterparty, item.counterparty_spans = None, []
