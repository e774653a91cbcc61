"""Money lines: each amount's role, counterparty and dates, read from its row or its sentence.

Roles: an *award* comes in from a funder ("was awarded", "the Home Office awarded"); a *grant*,
*contract* or *allocation* goes out (an allocation to a council, CSP or police force); a
*contribution* or *match* is a partner's own money; a *total* states what others add up to;
anything else (a national fund's size, "funding available") is *other*. The same amount said
again later in the record is one line with several spans, not a new line.
"""

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from .direction import (awarded_provider, awarded_to_body, funder_after, funder_before, funders_grant, list_heading,
                        paid_for, paid_to, received_by_self, recommendation_named, runner, share_for_self, share_of_many,
                        source_after, to_provider)
from .roles import role_of as _role
from .enabled import done_or_enabled
from .parties import (acronym_expanded, applicant, applicant_called, approved_for, changed_award, contract_after,
                      contract_with, paid_via)
from .neighbours import (allocated_after_funder_allocates, changed_sums, funding_received_in_sentence_before,
                         joined_sums, made_in_sentence_before, named_in_sentence_before, parts_by_year_below,
                         parts_in_brackets, parts_of_previous, received_from_after, split_by_period,
                         tranches_of_previous)
from .accepted import accepted_from_funder, share_in_bracket
from .agreements import funding_named_nearby
from .amounts import AmountMention
from .dates import DateMention
from .draft import MoneyItem
from .layouts import document_type
from .merge import merge_lines
from .products import parts_as_products, whole_of_parts_in_brackets
from .provided_under import named_under_later_sum
from .rows import item_from_row
from .organisations import BODY_NAME, OrganisationMention, is_funder, is_public_body, is_self
from .subjects import funder_as_subject, funder_by_pronoun, named_recipient, priced
from .tables import Block
from .text import Layout

_OUTGOING = {"grant", "contract", "allocation"}
_FUNDER_GRANT = re.compile(r"\s+(?:grant|funding|award|allocation)\s+(?:of\s+)?(?:up\s+to\s+|over\s+|some\s+)?", re.I)
_OWN_INCREASE = re.compile(r"\b(?P<who>[A-Z][A-Za-z]{2,7}|[Cc]ommissioner|[Cc]ouncil)\s+(?:increases|increased|adds|added|"
                           r"tops\s+up|topped\s+up|supplements)\b[^£.;]{0,40}\bby\s+$")
_OWN_FUNDING = re.compile(r"\s+(?P<match>match\s+)?(?:funding|contribution)\s+(?:totalling\s+|of\s+)(?:up\s+to\s+)?$", re.I)
# Payments to several bodies or for several projects, none named: what the sum adds up.
_MANY = re.compile(r"[^£.;]{0,120}?\b(?:of|for|on|to)\s+(?:\w+\s+){0,3}?(?:grants|contracts|awards|projects|organisations|"
                   r"schemes|groups|providers|bodies)\b", re.I)
# The sums listed with it, each for its year: "£7.2m in 2019/20, £7.6m in 2020/21 and £0.1m in 2021/22 of grants".
_SUMS_LISTED = re.compile(r"(?:\s+(?:in|for)\s+[\w/–-]+)?(?:(?:\s*,\s*|\s+and\s+)£[\d.,]+\s*(?:m|k|bn|million)?"
                          r"(?:\s+(?:in|for)\s+[\w/–-]+)?)*")
_DURATION = re.compile(r"\bfor\s+(?:a\s+period\s+of\s+)?(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
                       r"\s+(?:further\s+)?years?\b", re.I)
_NUMBERS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
_VERB_BEFORE = re.compile(r"\b(?:award|awards|grant|grants|allocate|allocates|give|gives|pay|pays|fund|funds|provide|"
                          r"provides)\s+(?:to\s+)?(?:the\s+)?(?P<n>[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|and|&))*)\s+"
                          r"(?:a\s+sum\s+of\s+|the\s+sum\s+of\s+|an\s+amount\s+of\s+|up\s+to\s+)?$")
_TO_AFTER = re.compile(r"^(?:\s*(?:per\s+annum|pa|p\.a\.|a\s+year))?\s+(?:is\s+awarded\s+|is\s+granted\s+)?to\s+"
                       r"(?:the\s+)?" + BODY_NAME)
_SOURCE_WORD = re.compile(r"\W{0,3}\s*(?:funding|funded|fund|grant|money|budget|bid|round|allocation)\b", re.I)
_LISTED = re.compile(r";|\)\s*,?\s*(?:and\s+)?[A-Z][^()£;]{2,80}\($")
# A list item named after a body, its sum in brackets: "Youth Group seed funding (£0.100m)" funds an initiative.
_ITEM_NAMED = re.compile(r"[ \t]+(?:[a-z]+[ \t]+){1,2}(?:funding|fund|grant|money|budget)[ \t]*\([ \t]*")
_PRONOUN = re.compile(r"\b(?:them|they|their|it|its)\b", re.I)
_START_WORDS = re.compile(r"\b(?:from|starting|commencing|beginning|effective|since|with\s+effect\s+from)\s+(?:the\s+)?$", re.I)
_END_WORDS = re.compile(r"\b(?:to|until|till|by|ending(?:\s+on)?|ends?(?:\s+on)?|expires?(?:\s+on)?|through|up\s+to|"
                        r"no\s+later\s+than|before)\s+(?:the\s+)?$", re.I)
# "A further £300k for the delivery of Arrest Referral" right after "£300k earmarked to the Force": a new sum.
_FRESH = re.compile(r"\b(?:[Aa]\s+further|[Aa]nother|[Aa]\s+second)\s+$")
_MADE_AVAILABLE = re.compile(r"\b(?:made|make|makes|making)\s+available\s+(?:up\s+to\s+|a\s+total\s+of\s+)?$", re.I)
DECISION_WORDS = re.compile(r"\b(?:approve|approves|approved|approval|agree|agrees|agreed|recommend|recommends|"
                            r"decision|decided|decides|resolved|authorise|authorises)\b", re.I)


@dataclass
class Context:
    layout: Layout
    amounts: list[AmountMention]
    organisations: list[OrganisationMention]
    providers: list[OrganisationMention]
    dates: list[DateMention]
    ranges: list[tuple[DateMention, DateMention]]
    blocks: list[Block]
    contractor: tuple[OrganisationMention, str] | None = None  # a form's "Name of Contractor" field, and its warning

    @property
    def text(self) -> str:
        return self.layout.text


_GOVERNMENT = re.compile(r"\bthe\s+(?P<n>government)\b")


def document_funder(ctx: Context) -> OrganisationMention | None:
    """The body the record's money comes from: the funder named most often."""
    funders = [m for m in ctx.organisations if is_funder(m.name)]
    if not funders:
        funders = [m for m in ctx.organisations if _SOURCE_WORD.match(ctx.text, m.end) and not is_self(m.name)]
    if not funders and (government := _GOVERNMENT.search(ctx.text)):
        # "the government had announced a scheme ... The council had been offered a grant": the state, in lower case
        return OrganisationMention(government["n"], *government.span("n"))
    if not funders:
        return None
    name = Counter(m.name for m in funders).most_common(1)[0][0]
    return next(m for m in funders if m.name == name)


def outgoing_kind(ctx: Context) -> str:
    """Whether the record commissions by grant or by contract (what its decision says, else the whole record)."""
    decided = " ".join(ctx.text[s:e] for s, e in ctx.layout.sentences if DECISION_WORDS.search(ctx.text[s:e]))
    for body in (decided, ctx.text):
        grants, contracts = len(re.findall(r"\bgrant", body, re.I)), len(re.findall(r"\bcontract", body, re.I))
        if grants != contracts:
            return "grant" if grants > contracts else "contract"
    return "grant"


# "Nottingham City Council approves £500,000 for libraries": the subject that approves is the decider, not the payee.
_DECIDES = re.compile(r"\s+(?:has\s+|have\s+)?(?:approves|approved|agrees|agreed|decides|decided|authorises|authorised)\b")


# The deciding body as the owner or spender of a sum: "the Commissioner's budget", "the Commissioner could fund".
_OWNS = re.compile(r"['’]|\s+(?:(?:could|would|will|may|might|can|shall|is\s+to)\s+)?(?:also\s+)?(?:fund|funds|funded|"
                   r"pay|pays|paid|spend|spends|spent|meet|meets|bear|bears)\b")


def _usable(ctx: Context, mention: OrganisationMention, role: str | None) -> bool:
    if (role in _OUTGOING and is_self(mention.name)) or _DECIDES.match(ctx.text, mention.end):
        return False
    if role is None and is_self(mention.name) and not _OWNS.match(ctx.text, mention.end):
        return False  # "The Commissioner explained that ... £2 per month": a sum no word pays is not paid to the body
    return role == "award" or not _SOURCE_WORD.match(ctx.text, mention.end)


def _counterparty(ctx: Context, amount: AmountMention, role: str | None, sentence, segment_start: int):
    """(name, span) of whom the amount is paid to or received from, by the rules in the module docstring."""
    text = ctx.text
    in_sentence = [m for m in ctx.organisations + ctx.providers if sentence[0] <= m.start < sentence[1]]
    if role in ("total", "rate"):
        return None
    if role in ("award", "fund"):
        funders = [m for m in in_sentence if is_funder(m.name)]
        if funders:
            nearest = min(funders, key=lambda m: abs(m.start - amount.start))
            return nearest.name, nearest.span
        funder = document_funder(ctx)
        return (funder.name, None) if funder else None
    verb = _VERB_BEFORE.search(text, segment_start, amount.start)
    if verb:
        return _name_at(ctx, verb.span("n"))
    after = _TO_AFTER.match(text[amount.end:min(sentence[1], amount.end + 120)])
    paid = paid_to(text, amount, min(sentence[1], amount.end + 240))
    if after or paid:
        span = (amount.end + after.start("n"), amount.end + after.end("n")) if after else paid
        found = runner(text, ctx.organisations + ctx.providers, span) or _name_at(ctx, span)
        # "£383,000 of funding to the Community Safety Fund": money put into a pot, paid to no body yet (a charity
        # named "... Fund" is still paid a grant or an award: "a grant of £1,000 to the Recorder's Fund").
        pot = re.search(r"\b(?:Fund|Programme)$", found[0]) and not re.search(r"\b(?:grant|award)", text[slice(*sentence)], re.I)
        return None if pot else found
    named_for = paid_for(text, ctx.organisations + ctx.providers, amount)
    if named_for:
        return named_for
    source = source_after(text, in_sentence, amount) if role in ("match", "contribution") else None
    if source:
        return source
    before = [m for m in in_sentence if segment_start <= m.start < amount.start and _usable(ctx, m, role)
              and not _ITEM_NAMED.fullmatch(text, m.end, amount.start)]
    if before:
        return before[-1].name, before[-1].span
    clause = text[segment_start:amount.start]
    earlier = [m for m in in_sentence if m.start < segment_start and _usable(ctx, m, role)]
    # "X received £A and £B" names X for both; "Team A (£0.250m); Scheme B (£0.180m) and Works C (£0.150m)" lists
    # items, each sum in brackets after its own label.
    if earlier and (_PRONOUN.search(clause) or segment_start > sentence[0]) and not _LISTED.search(clause):
        return earlier[-1].name, earlier[-1].span
    # Minutes discuss sums (a force's budget, a grant it receives) without paying them: the one body the minutes
    # name is not the payee of every figure, only of one a payment word gives it.
    if (role in _OUTGOING or role is None) and document_type(ctx.layout) != "panel_minutes":
        names = {m.name for m in ctx.providers}
        if len(names) == 1 and not named_under_later_sum(ctx.providers, ctx.amounts, amount, text):
            return next(iter(names)), None
    return None


def _name_at(ctx: Context, span) -> tuple[str, tuple[int, int]]:
    """A name written at `span`: a recognised organisation inside it, else the words as written."""
    inside = [m for m in ctx.organisations if span[0] <= m.start < span[1]]
    if inside:
        return inside[0].name, inside[0].span
    words = re.sub(r"(?:\s+(?:of|and|&))+$", "", ctx.text[span[0]:span[1]])
    words = acronym_expanded(words) or words  # "OBAC (Organisation of Blind African Caribbeans)": one body
    return words, (span[0], span[0] + len(words))


def _dates_for(ctx: Context, amount: AmountMention, sentence) -> tuple[date | None, date | None, list]:
    """Start and end for an amount: a period in its sentence, else the dates nearest to it, else a
    period in its paragraph."""
    text = ctx.text
    for start, end in (sentence, ctx.layout.paragraph_at(amount.start)):
        ranges = [(a, b) for a, b in ctx.ranges if start <= a.start < end]
        if ranges:
            a, b = min(ranges, key=lambda r: abs(r[0].start - amount.start))
            return a.first, b.last, [a.span, b.span]
        if (start, end) != sentence:
            break
        singles = [d for d in ctx.dates if start <= d.start < end and not any(d in r for r in ctx.ranges)]
        others = [a for a in ctx.amounts if start <= a.start < end and a is not amount]
        mine = [d for d in singles if all(abs(d.start - amount.start) <= abs(d.start - o.start) for o in others)]
        first = last = None
        spans = []
        for d in mine:
            lead = text[max(start, d.start - 25):d.start]
            if d.precision == "financial year":
                first, last = d.first, d.last
            elif _END_WORDS.search(lead):
                last = d.last
            elif _START_WORDS.search(lead) or first is None:
                first = d.first
            else:
                continue
            spans.append(d.span)
        if spans:
            duration = _DURATION.search(text, start, end)
            if first and not last and duration:
                years = _NUMBERS.get(duration["n"].lower()) or int(duration["n"])
                last = first.replace(year=first.year + years) - timedelta(days=1)
                spans.append(duration.span())
            return first, last, spans
    return None, None, []


# Roles paid to nobody: a fund's size, a rate or threshold, and a saving, money from reserves or a body's whole budget.
_NO_PAYEE = ("fund", "rate", "unpaid")


def _item_from_prose(ctx: Context, amount: AmountMention, kind: str) -> MoneyItem:
    """An amount in running text: the segment since the previous amount in its sentence is its clause."""
    text = ctx.text
    sentence = ctx.layout.sentence_at(amount.start)
    previous = [a for a in ctx.amounts if sentence[0] <= a.end <= amount.start]
    following = [a for a in ctx.amounts if amount.end <= a.start < sentence[1]]
    segment_start = previous[-1].end if previous else sentence[0]
    before = text[segment_start:amount.start]
    after = text[amount.end:following[0].start if following else sentence[1]]
    role = _role(before, after, text[sentence[0]:sentence[1]], text[sentence[0]:amount.start])
    if previous and re.fullmatch(r"[^£.;]{0,40}?\band\s+(?:a\s+further\s+|another\s+)?", before):
        # "Local authorities would receive £127.3 million in 2023 to 2024 and £129.7 million in 2024 to 2025"
        earlier = previous[-2].end if len(previous) > 1 else sentence[0]
        if _role(text[earlier:previous[-1].start], before, text[sentence[0]:sentence[1]]) == "fund":
            role = "fund"
    named_before = [m for m in ctx.organisations if segment_start <= m.start < amount.start]
    found = None
    if role in ("award", None) and priced(text, segment_start, amount):
        role = "other"  # "This service cost £200,063": its price, no funder's award
    recipient = None if role in ("total", "fund", "rate", "unpaid") else named_recipient(
        text, ctx.organisations + ctx.providers, segment_start, amount, text.rfind("\n", 0, amount.start) + 1,
        ctx.layout.sentence_at(sentence[0] - 2) if sentence[0] >= 2 else (0, 0))
    # "DLUHC has allocated funding of £20,745,496 to the GLA": a funder as subject pays whoever is named after "to".
    source = funder_after(text, ctx.organisations, amount, sentence[1]) if recipient else None
    note = "" if not source or is_self(recipient[0]) else (
        f"{recipient[0]} is said to receive {text[amount.start:amount.end]} from {source.name}: check whether it is the funder's "
        "award or the body passes it on")
    recipient = None if source else recipient  # "Sussex has been awarded £402,000 from the Government": its award
    outgoing = recipient is not None or ((to_provider(text, ctx.organisations + ctx.providers, amount, sentence[1])
                                          and not funder_as_subject(text, ctx.organisations, segment_start, amount))
                                         or awarded_to_body(text, ctx.organisations, segment_start, amount, sentence[1]))
    pronoun = None if role in _NO_PAYEE or recipient or previous else funder_by_pronoun(
        text, ctx.organisations, sentence, ctx.layout.sentence_at(sentence[0] - 2) if sentence[0] >= 2 else (0, 0), amount)
    outgoing = outgoing and not pronoun  # "They have made available £352,986 to the Commissioner": the funder's award
    if outgoing and role == "award":
        role = None  # "is awarded to Calm Minds CIC": paid out, whatever the verb
    funder = pronoun or (None if role in _NO_PAYEE or outgoing else (
        funder_before(text, ctx.organisations, segment_start, amount)
        or funder_after(text, ctx.organisations, amount, sentence[1])
        or (funders_grant(text, named_before, amount) if role not in ("total", "other") else None)))
    awarded = None if funder or role != "award" else awarded_provider(text, ctx.providers + ctx.organisations,
                                                                       segment_start, amount)
    if recipient:  # "Thames Valley Partnership received £275,000": paid out to the subject
        role, found = "contract" if re.search(r"\bcontract", before, re.I) else kind, recipient
    elif awarded:  # "Northgate Refuge has been awarded £30,000 by the PCC": paid out to the provider
        role, found = "contract" if re.search(r"\bcontract", before, re.I) else kind, (awarded.name, awarded.span)
    elif funder:
        role, found = "award", (funder.name, funder.span)  # "the Home Office grant of £310,000"
    elif role not in _NO_PAYEE and not outgoing and (
            shared := share_of_many(text, ctx.organisations, sentence[0], amount)):
        role, found = "award", shared  # "to local authorities - with St Helens receiving an allocation of £446,489"
    elif role not in _NO_PAYEE and not outgoing and (received_by_self(text, ctx.organisations, segment_start, amount) or (
            share_for_self(text, ctx.organisations, segment_start, amount)
            and not paid_to(text, amount, sentence[1]))):
        payer = document_funder(ctx)
        role, found = "award", ((payer.name, None) if payer else None)
    own = next((m for m in named_before if is_self(m.name) and _OWN_FUNDING.fullmatch(text, m.end, amount.start)), None)
    if not own and role not in ("total", "fund", "rate", "unpaid"):
        # "The OPFCC increases this amount by £334,847": the body adds its own money to a funder's.
        raised = _OWN_INCREASE.search(text, segment_start, amount.start)
        if raised and is_self(raised["who"]):
            role, found = "match", (raised["who"], raised.span("who"))
    if own and role not in _NO_PAYEE:
        # "MOPAC funding of £1,580,700", "OPCC match funding of £71,711.67", "MOPAC funding totalling
        # £1,580,700": the body's own money, however it is added up.
        role, found = ("match" if _OWN_FUNDING.fullmatch(text, own.end, amount.start)["match"] else "contribution",
                       (own.name, own.span))
    line = ctx.layout.lines[ctx.layout.line_index(amount.start)]
    heading = (list_heading(text, line[0], amount, ctx.organisations + ctx.providers)
               if role not in ("award", "total", "rate", "unpaid") else None)
    if heading:
        role = kind if role in (None, "other", "match", "contribution") else role
        found = _name_at(ctx, heading)
    warning = amount.warning or note
    if found is None and role in (None, "award", "allocation") and (
            changed := changed_award(text, sentence[0], amount.start)):
        found, role = changed, kind  # "the award to Oakdale Mind, by increasing the allocation from £20,000 to £22,500"
    if found is None and role not in ("award", "total", "rate", "fund", "unpaid"):
        found = (contract_with(text, segment_start, amount.start) or applicant(text, segment_start, amount.start)
                 or contract_after(text, amount, following[0].start if following else sentence[1]))
    if found is None and role not in ("award", "total", "rate", "fund", "unpaid") and (
            approved := approved_for(text, amount, sentence[1])):
        found, warning = approved[:2], warning or approved[2]  # "That £500 be approved for Oakdale Scouts"
    via = None if found or role in ("award", "total", "rate", "fund", "unpaid") else paid_via(
        text, ctx.organisations + ctx.providers, amount, sentence[1])
    found = found or via  # "grants to community groups via the Eastway Foundation": allocated to its fund manager
    if found is None and role not in ("award", "total", "rate", "fund", "unpaid") and (
            called := applicant_called(text, sentence[0], sentence[1])):
        found, warning = called[:2], warning or called[2]  # "awarded the organisation £385": the record's applicant
    if found is None and (done := done_or_enabled(text, amount, role, kind, sentence, segment_start)):
        role, found, warning = done[0], done[1], warning or done[2]  # done by, enabled by a spend, or directly awarded
    if found is None and ctx.contractor and role in (None, "contract", "grant"):
        found = ctx.contractor[0].name, ctx.contractor[0].span  # the one contractor the record's form names
        warning = warning or ctx.contractor[1]
    if found is None and role != "unpaid":
        found = _counterparty(ctx, amount, role, sentence, segment_start)
    if found is None and role not in ("award", "rate", "unpaid"):
        found = recommendation_named(ctx.text, ctx.organisations, sentence)
    name, span = found if found else (None, None)
    if via:
        role = "allocation"  # a fund manager is allocated what it passes on, whoever it is
    elif role == "allocation" and name and not is_public_body(name) and not is_self(name):
        role = kind  # "the allocation of £27,690 towards" a post at a provider is a grant
    elif role == "grant" and name and is_public_body(name):
        role = "allocation"
    if role is None and name and not is_self(name) and not is_funder(name):
        role = kind  # a sum for a named provider's services is paid by grant or contract, not left as other
    role = "other" if role in ("fund", "rate", "unpaid", None) else role
    if role in _OUTGOING and name is None and _MANY.match(text, _SUMS_LISTED.match(text, amount.end).end(), sentence[1]):
        role = "total"  # "£7.2m in 2019/20 ... of direct grants and contracts": paid out to many, none named
    if role == "other" and name and is_self(name) and _MADE_AVAILABLE.search(text, segment_start, amount.start):
        name = span = None  # "the Commissioner has made available £533,333.50 of funding": a pot, paid to nobody yet
    start, end, date_spans = _dates_for(ctx, amount, sentence)
    return MoneyItem(
        amount=amount.value, role=role, counterparty=name, per_annum=amount.per_annum, start=start, end=end,
        spans=[amount.span], counterparty_spans=[span] if span else [], date_spans=date_spans,
        qualifier=amount.qualifier, label=" ".join(text[sentence[0]:sentence[1]].split())[:300],
        counterparty_is_self=bool(name and is_self(name)), warning=warning)


def _said_just_before(ctx: Context, items: list[MoneyItem], item: MoneyItem) -> bool:
    """The same amount just before: "£300k earmarked to the Force ... A further £300k for ..." is a second
    sum of the size just said (far from it, "a further £0.200m" may restate a sum the summary gave)."""
    previous = ctx.layout.sentence_at(item.spans[0][0])
    for _ in range(2):  # the two sentences before ("£300k earmarked to the Force. This is not spent. A further £300k")
        previous = ctx.layout.sentence_at(previous[0] - 2) if previous[0] >= 2 else previous
    return any(o is not item and o.amount == item.amount and previous[0] <= o.spans[0][0] < item.spans[0][0] for o in items)


def extract_money(ctx: Context) -> list[MoneyItem]:
    """Every money line of the record, in the order first mentioned."""
    kind = outgoing_kind(ctx)
    rows = {id(row.amount): (block, row) for block in ctx.blocks for row in block.rows}
    items = []
    for amount in ctx.amounts:
        if id(amount) in rows:
            items.append(item_from_row(ctx, *rows[id(amount)], kind))
        else:
            items.append(_item_from_prose(ctx, amount, kind))
    for block in ctx.blocks:  # bare numbers under a "£" heading are not in ctx.amounts
        for row in block.rows:
            if all(row.amount is not a for a in ctx.amounts):
                items.append(item_from_row(ctx, block, row, kind))
    items.sort(key=lambda m: m.spans[0])
    fresh = {id(m) for m in items if _FRESH.search(ctx.text, max(0, m.spans[0][0] - 20), m.spans[0][0])
             and _said_just_before(ctx, items, m)}
    funding_received_in_sentence_before(ctx, items)
    split_by_period(ctx, items)
    changed_sums(ctx, items)
    joined_sums(ctx, items)
    parts_of_previous(ctx, items)
    made_in_sentence_before(ctx, items)
    named_in_sentence_before(ctx, items)
    parts_in_brackets(ctx, items)
    parts_as_products(ctx, items)
    whole_of_parts_in_brackets(ctx, items)
    tranches_of_previous(ctx, items)
    received_from_after(ctx, items)
    funding_named_nearby(ctx, items)
    allocated_after_funder_allocates(ctx, items)
    parts_by_year_below(ctx, items)
    accepted_from_funder(ctx, items)
    share_in_bracket(ctx, items)
    return merge_lines(items, fresh)
