"""What a record's heading lines say: its reference ("PCD 1436", "WPCC3-0067", "Decision Record 118",
"2022-0007", "Decision 65-2014. Title", "Decision Log 011/2022 – Title", "PCC/D/2023/18") and the day of the
meeting or decision a heading gives ("... Panel - Thursday, 16th November, 2017", "28/04/2017 - Community Grants
Scheme")."""

import re

from .dates import DateMention
from .draft import Found
from .text import Layout

# A table's cell border may open the line: "| Decision No: CAB047 - 08/2008".
_HEADER_REFERENCE = re.compile(
    r"^[ \t]*(?:\|[ \t]*)?(?:REQUEST\s+FOR\s+(?:A\s+)?DECISION|DECISION\s+RECORD(?:\s+FORM)?|DECISION\s+NOTICE|RECORD\s+OF\s+"
    r"(?:A\s+)?DECISION|DECISION)[ \t]*(?:[–:-]|No\b\.?|Number|Ref\b\.?)+[ \t]*(?:\n[ \t]*(?!\d{1,2}[.)]?[ \t]*$))?"
    r"(?P<ref>[A-Z0-9][A-Z0-9/ .\-]*?(?:(?<=[/-])\n[A-Z0-9/.\-]+)?)"
    r"[ \t]*$", re.IGNORECASE | re.MULTILINE)
# "Decision Record 118 – Voice for Victims", "Decision Notice 2022-0021: Core Victims Funding" anywhere;
# a code leading a heading ("PCD 1436 Home Office ...", "WPCC3-0067 – Domestic Abuse ...") near the top.
# A body or kind may come first ("PFCC Decision 2022/033:", "Executive Decision ED 2023/05 -"); the code is three
# digits or more, or has a separator, so "Decision 1:" in a list of decisions is none; a year alone ("Decision Record
# 2015", the heading of a year's list of decisions) is none either.
_NAMED_REFERENCE = re.compile(r"^[ \t]*(?:[A-Z][A-Za-z]{1,12}[ \t]+){0,2}"
                              r"(?i:decision(?:[ \t]+(?:record|notice|log))?|record[ \t]+of[ \t]+decision)[ \t]+"
                              # "Executive Decision Record – ED/2024/11": a dash may come before the code
                              r"(?:[–:-][ \t]+)?(?i:no\.?[ \t]*|number[ \t]*)?(?!(?:19|20)\d\d[ \t]*$)"
                              # "Decision 2023/24 – 0043", "Decision 2024/2025 – 0026": a year, then its number after
                              # a spaced dash
                              r"(?P<ref>(?:19|20)\d\d/(?:\d\d|(?:19|20)\d\d)[ \t]+[–-][ \t]+\d{1,5}(?=[ \t]*[–:-][ \t]|$)|"
                              r"(?:[A-Z]{1,5}[ \t/-]?)?(?=\d{3}|\d[\d]*[/.-]\d)"
                              # "Decision 43 – 2014": a number in its year, the dash spaced
                              r"\d[\w/.-]*\d|\d{1,4}[ \t]+[–-][ \t]+(?:19|20)\d\d)(?=[ \t]*(?:[–:-][ \t]|$)|\.[ \t]+[A-Z])",
                              re.MULTILINE)
# A link's text names a file's kind and size ("PDF 198 KB", "DOCX 45 KB"): never a reference.
_FILE_KIND = r"(?:PDF|DOCX?|XLSX?|ODT|ODS|RTF|PPTX?|CSV|TXT|HTML?|ZIP)"
_FILE_LINK = re.compile(_FILE_KIND + r"[ \t]*\d[\d.,]*(?:[ \t]*(?:KB|MB|GB|kb|mb|bytes))?", re.IGNORECASE)
# A year-and-number code before a dash leads a council's issue title too ("23/00060 - Domestic Abuse Act Framework").
# Dots may separate its parts ("AHWB.024.2020 OPCC Grant Funding"); a number in a year's series may lead it ("039/2013 –
# Community Fund – 20 May 2013", or before a colon "007/2012: Approval to commence ordering of vehicles") or stand
# alone on its line ("0046 2023/24", a council's register of decisions), and so may a body's code of letter groups and
# numbers between slashes ("PCC/D/2023/18").
_LEADING_CODE = re.compile(r"^[ \t]*(?P<ref>(?!" + _FILE_KIND + r"\b)[A-Z]{2,6}\d?(?:[ \t]?[-/.]?[ \t]?)\d{2,}(?:[-/.]\d+)*"
                           r"(?=[ \t]*[–:-][ \t]+\S|[ \t]+(?:[A-Z0-9£]|$)|$)"
                           r"|(?!(?:19|20)\d\d/)\d{2,4}/\d{4,6}(?=[ \t]+[–-][ \t]+[A-Z]|:[ \t]+[A-Z0-9])"
                           r"|\d{3,5}[ \t]+(?:19|20)\d\d/\d\d(?=[ \t]*$)"
                           r"|[A-Z]{2,6}(?:/[A-Z]{1,4})+/\d+(?:/\d+)*(?=[ \t]*$|[ \t]*[–:-][ \t]+\S)"
                           # a number in a financial year's series before the title: "28/2025-26 Serious Violence Fund"
                           r"|\d{1,4}/(?:19|20)\d\d[-/](?:19|20)?\d\d(?=[ \t]+[A-Z]))", re.MULTILINE)
# A heading that ends in its day after a spaced dash is a heading however long its title ("060/2013 – ... camera
# replacement – 13 August 2013").
_DATED_HEADING = re.compile(r"[ \t][–-][ \t]+\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]{2,8}[ \t]+(?:19|20)\d\d[ \t]*$")
# A code of letters and digits in slash-separated parts ending a heading after a spaced dash: "Contract Award for the
# Provision of Services - DEC13/CMDN/112", a council's decision details page.
# A code with its financial year in brackets ends a heading too: "Housing Related Support - AH11(18/19)".
_TRAILING_CODE = re.compile(r"[ \t][–-][ \t]+(?P<ref>[A-Z]{2,6}\d{0,4}(?:/[A-Z]{2,6}\d{0,4})*/\d{1,5}"
                            r"|[A-Z]{1,6}\d{1,4}\(\d\d/\d\d\))[ \t]*$", re.MULTILINE)
# A decision's number in its year's series opening the paragraph that states it, its body the subject: "237/2008 The
# Cabinet agreed to recommend ...", as a council numbers each decision of a meeting (an issue page may give the
# several decisions taken on it, each numbered: the first is the record's own).
_NUMBERED_DECISION = re.compile(r"^[ \t]*(?P<ref>\d{1,4}/(?:19|20)\d\d)[ \t]+(?=The[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,4}"
                                r"(?:agreed|approved|resolved|decided|noted|recommended|authorised|RESOLVED)\b)",
                                re.MULTILINE)
# What a reference looks like: a few tokens of capitals and digits, at least one digit, no prose.
_REFERENCE_SHAPE = re.compile(r"^(?=[^\n]*\d)(?!.*\b[a-z]{3,})[A-Za-z0-9][\w/.\- –]{0,29}(?:\(\d\d/\d\d\))?$")


# A form's labels run into one line when its text is flattened: "RELEASE NO: 1 Reference No. 175 Date of decision".
_INLINE_REFERENCE = re.compile(r"\b(?-i:Reference)[ \t]+(?:No\.?|Number)[ \t]*:?[ \t]*(?P<ref>[A-Z]{0,5}\d[\w/.-]*)"
                               r"(?=[ \t]+(?-i:[A-Z])|[ \t]*$)", re.I | re.M)
# So do a record's: "DECISION RECORD Decision ID: PCCML 000504 2019 Office of the ...", a body's letters, the
# decision's number and its year, spaced.
_INLINE_DECISION_ID = re.compile(r"\bDecision[ \t]+ID[ \t]*:[ \t]*(?P<ref>[A-Z]{2,6}[ \t]?\d{2,}(?:[ \t/-](?:19|20)\d\d)?)"
                                 r"(?=[ \t]+[A-Z]|[ \t]*$)", re.M)
# A reference in brackets after a heading: "DECISION MADE (Ref: CAB 11/12 7589)".
_BRACKETED_REFERENCE = re.compile(r"\((?:Ref|Reference)\.?[ \t]*:[ \t]*"
                                  r"(?P<ref>[A-Z]{0,5}[ \t]?\d[\w/.-]*(?:[ \t]\d[\w/.-]*)?)\)")


def header_reference(layout: Layout) -> Found:
    text = layout.text
    # A year alone ("Decision record 2024 – 013 agreed ...", an earlier decision the record cites, read as far as its
    # year) is no reference; a later heading may still give the record's own.
    match = _HEADER_REFERENCE.search(text) or next(
        (m for m in _NAMED_REFERENCE.finditer(text) if clean_reference(m["ref"])), None)
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()][:12]
    if not match and lines:
        match = _SHORT_NUMBER.match(text, *lines[0])
    if not match:
        match = next((m for ln in lines if (len(text[slice(*ln)].split()) <= 24 or _DATED_HEADING.search(text, *ln))
                      and (m := _LEADING_CODE.match(text, *ln))), None)
    if not match:
        match = next((m for ln in lines if (m := _TRAILING_CODE.search(text, *ln))), None)
    if not match:
        match = _only_code_in_column(text)
    if not match:
        match = next((m for ln in lines if (m := _NUMBERED_DECISION.match(text, *ln))), None)
    if not match:
        match = (_INLINE_REFERENCE.search(text) or _BRACKETED_REFERENCE.search(text)
                 or _INLINE_DECISION_ID.search(text))
    if not match:
        return Found()
    value = clean_reference(match["ref"])
    return Found(value, [match.span("ref")]) if value else Found()


# A decision log's table with a reference column ("Decision Reference Number Decision Title Decision Summary"), its
# rows led by a code ("2018-129912 Precept Proposal 2019/20").
_REFERENCE_COLUMN = re.compile(r"^[ \t]*(?:Decision[ \t]+)?Reference(?:[ \t]+(?:Number|No\.?))?[ \t]+(?:Decision[ \t]+)?"
                               r"Title", re.IGNORECASE | re.MULTILINE)
_ROW_CODE = re.compile(r"^[ \t]*(?P<ref>(?:[A-Z]{1,6}[ \t]?)?\d{2,4}[-/.]\d{2,}(?:[-/.]\d+)*)(?=[ \t]+\S)", re.MULTILINE)


def _only_code_in_column(text: str):
    """The code leading a row under a reference column, when the table has one row only: a log of several
    decisions gives none, since several decision numbers name no one record."""
    column = _REFERENCE_COLUMN.search(text)
    rows = list(_ROW_CODE.finditer(text, column.end())) if column else []
    return rows[0] if len({m["ref"] for m in rows}) == 1 else None


# "NFRS Decision Record 41 – B-Type pumping appliances": a record's own number of one or two digits, on its first line,
# after "Decision Record" or "Decision Notice" and before a dash and its title ("Decision 1:" in a list is none); or of
# up to four digits before its title with no dash ("Decision Record 336 Retail Crime ..."), never a year or a day.
_SHORT_NUMBER = re.compile(r"[ \t]*(?:[A-Z][A-Za-z]{1,12}[ \t]+){0,2}(?i:decision[ \t]+(?:record|notice))[ \t]+"
                           r"(?i:no\.?[ \t]*)?(?P<ref>\d{1,2}(?=[ \t]+[–-][ \t]+\S)|(?!(?:19|20)\d\d\b)\d{1,4}"
                           r"(?=[ \t]+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z][a-z]))")


# A name written like a code ("COVID-19 Funding" heading a section, "SARS-CoV-2"): the disease, never a reference.
_NAME_LIKE_CODE = re.compile(r"(?:COVID|SARS-CoV)[ -]?\d{1,2}\b", re.IGNORECASE)


def clean_reference(value: str) -> str | None:
    """The reference as written (spaces around slashes closed), or None when the value is not shaped like one
    (a title or a sentence given under a "Decision Ref:" label that was left empty)."""
    value = re.sub(r"\s*/\s*", "/", value.strip().rstrip(".,;:"))
    value = re.split(r"\s{2,}|\t", value)[0]
    if (len(value.split()) > 4 or not _REFERENCE_SHAPE.match(value) or re.fullmatch(r"(?:19|20)\d\d", value)
            or _FILE_LINK.fullmatch(value) or _NAME_LIKE_CODE.match(value)):
        return None  # a year alone heads a year's list of decisions ("Decision Record – 2015"); it is no reference
    return value


_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+)?"
_MEETING_BEFORE = re.compile(r"^[ \t]*(?:(?:\S[^\n]{0,160}?)?\b(?:panel|committee|cabinet|board|council|meeting|executive|"
                             r"decisions)\b"
                             r"[^\n]{0,40}?[ \t][-–][ \t]+|(?:meeting|cyfarfod)[ \t]*:[ \t]*)" + _WEEKDAY + "$", re.IGNORECASE)
_DATE_FIRST_AFTER = re.compile(r"[ \t]+[-–][ \t]+\S")
# A record's first line naming the meeting its minutes are of, then the day: "Police Accountability Board Minutes 10
# January 2023", "Police Accountability Board Notes 11th August 2020". Only among the first three lines, and not as a
# numbered item (a line naming the body or its officer may come first: "Jane Smith - Deputy Mayor" / "Executive Board
# Minutes 15 October 2013"): further down, or numbered, "Board Minutes <date>" is an item approving an earlier meeting's.
_MINUTES_HEADING = re.compile(r"^[ \t]*\S[^\n]{0,80}?\b(?:panel|committee|cabinet|board|council|meeting|executive)"
                              r"[ \t]+(?:minutes|notes)[ \t]+(?:of[ \t]+|for[ \t]+)?" + _WEEKDAY + "$", re.IGNORECASE)
# An agenda item's number or bullet: "2. Strategic Policing Board Minutes 21 March 2024" approves an earlier meeting's.
_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[-•*·])[ \t]")
# A notice's number and its date on one line of their own: "DN 09/2021      Date 15/03/2021".
_NUMBER_THEN_DATE = re.compile(r"^[ \t]*[A-Z][A-Za-z]{0,5}[ \t]*\d[\w/.-]*[ \t]+Date[ \t]*:?[ \t]*$")


_MEETING_LINE = re.compile(r"\b(?:panel|committee|cabinet|board|council|meeting|executive)[ \t]*$", re.IGNORECASE)
_WEEKDAY_ALONE = re.compile(r"[ \t]*(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+$", re.IGNORECASE)
_TIME_ALONE = re.compile(r"[ \t,]*(?:(?:at[ \t]+)?\d{1,2}(?:[.:]\d{2})?[ \t]*(?:am|pm|a\.m\.|p\.m\.)?)?[ \t]*$", re.IGNORECASE)


def meeting_date(layout: Layout, dates: list[DateMention]) -> Found:
    """The day of the meeting or decision a heading near the top gives: "Dyfed Powys Police and Crime Panel -
    Thursday, 16th November, 2017 10.30 am", "Delegated Decisions - Tuesday 30th May, 2023 5.30 pm" (a meeting of
    decisions), "Meeting: 14/09/2021 - Cabinet" (in Welsh "Cyfarfod: 19/06/2023 - Cabinet"), a line that starts with
    the date before the title ("28/04/2017 - Community Grants Scheme"), or a weekday's date (and time) alone on the line
    under the name of the panel or committee ("Cumbria Police and Crime Panel" / "Friday, 7th February, 2020 1.00 pm"),
    a first line naming the meeting's minutes before the day, or a notice's number and "Date" before it."""
    text = layout.text
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()][:15]
    for previous, line in zip([None] + lines, lines):
        for mention in (d for d in dates if line[0] <= d.start < line[1] and d.precision == "day"):
            before = text[line[0]:mention.start]
            if _MEETING_BEFORE.match(before) or (not before.strip() and _DATE_FIRST_AFTER.match(text, mention.end)):
                return Found(mention.first, [mention.span])
            alone = _TIME_ALONE.fullmatch(text, mention.end, line[1])
            if alone and (_NUMBER_THEN_DATE.match(before) or (line in lines[:3] and _MINUTES_HEADING.match(before)
                                                              and not _ITEM.match(before))):
                return Found(mention.first, [mention.span])
            if (previous and _MEETING_LINE.search(text[slice(*previous)]) and _WEEKDAY_ALONE.fullmatch(before)
                    and _TIME_ALONE.fullmatch(text, mention.end, line[1])):
                return Found(mention.first, [mention.span])
    return Found()


_DATE_ALONE = re.compile(r"[ \t]*" + _WEEKDAY + r"$", re.IGNORECASE)


def date_first(layout: Layout, dates: list[DateMention]) -> Found:
    """A day alone on a line among the first few, just before the title ("15 March 2023" / "Domestic Abuse
    Services Grant"): the layout of records that date a decision above its heading."""
    text = layout.text
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip()][:6]
    for line, following in zip(lines, lines[1:]):
        inside = [d for d in dates if line[0] <= d.start < line[1]]
        if (len(inside) == 1 and inside[0].precision == "day" and _DATE_ALONE.fullmatch(text, line[0], inside[0].start)
                and not text[inside[0].end:line[1]].strip() and re.match(r"\s*[A-Z]", text[slice(*following)])
                and not [d for d in dates if following[0] <= d.start < following[1]]):
            return Found(inside[0].first, [inside[0].span])
    return Found()


# A news page prints its date at its very top, on its first line, alone or with the time and the site's note of its age:
# "16th December 2025", "December 21, 2015 12.09 pm This story is over 99 months old".
_DATELINE_TAIL = re.compile(r"[ \t]*(?:(?:at[ \t]+)?\d{1,2}[.:]\d{2}[ \t]*(?:am|pm)?\b[ \t]*)?"
                            r"(?:This[ \t]+(?:story|article|post)[ \t]+is[ \t]+(?:over[ \t]+)?\d+[ \t]+\w+[ \t]+old)?[ \t]*",
                            re.IGNORECASE)


def dateline(layout: Layout, dates: list[DateMention]) -> Found:
    """The day a page was published, printed on its first line (above); not a date under a title or a meeting's."""
    text = layout.text
    for line in [ln for ln in layout.lines if text[slice(*ln)].strip()][:1]:
        inside = [d for d in dates if line[0] <= d.start < line[1]]
        if (len(inside) == 1 and inside[0].precision == "day" and _DATE_ALONE.fullmatch(text, line[0], inside[0].start)
                and _DATELINE_TAIL.fullmatch(text, inside[0].end, line[1])):
            return Found(inside[0].first, [inside[0].span])
    return Found()


def one_record_reference(text: str, found: Found) -> Found:
    """A reference given under its label, unless the same label gives another value elsewhere in the text: a page
    listing decisions ("• Reference code: PCD 1791", then "• Reference code: PCD 1795") names no one record, and
    taking the first listed decision's number would invent the page's own."""
    if not found.value or not found.spans:
        return found
    start = found.spans[0][0]
    line_start = text.rfind("\n", 0, start) + 1
    label = re.sub(r"^[\W_]+", "", text[line_start:start]).strip()
    if not re.search(r"[A-Za-z]", label):
        return found
    values = {clean_reference(m["v"]) for m in re.finditer(r"^[^\w\n]*" + re.escape(label) + r"[ \t]*(?P<v>\S[^\n]*)",
                                                           text, re.MULTILINE)}
    return Found() if len(values - {None}) > 1 else found
