"""Money lines laid out as rows of a table or list (tables.py finds them): each row's label is its counterparty,
its block's heading and labels say its role, and a financial year in the row or the heading dates it."""

import re
from datetime import date

from .draft import MoneyItem
from .organisations import is_public_body, is_self
from .parties import acronym_expanded, provider_in_brackets
from .tables import Block


def _row_dates(ctx, block: Block, row) -> tuple[date | None, date | None, list]:
    line = row.line
    inside = [d for d in ctx.dates if line[0] <= d.start < line[1]]
    ranges = [(a, b) for a, b in ctx.ranges if line[0] <= a.start < line[1]]
    if ranges:
        return ranges[0][0].first, ranges[0][1].last, [ranges[0][0].span, ranges[0][1].span]
    if len(inside) == 1 and inside[0].precision == "financial year":
        return inside[0].first, inside[0].last, [inside[0].span]
    if block.heading_span:
        heading = [d for d in ctx.dates if block.heading_span[0] <= d.start < block.heading_span[1]]
        if len(heading) == 1 and heading[0].precision == "financial year":
            return heading[0].first, heading[0].last, [heading[0].span]
    return None, None, []


_BLOCK_ROLES = [("grant", re.compile(r"\bgrant\s+(?:funding\s+)?allocations?\b", re.I)),  # allocations of grants are grants
                ("allocation", re.compile(r"\ballocat|\bdevolve|\bCSPs?\b|\blocal\s+authorit", re.I)),
                ("contribution", re.compile(r"\bcontribution|\bmatch|\bjointly\b|\bjoint\s+funding", re.I)),
                ("contract", re.compile(r"\bcontract", re.I)), ("grant", re.compile(r"\bgrant", re.I))]


# A row label with a word providers' names have ("Harbour Support Service", "Foundation UK") names a provider, even
# when it is no organisation mention of its own.
_PROVIDER_WORD = re.compile(r"\b(?:Services?|Foundation|Trust|Charity|Refuge|Aid|Place|Ltd|Limited|CIC|Project|Centre)\b")


# A list of where a sum comes from, not whom it is paid to: "approved the allocation of £97,499.00 from the following
# funding streams:" over "Community Safety Fund £9,300.00".
_SOURCES_HEADING = re.compile(r"\bfrom\s+the\s+following\s+(?:\w+\s+)?(?:funding\s+)?(?:streams?|sources?|funds?|budgets?)\b"
                              r"|\b(?:funding|income)\s+(?:streams?|sources?)\s*:?\s*$|\bsources?\s+of\s+funding\b", re.I)


# A row labelled with a kind of money, not a body: "Revenue Grant: £636,231", "Capital Grant", "Housing Revenue Account
# Borrowing", "Capital Receipts", "General Fund Reserves". Such a row says where a part of a budget comes from; it names
# nobody paid. Both a word for what the money is spent on (revenue, capital) and a word for how it is raised are needed,
# so that a body's name such as "Capital Housing" is still read as a name.
_FUNDING_KIND = {"revenue", "capital", "hra", "s106", "section", "106", "general", "fund", "housing", "account"}
_FUNDING_FORM = {"grant", "grants", "borrowing", "reserve", "reserves", "receipts", "loan", "loans", "funding", "budget",
                 "contribution", "contributions", "income"}


def funding_kind(label: str) -> bool:
    """The row's label names a kind of funding only (the comment above)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", label)]
    return (bool(words) and all(w in _FUNDING_KIND | _FUNDING_FORM for w in words)
            and any(w in _FUNDING_KIND for w in words) and any(w in _FUNDING_FORM for w in words))


# A list set out as a bid ("the proposed approach to bid for the Levelling Up Fund be approved as follows:") names the
# schemes bid for, not bodies paid: the sums are asked for, not yet granted, and a row of the bidder's own share
# ("Local Contribution", "Match funding") is match funding.
_BID_HEADING = re.compile(r"\bbid(?:s|ding)?\s+(?:for|to)\b|\b(?:the|our|a)\s+bid\s+(?:comprises|includes|is)\b", re.I)
_OWN_SHARE = re.compile(r"^(?:local|match|matched)\s+(?:contributions?|funding)$", re.I)


def _row_role(block: Block, row, kind: str) -> str:
    """A row's role: "total" by its own label, else what the block's heading and labels say it is ("source": a
    part drawn from a fund or stream, paid to nobody named in the row)."""
    if re.search(r"\b(?:total|overall|grand\s+total|sum)\b", row.label, re.I):
        return "total"
    if row.role:
        return row.role
    if _SOURCES_HEADING.search(block.heading) or funding_kind(row.label):
        return "source"
    if _BID_HEADING.search(block.heading):
        return "bid"
    # What one row's label says of its own sum ("allocated budget") is not said of the other rows' sums, nor what the
    # heading says of a sum it states ("applications against the £2m allocation" are no allocations).
    context = _OWN_SUM.sub(" ", block.context) + " " + row.label
    return next((role for role, pattern in _BLOCK_ROLES if pattern.search(context)), kind)


_OWN_SUM = re.compile(r"£\s?\d[\d,.]*\s?(?:k|m|bn|million|billion)?\s+(?:\w+\s+)?(?:allocations?|grants?|contracts?"
                      r"|contributions?)\b", re.I)


# Words organisations' names are written without: a label with one of these in lower case describes a purpose.
_NAME_WORDS = {"and", "of", "the", "for", "at", "by", "in", "on", "to", "&", "upon", "de", "la", "le", "du"}


def purpose(label: str) -> bool:
    """A row label in words of a description ("survey work", "room booking for training", "Programme lead"), not a
    name: a word in lower case other than the small words names are joined by (a bullet "o" is no word)."""
    words = re.findall(r"\b[A-Za-z][\w'’-]*", label)
    return any(w[0].islower() and len(w) > 1 and w.lower() not in _NAME_WORDS for w in words)


# A rate schedule's rows are named by the tier a rate applies to ("Standard £22.80", "Rural £27.48", "Enhanced rate
# £19.50"): a tier of a rate, not a body paid.
_TIER_WORDS = {"standard", "rural", "urban", "enhanced", "basic", "premium", "higher", "lower", "weekday", "weekend",
               "daytime", "night", "overnight", "rate", "band", "tier", "level"}


def rate_tier(label: str) -> bool:
    """A row label made only of the words rate tiers are named by ("Standard", "Rural rate")."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", label)]
    return bool(words) and len(words) <= 3 and all(w in _TIER_WORDS for w in words)


# A budget's heading ("(2) Member Expenses £0", "(3) Panel Meeting Expenses £1,443.24", "Allowances £0.00"): a label
# whose last word is a kind of spending names what a part of the budget is spent on, and no body's name ends so.
_SPENDING = {"expenses", "expense", "allowances", "expenditure", "costs", "overheads", "salaries", "wages", "fees",
             "subsistence", "mileage", "refreshments", "postage", "printing", "administration"}


def budget_heading(label: str) -> bool:
    """A row label, numbered or not, that ends in a word for a kind of spending (the comment above)."""
    words = re.findall(r"[A-Za-z]+", label)
    return bool(words) and len(words) <= 6 and words[-1].lower() in _SPENDING


def item_from_row(ctx, block: Block, row, kind: str) -> MoneyItem:
    """A table or list row: its label is the counterparty, its block says its role and dates."""
    role = _row_role(block, row, kind)
    start, end, date_spans = _row_dates(ctx, block, row)
    if role in ("source", "bid"):
        warning = row.amount.warning or row.warning or (
            "" if role == "source" else f"the row “{row.label}” is part of a bid: check whether the sum was granted, and "
                                        "to whom")
        role = "match" if role == "bid" and _OWN_SHARE.match(row.label.strip()) else "other"
        return MoneyItem(amount=row.amount.value, role=role, counterparty=None, per_annum=row.amount.per_annum,
                         start=start, end=end, spans=[row.amount.span], date_spans=date_spans,
                         qualifier=row.amount.qualifier, label=row.label, row=True, warning=warning)
    counterparty = None if role == "total" else row.label
    # A name begun before the label's trimmed start ("City of Bradford MDC" trimmed to "Bradford MDC") is still its name.
    named = [m for m in ctx.organisations if row.line[0] <= m.start < row.label_span[1] and m.end > row.label_span[0]
             and not (row.named and m.end - m.start < row.label_span[1] - row.label_span[0])]
    span, warning = row.label_span, row.amount.warning or row.warning
    short = acronym_expanded(row.label) if counterparty else None
    if short:  # "NAS (Northtown Advocacy Service) £5,000": the acronym, then its expansion; one body
        counterparty, span = short, (row.label_span[0], row.label_span[0] + len(short))
    elif named and role != "total":
        counterparty = named[0].name
    elif counterparty and not row.as_written and (bracketed := provider_in_brackets(
            row.label, row.label_span[0], ctx.organisations + ctx.providers)):
        counterparty, span, note = bracketed  # "Ascent Advice Plus 2 (Solace) £347,861": paid to the provider
        warning = warning or note
    elif counterparty and budget_heading(row.label):
        counterparty, role = None, "other"  # a part of a budget, paid to nobody the row names
        warning = warning or (f"the row's label “{row.label}” names a heading of a budget, not who is paid: check whether "
                              "an organisation is paid it")
    elif counterparty and rate_tier(row.label):
        counterparty, role = None, "other"  # a rate set for a service, granted to nobody
        warning = warning or f"the row's label “{row.label}” names a tier of a rate, not who is paid: check who is paid it"
    elif counterparty and purpose(row.label) and not _PROVIDER_WORD.search(row.label) and not row.as_written:
        # "VAWG and Community Cohesion survey work £30,000": what a sum pays for, naming nobody who is paid.
        counterparty = None
        warning = warning or (f"the row's label “{row.label}” says what the sum pays for, not who is paid: "
                              "check whether an organisation is paid it")
    if role == "allocation" and counterparty and not is_public_body(counterparty) and (named or _PROVIDER_WORD.search(
            counterparty)):
        role = kind  # a named provider in an allocations table is paid by grant or contract
    return MoneyItem(
        amount=row.amount.value, role=role, counterparty=counterparty, per_annum=row.amount.per_annum,
        start=start, end=end, spans=[row.amount.span], date_spans=date_spans, qualifier=row.amount.qualifier,
        counterparty_spans=[span] if counterparty else [], label=row.label, row=True,
        counterparty_is_self=bool(counterparty and is_self(counterparty)), warning=warning)
