"""Money lines that take their meaning from a neighbouring line: rows labelled only by a period split the
sum stated above them, the second sum of "from £37,500 to £112,750" is the same kind of line as the first, and a
part of the sum the sentence before states ("This will include ...") comes from the same body, and a grant or
contract whose sentence names no body is paid to the one body the sentence before names. Two sums joined by "and"
("Grant funding of £9,981,911.06 and £12,362,832.67 respectively, from the Ministry of Justice") or a sum
"including" another in one sentence ("awarded £1,530,959 ... including £100,000 to provide ...") go the same way."""

import re

from .draft import MoneyItem
from .organisations import BODY_NAME, NOT_ORGANISATIONS, is_funder, is_public_body, is_self
from .roles import CHANGING


# "a reduction in grant to Oakdale Advice of £17k per annum, the total reducing from £44k to £27k": the body's grant before
# and after the change.
_TOTAL_CHANGING = re.compile(r"[^£.;]{0,20}?,\s*(?:the|its|their)\s+total\s+" + CHANGING + r"\s+from\s+", re.I)
# "... is £904,473.84, bringing the total Core funding for 2022/23 to £11,321,735.28": the new total of the same money.
_BRINGING = re.compile(r"[^£.;]{0,80}?\bbringing\s+(?:the|its|our|their|his|her)\s+total\b[^£.;]{0,60}?\bto\s+", re.I)


def changed_sums(ctx, items: list[MoneyItem]) -> None:
    """"increased its allocation from £37,500 to £112,750": the sum after a change is the same kind of line, and so is
    the total a sum brings the same money to, and a named body's total said to change after a change to its grant."""
    for previous, item in zip(items, items[1:]):
        (start, end), (following, _) = previous.spans[0], item.spans[0]
        changed = (re.search(r"\bfrom\s+$", ctx.text[max(0, start - 8):start])
                   and re.fullmatch(r"\s+to\s+", ctx.text[end:following]))
        if not item.row and (changed or _BRINGING.fullmatch(ctx.text, end, following) or (
                previous.counterparty and _TOTAL_CHANGING.fullmatch(ctx.text, end, following))):
            item.role, item.counterparty = previous.role, previous.counterparty
            item.counterparty_spans = list(previous.counterparty_spans)


def split_by_period(ctx, items: list[MoneyItem]) -> None:
    """Rows labelled only by a period ("1st April 2023 – 31st March 2024: £1,888,259") split the sum stated
    just above them: each takes that sum's role and counterparty, not its own label as a name."""
    for index, item in enumerate(items):
        if not item.row or not item.counterparty:
            continue
        label = item.counterparty_spans[0] if item.counterparty_spans else None
        dates = [d for d in ctx.dates if label and label[0] <= d.start < label[1]]
        rest = ctx.text[label[0]:label[1]] if label else ""
        for d in sorted(dates, key=lambda d: -d.start):
            rest = rest[:d.start - label[0]] + rest[d.end - label[0]:]
        if not dates or re.search(r"[A-Za-z]{3,}", re.sub(r"\b(?:to|and|until|from)\b", "", rest)):
            continue
        above = [m for m in items[:index] if not m.row and m.spans[0][1] <= item.spans[0][0]
                 and item.spans[0][0] - m.spans[0][1] < 600]
        source = above[-1] if above else None
        item.counterparty = source.counterparty if source else None
        item.counterparty_spans = list(source.counterparty_spans) if source else []
        item.counterparty_is_self = source.counterparty_is_self if source else False
        if source and source.role != "total":
            item.role = source.role


_PART_OF = re.compile(r"(?:this|which|that|it)\s+(?:will\s+also\s+|will\s+|would\s+|also\s+)?include[sd]?\b|^of\s+this\b",
                      re.I)


def parts_of_previous(ctx, items: list[MoneyItem]) -> None:
    """"Accept funding awards totalling £2,704,562 from the Home Office. This will include a contribution of up to
    £16,473 towards MOPAC's costs": a part named by no body of its own comes from the body the sum it is part of
    does, and is the same kind of line."""
    sentences = ctx.layout.sentences
    for item in items:
        if item.row or item.counterparty or item.role in ("other", "total"):
            continue
        sentence = ctx.layout.sentence_at(item.spans[0][0])
        if not _PART_OF.match(ctx.text, sentence[0]) or sentence not in sentences:
            continue
        index = sentences.index(sentence)
        if index == 0:
            continue
        previous = sentences[index - 1]
        whole = [m for m in items if any(previous[0] <= s < previous[1] for s, _ in m.spans) and m.counterparty
                 and m.amount > item.amount]
        if len(whole) == 1:
            item.role, item.counterparty = whole[0].role, whole[0].counterparty
            item.counterparty_spans = list(whole[0].counterparty_spans)
            item.counterparty_is_self = whole[0].counterparty_is_self


# A sum whose sentence points back to an award or a transfer the sentence before makes: "... approved the award of the
# Services Agreement to Kier Construction. I note the cost of this award is £323,501.", "Approve the transfer of MoJ
# funding from MOPAC to a Fund Manager. The total funding being transferred include £1,482,332 ...".
_THIS_AWARD = re.compile(r"\b(?:cost|value|price)\s+of\s+(?:this|that|the)\s+(?:award|contract|agreement|grant)\b"
                         r"|\b(?:funding|money|sums?|amounts?)\s+being\s+(?P<moved>transferred|passed|moved)\b"
                         # "... to be transferred to the VRU. This amounts to £1m in 2019/20", opening its sentence
                         r"|\b(?P<amounts>(?:this|these|that)\s+(?:amounts?|comes?|equates?)\s+to)\b", re.I)
_MADE_TO = re.compile(r"\b(?:award|awarded|let|letting|transfer|transferred)\b[^.;£]{0,120}?\bto\s+(?:the\s+|an?\s+)?"
                      + BODY_NAME)


def made_in_sentence_before(ctx, items: list[MoneyItem]) -> None:
    """The price of an award, or the sum of a transfer, the sentence before makes (the comment above) is paid to whom
    it is made: a contract or grant by the award's words, an allocation when money is transferred."""
    sentences = ctx.layout.sentences
    for item in items:
        sentence = ctx.layout.sentence_at(item.spans[0][0])
        this = _THIS_AWARD.search(ctx.text, *sentence)
        if (item.row or item.counterparty or item.role not in ("other", "total") or not this
                or sentence not in sentences or not sentences.index(sentence)):
            continue
        previous = sentences[sentences.index(sentence) - 1]
        made = list(_MADE_TO.finditer(ctx.text, *previous))
        name = re.sub(r"(?:\s+(?:of|and|&))+$", "", made[-1]["n"]) if made else ""
        opens = not re.search(r"\w", ctx.text[sentence[0]:this.start()])
        if this["amounts"] and not (opens and name and re.search(r"\btransfer", made[-1].group(0), re.I)):
            continue  # "This amounts to £1m" only after a transfer to a named body
        if this["moved"] or this["amounts"]:
            if not name or is_self(name):
                continue
            item.role = "allocation"
        else:
            earlier = ctx.text[slice(*previous)] + " " + this.group(0)
            item.role = "contract" if re.search(r"\b(?:contract|agreement)", earlier, re.I) else "grant"
            if not name or is_self(name) or is_funder(name):
                continue
        item.counterparty, item.counterparty_spans = name, [(made[-1].start("n"), made[-1].start("n") + len(name))]


def named_in_sentence_before(ctx, items: list[MoneyItem]) -> None:
    """"The PCC approves funding for Northgate Refuge. The grant is £30,000": a grant or contract whose own sentence
    names no body is paid to the one body (not the deciding body, not a funder) the sentence before names or pays,
    whether or not that sentence names it."""
    sentences = ctx.layout.sentences
    for item in items:
        sentence = ctx.layout.sentence_at(item.spans[0][0])
        if item.row or item.counterparty or item.role not in ("grant", "contract"):
            continue
        if sentence not in sentences or sentences.index(sentence) == 0:
            continue
        named = [m for m in ctx.organisations + ctx.providers if sentence[0] <= m.start < sentence[1]]
        previous = sentences[sentences.index(sentence) - 1]
        before = [m for m in ctx.organisations + ctx.providers if previous[0] <= m.start < previous[1]
                  and not is_self(m.name) and not is_funder(m.name)]
        # A payee the sentence before gives a sum to counts as named there, recognised as an organisation or not:
        # "an application from Riverside Lads Club for £600 and an application from Hilltop Choir for £450".
        paid = {o.counterparty for o in items if o.counterparty and previous[0] <= o.spans[0][0] < previous[1]
                and not is_self(o.counterparty) and not is_funder(o.counterparty)}
        if not named and (before or paid) and len({m.name for m in before} | paid) == 1:
            # "The contract variation value shall be £707,126 ... and £734,803 .... The total value of the contract
            # variation shall be £1,441,929": the one body the sums before are paid to, named or not in that sentence.
            payee = before[0] if before else next(o for o in items if o.counterparty in paid and o.counterparty_spans)
            item.counterparty = payee.name if before else payee.counterparty
            item.counterparty_spans = [payee.span] if before else payee.counterparty_spans[:1]
            if item.role == "grant" and is_public_body(item.counterparty):
                item.role = "allocation"  # as beside its sum: a grant to a council or partnership is an allocation


def joined_sums(ctx, items: list[MoneyItem]) -> None:
    """A sum joined to the one before it by "and" with nothing between, taking no body of its own, or said to be
    "including" in it, in the same sentence, is the same kind of line from or to the same body."""
    for previous, item in zip(items, items[1:]):
        if item.row or previous.row or not previous.counterparty or previous.role == "total":
            continue
        (_, end), (following, _) = previous.spans[0], item.spans[0]
        between = ctx.text[end:following]
        if ctx.layout.sentence_at(end) != ctx.layout.sentence_at(following) or "£" in between:
            continue
        joined = re.fullmatch(r"\s*,?\s*and\s+(?:then\s+)?", between) and not item.counterparty
        if previous.counterparty_is_self and item.counterparty and not item.counterparty_is_self:
            continue  # "YDNPA’s Fund has committed £160,000 ..., including £5,500 to Dent Memorial Hall": its own payee
        if joined or re.search(r"\bincluding\s+(?:up\s+to\s+)?$", between):
            item.role, item.counterparty = previous.role, previous.counterparty
            item.counterparty_spans = list(previous.counterparty_spans)
            item.counterparty_is_self = previous.counterparty_is_self


# "£502,992.00 to Lewisham (£272,664.00 in FY 2023/24 and £230,328 in FY 2024/25)": the sums in the bracket that
# follows a sum, with no "£" between that sum and the bracket, are its parts.
_OPEN_BRACKET = re.compile(r"[^£()]{0,80}\(\s*(?:of\s+which\s+|being\s+|i\.e\.\s+|comprising\s+)?", re.I)


_EACH = re.compile(r"\s*each\b", re.I)


def _adds_up(text: str, parts: list[MoneyItem], whole) -> bool:
    """The parts make the whole, a part written "£135 each" counting once for each of two or more bodies: "£540 (£135
    each from the North and South ward allocations, and £270 from the East ward allocation)"."""
    if sum(m.amount for m in parts) == whole:
        return True
    each = [m for m in parts if _EACH.match(text, m.spans[0][1])]
    if len(each) != 1:
        return False
    rest = whole - sum(m.amount for m in parts if m is not each[0])
    return rest > each[0].amount and rest % each[0].amount == 0


def parts_in_brackets(ctx, items: list[MoneyItem]) -> None:
    """Sums in brackets just after a sum paid to or by a named body ("£502,992 to Lewisham (£272,664 in 2023/24 and
    £230,328 in 2024/25)") that add up to it split it: each part naming no body of its own goes the same way as the
    whole. A bracket that does not add up ("£2,400 (6 days @ £400 per day)") is no split."""
    for index, whole in enumerate(items):
        if whole.row or not whole.counterparty or whole.role in ("other", "total"):
            continue
        opened = _OPEN_BRACKET.match(ctx.text, whole.spans[0][1])
        if not opened:
            continue
        close = ctx.text.find(")", opened.end())
        if close < 0:
            continue
        parts = [m for m in items[index + 1:] if opened.end() <= m.spans[0][0] < close]
        if len(parts) < 2 or not _adds_up(ctx.text, parts, whole.amount):
            continue
        for part in parts:
            if not part.counterparty and not part.row:
                part.role, part.counterparty = whole.role, whole.counterparty
                part.counterparty_spans = list(whole.counterparty_spans)
                part.counterparty_is_self = whole.counterparty_is_self


_TRANCHE = re.compile(r"\b(?:tranches?|instalments?|installments?|phases?\s+of\s+(?:the\s+)?(?:funding|grant))\b", re.I)


def tranches_of_previous(ctx, items: list[MoneyItem]) -> None:
    """"The Home Office confirmed £990,324.28 in funding ... The first tranche for 2023/24 is £455,631.44 and the second
    tranche in 2024/25 will be £534,692.84": a tranche or instalment naming no body of its own is part of the one larger
    sum with a body that its paragraph or the sentence before states earlier, and goes the same way."""
    sentences = ctx.layout.sentences
    for item in items:
        if item.row or item.counterparty:
            continue
        sentence = ctx.layout.sentence_at(item.spans[0][0])
        clause_start = max([sentence[0]] + [m.spans[0][1] for m in items if sentence[0] <= m.spans[0][1] <= item.spans[0][0]])
        if not _TRANCHE.search(ctx.text, clause_start, item.spans[0][0]) or sentence not in sentences:
            continue
        index = sentences.index(sentence)
        reach = (min(sentences[index - 1][0] if index else sentence[0], ctx.layout.paragraph_at(sentence[0])[0]),
                 item.spans[0][0])
        whole = [m for m in items if m is not item and reach[0] <= m.spans[0][0] < reach[1] and m.counterparty
                 and not m.row and m.role not in ("other", "total") and m.amount > item.amount]
        if len({(m.counterparty, m.role) for m in whole}) == 1:
            item.role, item.counterparty = whole[0].role, whole[0].counterparty
            item.counterparty_spans = list(whole[0].counterparty_spans)
            item.counterparty_is_self = whole[0].counterparty_is_self


# "The total budget for this programme is £368,579" after "The Deputy Mayor receives the Home Office Safer Streets Fund
# for the programme ...": a sum of the programme or funding the sentence before says the body receives from a funder.
_THIS_FUNDING = re.compile(r"\b(?:for|of|on)\s+this\s+(?:programme|project|scheme|funding|grant|fund|award)\b", re.I)
_RECEIVES = re.compile(r"\b(?:receives?|received|accepts?|accepted|secured|(?:has|have)\s+been\s+awarded)\s+"
                       r"(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,2}$", re.I)


def funding_received_in_sentence_before(ctx, items: list[MoneyItem]) -> None:
    """A sum of "this programme" or "this funding", naming no body, whose sentence before (or the one before that) says
    the body receives a funder's money for it, is that funder's award."""
    sentences = ctx.layout.sentences
    for item in items:
        if item.row or item.counterparty or item.role not in ("other", "total", "award"):
            continue
        sentence = ctx.layout.sentence_at(item.spans[0][0])
        if not _THIS_FUNDING.search(ctx.text, sentence[0], item.spans[0][0]) or sentence not in sentences:
            continue
        index = sentences.index(sentence)
        earlier = sentences[max(0, index - 2):index]
        if any(m.spans[0][0] < sentence[0] and earlier and earlier[0][0] <= m.spans[0][0] for m in items):
            continue  # a sum stated in between is what "this" points to
        funders = [m for m in ctx.organisations if earlier and earlier[0][0] <= m.start < sentence[0]
                   and is_funder(m.name) and _RECEIVES.search(ctx.text, max(0, m.start - 60), m.start)]
        if len({m.name for m in funders}) == 1:
            item.role, item.counterparty, item.counterparty_spans = "award", funders[0].name, [funders[0].span]


def named_in_title(ctx, items: list[MoneyItem], title_spans) -> None:
    """"Funding for Safe Harbour Trust – Outreach Service" over "The Commissioner approves a grant of £20,000 for the
    outreach service": a grant, contract or allocation whose text names no payee is paid to the one body the record's
    title names (not the deciding body, a funder, a public body such as the deciding council itself, nor a service
    named by a domain acronym, "VAWG Services"), with a warning, since the title is not the sum's own sentence."""
    named = {m.name: m for m in ctx.organisations + ctx.providers if any(s <= m.start < e for s, e in title_spans)
             and not is_self(m.name) and not is_funder(m.name) and not is_public_body(m.name)
             and m.name.split()[0].upper() not in NOT_ORGANISATIONS}
    if len(named) != 1:
        return
    body = next(iter(named.values()))
    for item in items:
        if item.counterparty or item.row or item.role not in ("grant", "contract", "allocation"):
            continue
        item.counterparty, item.counterparty_spans = body.name, [body.span]
        item.warning = item.warning or f"{body.name} is named only in the record's title: check it is paid this sum"


# "Drugs Operation (£4,223.) Funding was received from Stockton Borough Council to be spent on ...": a listed sum the
# words just after it say was funding from a body is that body's award.
_FROM_AFTER = re.compile(r"[.,;:)\s]{0,6}(?:Funding|Grant|Money|Income)\s+(?:was\s+|has\s+been\s+|is\s+)?"
                         r"(?:received\s+|provided\s+|given\s+)?from\s+(?:the\s+)?"
                         r"(?P<n>[A-Z][\w/'’&-]*(?:[ \t]+(?:[A-Z][\w/'’&-]*|of|and|&)){0,7})")


def received_from_after(ctx, items: list[MoneyItem]) -> None:
    """A sum followed at once by "Funding (was received) from" a body is received from that body, whatever its label
    before it ("Community Activities Network (£496) Funding from ...") was taken for."""
    for item in items:
        if item.row or item.role not in ("other", "grant", "contract"):
            continue
        match = _FROM_AFTER.match(ctx.text, item.spans[0][1])
        if not match or is_self(match["n"]):
            continue
        start = match.start("n")
        inside = [m for m in ctx.organisations if m.start == start]
        name = inside[0].name if inside else re.sub(r"(?:[ \t]+(?:of|and|&))+$", "", match["n"])
        item.role, item.counterparty = "award", name
        item.counterparty_spans = [inside[0].span if inside else (start, start + len(name))]


# "the Home Office have allocated funding to support each area ... The VRU have been allocated a total amount of £X":
# a funder allocating funding, then a body said to have been allocated a sum, with no one named as giving it.
_FUNDER_ALLOCATES = re.compile(r"\s+(?:has|have|had)\s+(?:now\s+|also\s+)?(?:allocated|awarded|granted|made\s+available)\s+"
                               r"(?:\w+\s+)?(?:funding|grants?|money)\b", re.I)
_BEEN_ALLOCATED = re.compile(r"\b(?:has|have)\s+been\s+(?:allocated|awarded|granted)\s+(?:(?:a\s+total\s+(?:amount\s+|sum\s+)?"
                             r"of|the\s+sum\s+of|an?\s+(?:\w+\s+)?(?:allocation|grant)\s+of)\s+)?$", re.I)
# "... confirmation by the Department for Transport that the fund would be allocated to the County Council by formula
# grant. This amounts to an additional grant funding allocation of £3.143m": the sentence before says who gives it.
_THIS_AMOUNTS = re.compile(r"\s*(?:this|which)\s+(?:amounts\s+to|equates\s+to|represents|means)\s+(?:an?\s+|the\s+)?"
                           r"(?:[\w-]+\s+){0,6}?(?:allocation|grant|funding)\s+of\s+$", re.I)
_ALLOCATED_TO_COUNCIL = re.compile(r"\b(?:would|will|is\s+to|has|have)\s+(?:be\s+|been\s+)?(?:allocated|awarded|granted|paid)"
                                   r"\s+to\s+(?:the\s+)?(?:[A-Z]\w+\s+){0,3}(?:Council|Authority|Commissioner)\b")


def allocated_after_funder_allocates(ctx, items: list[MoneyItem]) -> None:
    """A sum some body "has been allocated", naming no one as giving it, whose sentence before (or the one before that)
    says one funder has allocated funding, is that funder's award; so is a sum "this amounts to" (an allocation, grant
    or funding of it) after a sentence naming one funder and money to be allocated to a council or commissioner."""
    sentences = ctx.layout.sentences
    for item in items:
        if item.row or item.counterparty or item.role not in ("other", "total", "grant"):
            continue
        sentence = ctx.layout.sentence_at(item.spans[0][0])
        if sentence not in sentences or not sentences.index(sentence):
            continue
        index = sentences.index(sentence)
        earlier = sentences[max(0, index - 2):index]
        if item.role != "grant" and _BEEN_ALLOCATED.search(ctx.text, sentence[0], item.spans[0][0]):
            funders = {m.name: m for m in ctx.organisations if earlier[0][0] <= m.start < sentence[0]
                       and is_funder(m.name) and _FUNDER_ALLOCATES.match(ctx.text, m.end)}
        elif _THIS_AMOUNTS.fullmatch(ctx.text, sentence[0], item.spans[0][0]) and _ALLOCATED_TO_COUNCIL.search(
                ctx.text, *sentences[index - 1]):
            funders = {m.name: m for m in ctx.organisations if sentences[index - 1][0] <= m.start < sentence[0]
                       and is_funder(m.name)}
        else:
            continue
        if len(funders) == 1:
            funder = next(iter(funders.values()))
            item.role, item.counterparty, item.counterparty_spans = "award", funder.name, [funder.span]


# "£2,548,650 split across financial years (below amounts per year)": the lines that follow, each opening with a year
# ("22/23 labour costs: £137,941.30, non-labour costs: £206,621.25"), are its parts.
_SPLIT_BY_YEAR = re.compile(r"[^£.;]{0,60}?\b(?:split|broken\s+down|divided|phased)\s+(?:across|over|between|by|into)\s+"
                            r"(?:the\s+)?(?:\w+\s+)?(?:financial\s+)?years\b", re.I)
_YEAR_LINE = re.compile(r"[ \t]*(?:[-•*–][ \t]*)?(?:FY[ \t]*)?(?:20)?\d\d[/–-](?:20)?\d\d\b")


def parts_by_year_below(ctx, items: list[MoneyItem]) -> None:
    """Sums on the lines just below a sum said to be split across years, each line opening with a year and with
    nothing but bullets between them, naming no body of their own, go the same way as that sum (when smaller)."""
    lines = ctx.layout.lines
    for index, whole in enumerate(items):
        if whole.row or not whole.counterparty or not _SPLIT_BY_YEAR.match(ctx.text, whole.spans[0][1]):
            continue
        reached = lines[ctx.layout.line_index(whole.spans[0][0])][1]
        for part in items[index + 1:]:
            line = lines[ctx.layout.line_index(part.spans[0][0])]
            if line[0] >= reached:
                if re.sub(r"[\s\-•*–]", "", ctx.text[reached:line[0]]) or not _YEAR_LINE.match(ctx.text, line[0]):
                    break
                reached = line[1]
            if part.row or part.counterparty or part.amount >= whole.amount:
                break
            part.role, part.counterparty = whole.role, whole.counterparty
            part.counterparty_spans = list(whole.counterparty_spans)
            part.counterparty_is_self = whole.counterparty_is_self
