"""A sum the deciding body receives under a funding agreement it enters into with a named body: "enter into a funding
agreement with Greenway Trust and receive a grant of £120,000". The record names no funder beside the sum, but the
body the agreement is with is the one the grant comes from. And a funder's money the deciding body allocates, which
the next sentence says it then awarded as a grant ("allocated £170,000 of Home Office core grant funding to ... With
this funding, the Commissioner awarded a grant to Oakdale Helpline"), is a grant to that body, not money from the
funder. A sum of an offer the body accepts ("Accept the Sport England funding offer of £80,000 capital and £12,000
revenue funding") comes from the body whose offer it is, each sum the offer lists. A sum written as the body's own
kind of money ("contributed S106 funding of £1.54m", "£200,000 from reserves") comes from no funder the sentence
names elsewhere (beside that funder's money it is match funding)."""

import re

from .draft import MoneyItem
from .organisations import BODY_NAME, is_funder, is_self

_AGREEMENT_WITH = re.compile(r"\b(?:funding|grant)\s+agreement\s+with\s+(?:the\s+)?" + BODY_NAME)
_RECEIVE = re.compile(r"\b(?:receive|receives|received|receiving|accept|accepts|accepting)\b", re.I)


def received_under_agreement(ctx, items: list[MoneyItem]) -> None:
    """A sum received (an award) naming no funder, whose sentence says before it that a funding agreement is entered
    into with one body, and says the money is received, comes from that body."""
    for item in items:
        if item.row or item.counterparty or item.role != "award":
            continue
        sentence = ctx.layout.sentence_at(item.spans[0][0])
        agreements = list(_AGREEMENT_WITH.finditer(ctx.text, sentence[0], item.spans[0][0]))
        names = {re.sub(r"\s+(?:and|of|&)$", "", a["n"]) for a in agreements}
        if len(names) != 1 or not _RECEIVE.search(ctx.text, agreements[-1].end(), item.spans[0][0]):
            continue
        name = names.pop()
        if is_self(name):
            continue
        item.counterparty, item.counterparty_spans = name, [(agreements[-1].start("n"), agreements[-1].start("n") + len(name))]


_ALLOCATED = re.compile(r"\b(?:allocated|allocates|allocate|committed|commits|commit)\s+(?:up\s+to\s+)?$", re.I)
_WITH_THIS = re.compile(r"\s*(?:With|Using|From|Through)\s+(?:this|that|these|the)\s+(?:funding|funds|money|grant)\b"
                        r"[^.;£]{0,80}?\b(?:awarded|gave|made|provided)\s+(?:a\s+)?grants?\s+(?:of\s+\w+\s+)?to\s+"
                        r"(?:the\s+)?" + BODY_NAME)


def granted_with_this_funding(ctx, items: list[MoneyItem]) -> None:
    """A funder's sum the deciding body allocated (the module's docstring), with the next sentence naming one grantee."""
    sentences = ctx.layout.sentences
    for item in items:
        sentence = ctx.layout.sentence_at(item.spans[0][0])
        if item.row or item.role != "award" or sentence not in sentences:
            continue
        if not _ALLOCATED.search(ctx.text, sentence[0], item.spans[0][0]) or sentence is sentences[-1]:
            continue
        following = sentences[sentences.index(sentence) + 1]
        granted = _WITH_THIS.match(ctx.text, following[0], following[1])
        if not granted or "£" in ctx.text[following[0]:granted.end()] or is_self(granted["n"]):
            continue
        name = re.sub(r"\s+(?:and|of|&)$", "", granted["n"])
        item.role, item.counterparty, item.counterparty_is_self = "grant", name, False
        item.counterparty_spans = [(granted.start("n"), granted.start("n") + len(name))]


_OFFER = re.compile(r"\b[Aa]ccept(?:s|ed|ing)?\s+(?:and\s+\w+\s+)?the\s+" + BODY_NAME
                    + r"\s+(?:(?:funding|grant|capital|revenue)\s+)?offer\s+of\s+$")
_LISTED_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:and|,)\s+$")


def accepted_offer(ctx, items: list[MoneyItem]) -> None:
    """The sums an accepted offer lists (the module's docstring) are awards from the body whose offer it is."""
    offer = None
    for index, item in enumerate(items):
        sentence = ctx.layout.sentence_at(item.spans[0][0])
        start = item.spans[0][0]
        previous = items[index - 1] if index else None
        if not (offer and previous and previous.spans[0][1] <= start
                and _LISTED_AFTER.fullmatch(ctx.text, previous.spans[0][1], start)):
            offer = _OFFER.search(ctx.text, sentence[0], start)
            offer = offer if offer and offer.end() == start else None
        if not offer or item.row or is_self(offer["n"]):
            offer = None
            continue
        item.role, item.counterparty, item.counterparty_is_self = "award", offer["n"], False
        item.counterparty_spans = [offer.span("n")]


# The deciding body's own kinds of money: developer contributions it holds, its reserves, its borrowing and receipts.
_OWN_MONEY = re.compile(r"\b(?:S\.?\s?106|Section\s+106|(?:its|our|their)\s+own|capital\s+receipts?|reserves?|borrowing)"
                        r"(?:\s+(?:un-?ring-?fenced|capital|revenue))?\s+(?:funding|funds|monies|money|contributions?)"
                        r"\s+of\s+(?:up\s+to\s+)?$", re.I)


def own_money(ctx, items: list[MoneyItem]) -> None:
    """A sum the body gives of its own money (the module's docstring) keeps no funder named elsewhere."""
    for item in items:
        own = _OWN_MONEY.search(ctx.text, max(0, item.spans[0][0] - 80), item.spans[0][0])
        if item.row or not item.counterparty or not own or item.role in ("award", "grant"):
            continue
        if is_funder(item.counterparty) and all(end <= own.start() for _, end in item.counterparty_spans):
            item.counterparty, item.counterparty_spans = None, []
            if item.role == "contribution":
                item.role = "match"  # the body's own money beside a funder's: match funding


def funding_named_nearby(ctx, items: list[MoneyItem]) -> None:
    """The rules of this module, in turn."""
    received_under_agreement(ctx, items)
    granted_with_this_funding(ctx, items)
    accepted_offer(ctx, items)
    own_money(ctx, items)
