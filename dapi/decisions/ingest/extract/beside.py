"""A sum the other rules left without a counterparty, its sentence tying it to one named body.

Two ways of writing leave a sum's body beside it where the rules that read a role's words do not look:
the body named right after the sum, joined only by "to" or "with" ("£403.62 as funding to Oakdale Community
Centre", "a £100k grant to British Transport Police", "£5,000 as funding together with Warbreck Ward to Oakdale Highways
Services", "a funding agreement, for £2,165,000, with NHS England"); and a contract's other party named after
"contract with" earlier in the same sentence ("the direct award of a contract with Harbourside for the provision of
supported housing ... at an annual value of £310,296"), a name that need not end in a word bodies end with. A
department, team or unit named after "as funding to" is a part of the deciding body, given an allocation.

The body is taken only when it is the one such name: never the deciding body itself or its initials, never a
budget, programme or fund named after a body ("from the GLA rough sleeping budget"), and never across another sum
or a full stop, and never for a sum paid to nobody (a saving, a rate, a fund's size). A sum read this way keeps a
warning, so a reviewer checks it first.
"""

import re

from .draft import MoneyItem
from .money import Context
from .national import paid_to_nobody
from .organisations import is_self

# Between the sum and the body: a comma, "as funding", "of grant", then "to" or "with" and "the".
_JOIN = re.compile(r"[ \t]*,?[ \t]*(?:(?:(?:as|of)[ \t]+(?:a[ \t]+)?(?:\w+[ \t]+)?)?(?:funding|grant|contribution)[ \t]+"
                   # "£5,000 as funding together with Warbreck Ward to ...": a co-funder named on the way to the payee
                   r"(?:together[ \t]+with[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,4})?)?(?:to|with)[ \t]+(?:the[ \t]+)?")
# A body's name followed by these is what it owns or runs, not the body: "the Oakdale Trust programme budget".
OWNED = re.compile(r"[’']?s?[ \t]+(?:\w+[ \t]+){0,3}?(?:budget|programme|fund|scheme|funding|grant|reserve|policy|"
                    r"strategy|project|initiative)\b", re.IGNORECASE)
# "Cabinet awards Oakdale Homes a 4-year contract for ...": the body awarded the contract or grant, named before it.
_AWARDS = re.compile(r"\bawards?\s+(?:the\s+)?(?P<n>[A-Z][\w'’.&-]*(?:[ \t]+(?:[A-Z][\w'’.&-]*|of|and|&)){0,6})\s+"
                     r"an?\s+(?:[\w-]+\s+){0,3}?(?:contract|grant)\b")
# A department, team or unit by its name, a part of the deciding body that no list of organisations holds.
_OWN_PART = re.compile(r"(?P<n>[A-Z][\w'’&-]*(?:[ \t]+(?:[A-Z][\w'’&-]*|and|&)){0,5}[ \t]+(?:Department|Team|Unit))\b")
_CONTRACT_WITH = re.compile(
    r"\b(?:contract|agreement)\s+with\s+(?:the\s+)?(?P<n>[A-Z][\w'’.&-]*(?:[ \t]+(?:[A-Z][\w'’.&-]*|of|and|&)){0,6})")


def can_be_party(name: str) -> bool:
    """A name that can be the other party: not the decider, not a document, not a bare acronym nobody spells out."""
    return not is_self(name) and name not in ("Council", "Government", "Force") and not re.search(
        r"\b(?:Decision|Report|Programme|Fund|Scheme|Strategy|Plan|Policy|Framework)\b", name)


def _after(ctx: Context, item: MoneyItem, sentence: tuple[int, int]) -> tuple[str, tuple[int, int], str] | None:
    text, end = ctx.text, item.spans[0][1]
    if item.role == "total":
        return None  # "grants totalling £2.9m to Harbour Police, the region's ...": shared, the first named is one of many
    join = _JOIN.match(text, end, sentence[1])
    if not join:
        return None
    names = [m for m in ctx.organisations + ctx.providers if m.start == join.end() and m.end <= sentence[1]]
    name = max(names, key=lambda m: m.end, default=None)
    own = _OWN_PART.match(text, join.end(), sentence[1])
    if name is None and own and not OWNED.match(text, own.end()):
        # "£100 as funding to the Street Cleansing Department": a part of the deciding body, given an allocation.
        return own["n"], own.span("n"), "allocation"
    if name is None or not can_be_party(name.name) or OWNED.match(text, name.end):
        return None
    # "£403.62 as funding to" a body is a grant to it; otherwise the role the sum's own words gave it stands.
    granted = item.role == "other" and re.search(r"\b(?:funding|grant)\b[ \t]+to\b", join.group(0))
    return name.name, name.span, "grant" if granted else item.role


def _contract_with(ctx: Context, item: MoneyItem, sentence: tuple[int, int], pattern=_CONTRACT_WITH
                   ) -> tuple[str, tuple[int, int], str] | None:
    text, start = ctx.text, item.spans[0][0]
    parties = list(pattern.finditer(text, sentence[0], start))
    if len(parties) != 1:
        return None
    party = parties[0]
    name = re.sub(r"[ \t]+(?:of|and|&)$", "", party["n"]).rstrip(".")
    if (not can_be_party(name) or name.isupper() and not any(m.name == name for m in ctx.organisations)
            or OWNED.match(text, party.start("n") + len(name))):
        return None
    # The annual value and the total of a contract with a body are both the contract's value.
    contract = item.role in ("total", "other") and "contract" in party.group(0)
    return name, (party.start("n"), party.start("n") + len(name)), "contract" if contract else item.role


def _give(item: MoneyItem, found: tuple[str, tuple[int, int], str]) -> None:
    item.counterparty, item.counterparty_spans, item.role = found[0], [found[1]], found[2]
    item.warning = item.warning or (f"{found[0]} is the only body named beside this sum, not named as its payee or "
                                    "funder: check it is the other party")


def named_beside(ctx: Context, money: list[MoneyItem]) -> None:
    """Give a sum without a counterparty the one body its sentence ties it to (the module docstring), with a warning;
    and a sum whose body was read from elsewhere (the title, a heading) the one body its own sentence awards it to."""
    for item in [m for m in money if m.spans and not m.row and not m.counterparty_is_self]:
        sentence = ctx.layout.sentence_at(item.spans[0][0])
        before, after = ctx.text[sentence[0]:item.spans[0][0]], ctx.text[item.spans[0][1]:sentence[1]]
        if paid_to_nobody(before, after):
            continue  # "a £41,000 saving", "£5 per hour", a fund's size: paid to nobody, whoever the sentence names
        if not item.counterparty:
            found = _after(ctx, item, sentence) or _contract_with(ctx, item, sentence)
        elif not any(sentence[0] <= s < sentence[1] for s, _ in item.counterparty_spans):
            found = _contract_with(ctx, item, sentence, _AWARDS)
        else:
            found = None
        if found:
            _give(item, found)
