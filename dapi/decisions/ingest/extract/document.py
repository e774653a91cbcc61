"""From a document's text to a Draft: layout fields, money, organisations, actions, period."""

import re
from collections import Counter
from datetime import timedelta

from .actions import deadlines, resolution_actions
from .amounts import find_amounts
from .byline import published_in_byline
from .cell_rows import flat_table_blocks
from .coded_titles import coded_title_reference
from .currencies import other_currencies
from .dates import find_dates, find_ranges
from .described_cells import described_table_blocks
from .draft import Draft, Found
from .garbled import flag_garbled_signs, mend_pound_signs
from .headline_days import bare_day_under_headline
from .held_in_place import held_in_place_date
from .headings import clean_reference, date_first, dateline, header_reference, meeting_date, one_record_reference
from .layouts import (
    decision_maker, decision_text, document_type, implications, labelled_fields, recommendations, resolutions,
    signature_date, status, title, yes_no,
)
from .linked_reference import linked_reference
from .listed_days import bracketed_news_day, listing_head_day
from .meeting_agreed import agreed_at_meeting
from .meeting_line import meeting_line_date
from .meeting_named_day import meeting_named_day
from .minutes_heading import APPROVED_AFTER, minutes_heading_date
from .money import DECISION_WORDS, Context, extract_money
from .news_dates import day_under_headline, stamped_opening
from .names import outside_commissioners, reading, without_own_parts
from .numbered_heading import numbered_heading_date
from .organisations import find_organisations, provider_names
from .own import own_initials, reading_own
from .pence import with_pence_sums
from .parties import form_contractor
from .posted_dates import dated_under_headline, posted_on
from .read import ZipLimits, read_bytes, read_path
from .reconcile import flag_unequal_parts, reconcile
from .record_heading import record_heading_date
from .settle import settle_parties
from .stated_terms import stated_term
from .tables import find_blocks
from .text import analyse
from .unsigned import with_unsigned_sums
from .worded_heading import worded_heading_reference

_NUMBER = r"(?P<n>\d{1,2}|one|two|three|four|five|six|nine|twelve|eighteen|twenty-four)"
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "twelve": 12, "eighteen": 18,
          "twenty-four": 24}
_EXTENSION = re.compile(r"\boptions?\s+to\s+extend\s+(?:the\s+contract\s+)?(?:for\s+|by\s+)?(?:up\s+to\s+)?(?:a\s+)?"
                        r"(?:further\s+)?" + _NUMBER + r"\s+(?:further\s+)?(?P<unit>years?|months?)", re.I)
_BREAK = re.compile(r"\b" + _NUMBER + r"\s+months['’]?\s*-?\s*notice", re.I)
# "approved on", "approved by the PCC on"; never what "will be" or "would be" held on a day still to come.
_DECIDED_ON = re.compile(r"(?<!will be )(?<!would be )(?<!to be )\b(?i:decided|approved|agreed|signed|taken|made|held|met)"
                         r"(?:\s+by\s+(?:the\s+)?[A-Z][\w'’]*(?:,?\s+(?:[A-Z][\w'’]*|and|of|for)){0,6})?\s+(?i:on)\s+(?i:the\s+)?"
                         r"(?:(?<=held on )(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$")
# "The Minute of the Meeting of the Rothesay Common Good Fund held on 4 March 2013 were approved as a correct record":
# the day of an earlier meeting whose minutes this one approves, not the day this meeting decided.
_MINUTES_OF = re.compile(r"\b[Mm]inutes?\b[^.\n]{0,120}$")


def extract_path(path, limits: ZipLimits = ZipLimits()) -> Draft:
    return extract_text(read_path(path, limits))


def extract_bytes(data: bytes, name: str, limits: ZipLimits = ZipLimits()) -> Draft:
    return extract_text(read_bytes(data, name, limits))


def extract_text(text: str) -> Draft:
    source = text
    text, garbled = mend_pound_signs(text)
    organisations = without_own_parts(text, find_organisations(text))
    with reading(outside_commissioners(text, [(m.name, m.start, m.end) for m in organisations])), \
            reading_own(own_initials(text)):
        draft = _extract(text, organisations)
    if garbled:
        flag_garbled_signs(draft.money, garbled)
        draft.warnings += [m.warning for m in draft.money if m.warning.startswith("the sign before this sum")]
        draft.text = source
    return draft


def _extract(text: str, organisations) -> Draft:
    layout = analyse(text)
    dates, warnings = find_dates(text)
    ranges = find_ranges(text, dates)
    amounts = with_pence_sums(text, with_unsigned_sums(text, find_amounts(text)))
    providers = provider_names(text, organisations)
    blocks = find_blocks(layout, amounts)
    blocks += flat_table_blocks(layout, amounts, blocks)
    blocks += described_table_blocks(layout, amounts, blocks)
    ctx = Context(layout, amounts, organisations, providers, dates, ranges, blocks, form_contractor(text))

    draft = Draft(text=text, document_type=document_type(layout))
    labelled = labelled_fields(layout)
    reference = labelled.get("reference")
    if reference:
        reference = one_record_reference(text, Found(clean_reference(reference.value), reference.spans))
    draft.reference = reference if reference and reference.value else header_reference(layout)
    if not draft.reference.value:
        draft.reference = next((f for f in (linked_reference(text), worded_heading_reference(text),
                                            coded_title_reference(text)) if f.value), Found())
    draft.title = title(layout, labelled, draft.document_type)
    draft.decision_maker = decision_maker(layout, labelled)
    draft.status_text = labelled.get("status_text", Found())
    draft.status = status(layout, labelled, draft.document_type)
    draft.is_key_decision = yes_no(labelled.get("is_key_decision"))
    draft.is_subject_to_call_in = yes_no(labelled.get("is_subject_to_call_in"))
    draft.lead_officer = labelled.get("lead_officer", Found())
    draft.decision_text = decision_text(layout)
    draft.decision_date = _labelled_date(labelled.get("decision_date"), dates) or signature_date(layout, dates)
    if draft.decision_date.value is None:
        # The meeting's heading before "held on" in the minutes: that may be another meeting, past or to come.
        draft.decision_date = meeting_date(layout, dates)
    if draft.decision_date.value is None:
        draft.decision_date = meeting_line_date(layout, dates)
    if draft.decision_date.value is None:
        draft.decision_date = held_in_place_date(layout, dates)
    if draft.decision_date.value is None:
        draft.decision_date = minutes_heading_date(layout, dates)
    if draft.decision_date.value is None:
        draft.decision_date = numbered_heading_date(layout, dates)
    if draft.decision_date.value is None:
        draft.decision_date = _decided_on(text, dates)
    if draft.decision_date.value is None:
        draft.decision_date = record_heading_date(layout, dates)
    if draft.decision_date.value is None:
        draft.decision_date = listing_head_day(layout, dates)
    if draft.decision_date.value is None:
        draft.decision_date = _labelled_date(labelled.get("date"), dates) or date_first(layout, dates)
    if draft.decision_date.value is None:
        draft.decision_date = meeting_named_day(layout, dates)
    due = labelled.get("decision_due")
    if draft.decision_date.value is None and due and draft.status.value == "approved" and not re.match(
            r"\s*(?:not\s+)?(?:before|after|by|from)\b", due.value, re.I):
        # "Decision due: 15 September 2022 by Cabinet" on an issue whose recommendations were approved.
        draft.decision_date = _labelled_date(due, dates) or Found()
    draft.publication_date = _labelled_date(labelled.get("publication_date"), dates) or Found()
    if draft.publication_date.value is None and not labelled.get("decision_date"):
        draft.publication_date = next((f for f in (dateline(layout, dates), published_in_byline(layout, dates),
                                                   dated_under_headline(layout, dates), posted_on(layout, dates),
                                                   stamped_opening(layout, dates), day_under_headline(layout, dates),
                                                   bare_day_under_headline(layout, dates))
                                       if f.value), Found())  # a page's date printed at its top or in its byline
    if draft.decision_date.value is None:
        draft.decision_date = bracketed_news_day(layout, dates, draft.publication_date)
    draft.extension_months, draft.break_notice_months = _months(_EXTENSION, text), _months(_BREAK, text)
    draft.recommendations = recommendations(layout)
    draft.implications = implications(layout)

    draft.money = extract_money(ctx)
    settle_parties(ctx, text, draft.money, draft.title.spans)
    draft.reconciliations, mismatches = reconcile(draft.money, blocks, layout)
    flag_unequal_parts(text, draft.money)
    draft.actions = resolution_actions(layout, resolutions(layout), dates, ranges)
    resolved = [a.spans[0] for a in draft.actions]
    draft.actions += [a for a in deadlines(layout, dates, ranges) if not any(
        s[0] < a.spans[0][1] and a.spans[0][0] < s[1] for s in resolved)]
    draft.period = _period(ctx, draft)
    draft.organisations = _organisations(ctx, draft)
    draft.warnings = [m.note + f" (at “{text[m.start:m.end]}”)" for m in dates if m.note] + warnings + mismatches
    draft.warnings += [m.warning for m in draft.money if m.warning] + _cut_off_figure(text) + _misread_figures(text)
    draft.warnings += other_currencies(text)
    return draft


def _labelled_date(found: Found | None, dates) -> Found | None:
    if not found:
        return None
    start, end = found.spans[0]
    inside = [d for d in dates if start <= d.start < end and d.precision == "day"]
    return Found(inside[0].first, [inside[0].span]) if inside else None


def _months(pattern, text: str) -> Found:
    """A number of months: "the option to extend for a further 2 years" is 24, "6 months' notice" is 6."""
    match = pattern.search(text)
    if not match:
        return Found()
    n = _WORDS.get(match["n"].lower()) or int(match["n"])
    unit = match.groupdict().get("unit") or "months"
    return Found(n * 12 if unit.lower().startswith("year") else n, [match.span()])


# A form's labels run into one line when its text is flattened: "Reference No. 175 Date of decision 7 July 2021".
_DATE_OF_DECISION = re.compile(r"\bdate\s+of\s+(?:the\s+)?decision\s*:?\s*$", re.I)


# A decision's outcome opening its list of resolutions with the day and the body: "On 14 December 2021, Cabinet:-",
# or the body on the line below ("On 3 June 2025" / "Cabinet:-", a CMIS page) (not "On 21st May 2018, Executive
# approved the award", an earlier decision told as background).
_ON_DAY = re.compile(r"(?:^|\n)[ \t]*On[ \t]+(?:the[ \t]+)?$")
_BODY_RESOLVED = re.compile(r",?(?:[ \t]+|[ \t]*\n[ \t]*)(?:the[ \t]+)?[A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*){0,4}[ \t]*:-?[ \t]*"
                            r"(?:\n|$)")


def _decided_on(text: str, dates) -> Found:
    for mention in dates:
        before = text[max(0, mention.start - 80):mention.start]
        if APPROVED_AFTER.match(text, mention.end) and _MINUTES_OF.search(text, max(0, mention.start - 120),
                                                                               mention.start):
            continue
        if mention.precision == "day" and (_DECIDED_ON.search(before) or _DATE_OF_DECISION.search(before) or (
                _ON_DAY.search(before) and _BODY_RESOLVED.match(text, mention.end))):
            return Found(mention.first, [mention.span])
    return agreed_at_meeting(text, dates)


def _period(ctx: Context, draft: Draft) -> Found:
    """The period of the funded activity: the one most money lines share, else a form's labelled start and end, else
    a period the decision itself states, else a financial year in the title, a short heading near the top or a table
    heading, else the latest period."""
    text = ctx.text
    spans = [(m.start, m.end) for m in draft.money if m.start and m.end and m.role not in ("total", "other")]
    chain = sorted(set(spans))
    bodies = [{m.counterparty for m in draft.money if (m.start, m.end) == span and m.counterparty} for span in chain]
    if (len(chain) > 1 and all(b[0] - a[1] == timedelta(days=1) for a, b in zip(chain, chain[1:]))
            and set.intersection(*bodies)):
        # "The first tranche for 2023/24 is £455,631.44 and the second tranche in 2024/25 will be £534,692.84": one
        # body's lines for years that follow on from each other are the tranches of one funded period, which runs
        # from the first to the last.
        items = [m for m in draft.money if (m.start, m.end) in (chain[0], chain[-1])]
        return Found((chain[0][0], chain[-1][1]), [s for m in items for s in m.date_spans[:1]])
    if spans:
        (start, end), _ = Counter(spans).most_common(1)[0]
        item = next(m for m in draft.money if (m.start, m.end) == (start, end))
        return Found((start, end), item.date_spans)
    labelled = _labelled_period(ctx)
    if labelled:
        return labelled
    for a, b in ctx.ranges:
        sentence = ctx.layout.sentence_at(a.start)
        if DECISION_WORDS.search(text[slice(*sentence)]):
            return Found((a.first, b.last), [a.span, b.span])
    places = list(draft.title.spans) + [b.heading_span for b in ctx.blocks if b.heading_span]
    # A short heading near the top ("2017 – 2018", "Grants 2017/2018") dates the page the way a title does.
    places += [ln for ln in [ln for ln in ctx.layout.lines if text[slice(*ln)].strip()][:10]
               if len(text[slice(*ln)].split()) <= 4]
    for mention in ctx.dates:
        if mention.precision == "financial year" and any(s <= mention.start < e for s, e in places):
            return Found((mention.first, mention.last), [mention.span])
    if ctx.ranges:
        # Background comes first and is about earlier years ("In 2020/21 the Home Office issued ..."): the
        # latest period stated is the one the record decides.
        a, b = max(ctx.ranges, key=lambda r: (r[0].first, r[0].start))
        return Found((a.first, b.last), [a.span, b.span])
    # "grants ... for 2016/17", "a Band D precept for 2024-25", "For 2020/21 the Commissioner has made available":
    # the year the record is for, when it is the decision's own year or the next (not a year left in boilerplate).
    decided = draft.decision_date.value
    for mention in ctx.dates:
        if (mention.precision == "financial year" and _FOR_YEAR.search(text, max(0, mention.start - 30), mention.start)
                and (decided is None or mention.first.replace(year=mention.first.year - 1) <= decided <= mention.last)):
            return Found((mention.first, mention.last), [mention.span])
    return stated_term(text) or Found()


# "... within their homes.  49,89" at the very end: a figure whose last group of digits is short, cut off by the end
# of the text (an excerpt, a page cut short), so its size cannot be known.
_CUT_OFF = re.compile(r"(?<![\w.,])(?P<n>£?\d{1,3}(?:,\d{3})*,\d{1,2})\s*$")


def _cut_off_figure(text: str) -> list[str]:
    """A figure cut off by the end of the text is flagged, never read as a sum of its own."""
    cut = _CUT_OFF.search(text[-40:])
    return [f"The text ends in the middle of a figure, “{cut['n']}”: the record may be cut off; check the amount "
            "against the full record"] if cut else []


# A figure whose "£" was read as "E" or whose "1" as "l" or "I" (a scan or a retyped record): "committed Elm of funding",
# "E2.5m of grant". Only before words of money, so that a name ("Elm Road") is not taken for one. Never read as a sum.
_MISREAD = re.compile(r"(?<![\w£])(?P<w>(?:E[\dlI]|£[lI])[\d,.lI]*\s?(?:m|k|bn|million)?)\s+(?:of|in)\s+"
                      r"(?:\w+\s+)?(?:funding|grant|money|capital|revenue|investment|budget)\b")


def _misread_figures(text: str) -> list[str]:
    """A figure that cannot be read (the comment above) is flagged for the reviewer."""
    return [f"“{m['w']}” looks like a figure whose “£” or digits were misread: check the amount against the source"
            for m in _MISREAD.finditer(text) if re.search(r"[lI]|^E", m["w"])]


_FOR_YEAR = re.compile(r"\b[Ff]or\s+(?:the\s+)?(?:(?:financial|forthcoming)\s+)?(?:year\s+)?$")


_START_LABEL = re.compile(r"\b(?:contract|grant|agreement|funding|project)?\s*start\s+date\s*:?\s*$", re.I)
_END_LABEL = re.compile(r"^\s*(?:\S+\s+){0,2}?(?:contract|grant|agreement|funding|project)?\s*end\s+date\s*:?\s*$", re.I)


def _labelled_period(ctx: Context) -> Found | None:
    """A form's "Contract Start Date 01/04/2025 Contract End Date 31/03/2026": the period it labels."""
    days = [d for d in ctx.dates if d.precision == "day"]
    for first, last in zip(days, days[1:]):
        if (_START_LABEL.search(ctx.text, max(0, first.start - 30), first.start)
                and _END_LABEL.match(ctx.text[first.end:last.start]) and first.first < last.last):
            return Found((first.first, last.last), [first.span, last.span])
    return None


def _organisations(ctx: Context, draft: Draft) -> list[Found]:
    """Every organisation named, once each, first mention first; the record's own counterparties included."""
    found: dict[str, Found] = {}
    mentions = [(m.name, m.span) for m in ctx.organisations + ctx.providers]
    mentions += [(m.counterparty, s) for m in draft.money if m.counterparty for s in m.counterparty_spans[:1]]
    for name, span in sorted(mentions, key=lambda pair: pair[1][0]):
        key = name.lower()
        if key in found:
            found[key].spans.append(span)
        else:
            found[key] = Found(name, [span])
    # "the Commissioner" and "the Council" refer to a body named in full elsewhere (or to the decider).
    return [f for f in found.values() if f.value not in ("Commissioner", "Council")]
