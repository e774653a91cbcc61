"""The four layouts decision records are published in, and the labelled fields they share.

- ModernGov "Decision details" pages: title under the heading, then "Decision Maker:",
  "Decision status:", "Is Key decision?:", "Publication date:", "Date of decision:".
- Decision record forms: "Decision Reference:", "Title:", a header naming the commissioner,
  "Decision:", an implications checklist (Yes / No columns) and signature blocks with dates.
- Requests for decision: a reference in the heading, "Title of decision:", numbered
  recommendations ("2.1", "2.2.1"), "I hereby approve" and a signature date.
- Panel or board minutes: a heading, the discussion, and a RESOLVED list.
"""

import re

from .dates import DateMention
from .draft import Found, Implication, Recommendation
from .text import Layout, Span

LABELS = {
    "reference": ["decision reference", "decision reference number", "decision ref", "reference", "reference number",
                  "ref", "our ref", "decision number", "decision no", "decision no.", "decision record number",
                  "record number", "decision notice number", "notice number", "decision record reference",
                  "reference code", "code", "decision ref no", "ref no", "decision record no", "decision notice no"],
    "title": ["title", "title of decision", "decision title", "title of report", "report title", "name of decision",
              "subject", "title of the decision"],
    "decision_maker": ["decision maker", "decision-maker", "decision taker", "decided by", "decision taken by",
                       "decision made by"],
    "decision_date": ["date of decision", "decision date", "date decision taken", "date decision made",
                      "date of approval", "approval date", "date approved", "approved on", "decision made on",
                      "date signed", "date of the decision", "decided at meeting", "made at meeting", "approved"],
    "decision_due": ["decision due"],
    # A form field labelled only "Date": the decision's day when the record gives no other (document.py).
    "date": ["date", "dated"],
    "publication_date": ["publication date", "date published", "date of publication", "published on", "published",
                         "decision published", "notice of proposed decision first published", "first published"],
    "status_text": ["decision status", "status", "status of decision"],
    "is_key_decision": ["is key decision", "key decision", "is this a key decision"],
    "is_subject_to_call_in": ["is subject to call in", "subject to call-in", "subject to call in", "call-in",
                              "call in", "is subject to call-in"],
    "lead_officer": ["opcc lead officer", "lead officer", "contact officer", "responsible officer", "lead officer(s)"],
}
_LABEL_OF = {variant: field for field, variants in LABELS.items() for variant in variants}
# Labels written in other words: "Decision Log Number", "Key Decision reference", "Report ref no", "Date of the
# Decision", "Decision made", "Date decision signed", a CMIS page's "Date Decision Taken at Committee".
_LABEL_PATTERNS = [
    ("reference", re.compile(r"(?:[\w-]+ ){0,3}(?:reference|ref\.?)(?: (?:number|no\.?|code))?"
                             r"|(?:[\w-]+ ){0,2}(?:decision|record|notice|log) (?:number|no\.?)")),
    ("decision_date", re.compile(r"date (?:of )?(?:the )?decision(?: was)? (?:made|taken|signed|approved)|"
                                 r"date decision (?:was )?(?:signed|approved|agreed|(?:taken|made) at (?:the )?"
                                 r"(?:committee|meeting|cabinet))"
                                 r"|decision (?:made|taken|signed|agreed)"
                                 r"(?: on)?|date of (?:signature|signing)|signed on|date agreed")),
]
# A label alone on its line, its value on the next ("Date of Decision" / "12 March 2024").
_BARE_LABEL_FIELDS = {"reference", "decision_date", "publication_date"}


def _field_of(label: str) -> str | None:
    label = _norm(label)
    return _LABEL_OF.get(label) or next((f for f, pattern in _LABEL_PATTERNS if pattern.fullmatch(label)), None)
# A form kept as a list, each label and each value an item of its own ("- Report reference number:" / "- 043-24").
_BULLET = r"(?:[-•·*][ \t]+)?"
_LABEL_LINE = re.compile(r"^[ \t]*" + _BULLET + r"(?P<label>[A-Za-z][A-Za-z &'’/()?.-]{0,60}?)[ \t]*(?:\?[ \t]*)?"
                         r"(?::|–| - |\t)[ \t]*(?P<value>.*?)[ \t]*$", re.MULTILINE)
_COMMISSIONER_HEADER = re.compile(
    r"^[ \t]*(?:OFFICE[ \t]+OF[ \t]+)?(?:THE[ \t]+)?POLICE(?P<fire>,?[ \t]+FIRE)?,?[ \t]+(?:&|AND)[ \t]+CRIME[ \t]+"
    r"COMMISSIONER[ \t]+FOR[ \t]+(?P<place>[A-Z ,&'-]+?)[ \t]*$", re.MULTILINE)
_BODY_HEADER = re.compile(r"^[ \t]*(?P<body>[A-Z][A-Z ,&'-]*\b(?:PANEL|BOARD|COMMITTEE|CABINET))[ \t]*$", re.MULTILINE)
_APPROVED_BY = re.compile(r"\b(?i:approved|agreed|decided|signed)\b[^.\n]{0,40}?\bby\s+the\s+(?P<who>(?:[A-Z][\w'’-]*"
                          r"(?:\s+(?:and|of|for|&)\s+|\s+)?){1,8})")
_APPROVAL = re.compile(r"has\s+my\s+approval|i\s+hereby\s+approve|i\s+approve\s+the|approved\s+(?:on\s.{0,30}?)?by\s+the|"
                       r"recommendations?\s+approved|has\s+decided\s+to|agrees\s+to\s+(?:award|allocate|approve|fund)",
                       re.IGNORECASE)
_REJECTION = re.compile(r"does\s+not\s+have\s+my\s+approval|i\s+hereby\s+reject(?!/)|~~approve~~|rejected",
                        re.IGNORECASE)
_SIGNATURE = re.compile(r"\bsign(?:ed|ature)\b|\bapprov", re.IGNORECASE)
# Never "Date of next meeting: 31/03/2020", a day still to come.
_SIGNATURE_DATE = re.compile(r"^[ \t]*(?:(?:Signature[ \t]+)?Date(?:d)?(?![ \t]+of[ \t]+(?:the[ \t]+)?next\b)|"
                             r"Signed(?:[ \t]+and[ \t]+dated)?(?:[ \t]+on)?)[ \t]*[:.\-]?[ \t]*", re.IGNORECASE | re.MULTILINE)
_BODY_ACTS = re.compile(r"\b[Tt]he\s+(?P<body>(?:[A-Z][\w'’&-]*\s+(?:and\s+|&\s+|of\s+|for\s+)?){0,6}"
                        r"(?:Panel|Board|Committee|Cabinet))\s+(?:received|considered|noted|resolved|discussed|met|"
                        r"agreed)")
_NUMBERED = re.compile(r"^[ \t]*(?P<n>\d{1,2}(?:\.\d{1,2}){0,3})[.)]?[ \t]+(?P<text>\S[\s\S]*)$")
_LETTERED = re.compile(r"^[ \t]*\(?(?P<n>[a-h]|i{1,3}|iv|v)\)[ \t]+(?P<text>\S[\s\S]*)$")
_RECOMMENDATIONS = re.compile(r"^[ \t]*(?:\d{1,2}\.?[ \t]+)?recommendations?[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE)
_RESOLVED = re.compile(r"^[ \t]*(?:it[ \t]+was[ \t]+)?(?:RESOLVED|AGREED|Resolved|Agreed)(?:[ \t]+that)?[ \t]*[:–-]?"
                       r"[ \t]*(?P<rest>.*)$", re.MULTILINE)
_YES = re.compile(r"checked|☒|☑|✓|✔|^\s*[Xx]\s*$|^\s*yes\s*$", re.IGNORECASE)
_SECTION_END = re.compile(r"^[ \t]*(?:supporting documents|signature|signed|date\b|i hereby|comments|police and crime "
                          r"commissioner\s*:?$|officer approval|publication date|reasons? for|background)",
                          re.IGNORECASE)
_VALUE_START = re.compile(r"[ \t]*" + _BULLET)  # spaces, and a list's bullet, before a field's value


def _norm(label: str) -> str:
    return " ".join(label.lower().replace("?", " ").split())


def labelled_fields(layout: Layout) -> dict[str, Found]:
    """The first value given for each known label, on the label's line or the next line."""
    text, found = layout.text, {}
    lines = [line for line in layout.lines if text[slice(*line)].strip()]
    for i, line in enumerate(lines):
        match = _LABEL_LINE.match(text, *line)
        if match:
            field = _field_of(match["label"])
            start, end = match.span("value")
        else:
            field = _field_of(text[slice(*line)].strip().rstrip("?"))
            field = field if field in _BARE_LABEL_FIELDS else None
            start = end = line[1]
        if not field or field in found:
            continue
        if start == end and i + 1 < len(lines) and not _LABEL_LINE.match(text, *lines[i + 1]):
            start, end = lines[i + 1][0], lines[i + 1][1]
            start = _VALUE_START.match(text, start, end).end()
        value = text[start:end].strip()
        if not value or value.lower() in {"n/a", "none", "-", "tbc"}:
            continue
        if field == "title" and re.search(r"\b(?:and|of|for|the|to|with|&|,)$", value) and i + 1 < len(lines):
            end = lines[i + 1][1]
            value = " ".join(text[start:end].split())
        found[field] = Found(value, [(start, end)])
    return found


def document_type(layout: Layout) -> str:
    text = layout.text
    first = next((text[slice(*ln)].strip() for ln in layout.lines if text[slice(*ln)].strip()), "")
    if first.lower().startswith("decision details") or (
            re.search(r"^\s*Decision Maker\s*:", text, re.M | re.I)
            and re.search(r"^\s*Decision status", text, re.M | re.I)):
        return "decision_details"
    if re.search(r"^\s*(?:it\s+was\s+)?(?:RESOLVED|AGREED)\b|^\s*Minutes\s*:?\s*$|^\s*MINUTES\b|^\s*Minutes\s+of\s+the\s+"
                 r"meeting", text, re.M):
        return "panel_minutes"
    if re.search(r"REQUEST\s+FOR\s+(?:A\s+)?DECISION", text, re.I) or (
            any(_RECOMMENDATIONS.match(text, *line) for line in layout.lines)
            and re.search(r"I\s+hereby\s+approve", text, re.I)):
        return "request_for_decision"
    return "decision_record"


_RECORD_PREFIX = re.compile(r"^(?:record\s+of\s+(?:a\s+)?decision|decision\s+record|decision\s+notice|decision)\s*[:–-]\s*",
                            re.IGNORECASE)
_NOT_A_TITLE = re.compile(r"decision\s+(?:record|notice|form)\s*$|request\s+for|commissioner\s+for|official|^minutes|"
                          r"^agenda|^part\s|^present\b|panel$|board$|committee$|^summary$|^background$|^purpose",
                          re.IGNORECASE)


_MARKS = {"decision details", "agenda item", "issue - decisions", "issue details", "issue - meetings"}
# A web page's own links and logos above its heading.
_WEB_FURNITURE = re.compile(r"\s*(?:skip\s+to\s+(?:main\s+)?content|home|[^\n]{0,60}\blogo\b[^\n]{0,60})\s*", re.I)


def title(layout: Layout, labelled: dict[str, Found], kind: str) -> Found:
    """A "Title:" field; else the line under "Decision details", "Agenda item" or ModernGov's "Issue - decisions";
    else the first heading-like line near the top (an agenda item number and "Record of decision:" dropped)."""
    if "title" in labelled:
        return labelled["title"]
    text = layout.text
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip() and not layout.is_furniture(ln)
             and not _WEB_FURNITURE.fullmatch(text[slice(*ln)])]
    # A page's heading may be repeated ("Decision details" twice): the title is the first line that is not it.
    marks = [re.sub(r"\s+", " ", text[slice(*line)].strip().lower()) in _MARKS for line in lines]
    for i in range(len(lines) - 1):
        if marks[i] and not marks[i + 1]:
            return _title_at(layout, lines, i + 1)
    items = [ln for ln in lines if re.match(r"\s*\d{1,2}\.?\s+[A-Z][^.]{0,80}$", text[slice(*ln)])]
    minutes = next((ln for ln in lines[:6] if re.match(r"\s*minutes\s+of\b", text[slice(*ln)], re.I)), None)
    if kind == "panel_minutes" and minutes and len(items) >= 2:
        return Found(" ".join(text[slice(*minutes)].split()), [_trim(text, minutes)])  # several items: no one title
    for i, line in enumerate(lines[:6]):
        content = text[slice(*line)].strip()
        if re.search(r"[.!?]$", content) and len(content.split()) > 6:
            break  # the prose has started: a heading after this is a section, not the title
        label = _LABEL_LINE.match(content)
        if (len(content.split()) <= 16 and not re.search(r"[.;:]$|£|\t", content) and not _NOT_A_TITLE.search(content)
                and not (label and _norm(label["label"]) in _LABEL_OF)
                and not re.search(r"\b(?:held|met)\s+on\b", content)):
            return _title_at(layout, lines, i)
    return Found()


def _title_at(layout: Layout, lines: list[Span], i: int) -> Found:
    text = layout.text
    start, end = _trim(text, lines[i])
    following = lines[i + 1] if i + 1 < len(lines) else None
    if following and re.fullmatch(r"\s*(?:\d{4}|[a-z][^.]{0,40})\s*", text[slice(*following)]):
        end = _trim(text, following)[1]  # a heading wrapped onto a second line
    value = " ".join(text[start:end].split())
    prefix = _RECORD_PREFIX.match(value) or re.match(r"^\d{1,2}\.?\s+(?=[A-Z])", value)
    if prefix:
        start += text[start:end].find(value[prefix.end():prefix.end() + 8])
        value = value[prefix.end():]
    return Found(_heading_case(value), [(start, end)])


def _trim(text: str, line: Span) -> Span:
    start, end = line
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


def _heading_case(value: str) -> str:
    if value.isupper():
        small = {"and", "of", "for", "the", "to", "in", "on", "a", "an", "with"}
        words = value.lower().split()
        return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))
    return value


def decision_maker(layout: Layout, labelled: dict[str, Found]) -> Found:
    """A "Decision maker:" field; else the commissioner or panel in the heading; else the role
    above "I hereby approve" (with the signatory's bracketed name); else "The ... Panel received"
    or "approved ... by the ..."."""
    if "decision_maker" in labelled:
        return labelled["decision_maker"]
    text = layout.text
    header = _COMMISSIONER_HEADER.search(text)
    if header:
        place = " ".join(w.capitalize() if w.lower() not in {"and", "of"} else w.lower()
                         for w in header["place"].replace("&", "and").split())
        office = "Police, Fire and Crime Commissioner" if header["fire"] else "Police and Crime Commissioner"
        return Found(f"{office} for {place}", [_trim(text, header.span())])
    body = _BODY_HEADER.search(text[:400])
    if body:
        return Found(_heading_case(" ".join(body["body"].split())), [body.span("body")])
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip() and not layout.is_furniture(ln)]
    for i, line in enumerate(lines[1:], 1):
        role = text[slice(*lines[i - 1])].strip()
        if _APPROVAL.search(text[slice(*line)]) and not re.search(r":\s*\S", role):  # a heading, not "Signed: x"
            role = role.rstrip(":").strip()
            if 2 <= len(role.split()) <= 8 and not re.search(r"[.;]", role):
                name = next((m for ln in lines[i + 1:i + 5] if (m := re.match(r"^\s*\((?P<n>[A-Z][^)]{2,60})\)\s*$",
                                                                                text[slice(*ln)]))), None)
                value = f"{role} ({name['n']})" if name else role
                return Found(value, [_trim(text, lines[i - 1])])
    for pattern, group in ((_BODY_ACTS, "body"), (_APPROVED_BY, "who")):
        match = pattern.search(text)
        if match and len(match[group].split()) >= 2:
            return Found(" ".join(match[group].split()).rstrip("."), [match.span(group)])
    return Found()


# A form's signature row with the date beside it: "Signature: ............   Date: 3rd May 2024".
_SIGNED_THEN_DATE = re.compile(r"[ \t]*(?:Signed|Signature)\b[^\n]{0,80}?[ \t]Date(?:d)?[ \t]*[:.\-]?[ \t]*", re.IGNORECASE)


def signature_date(layout: Layout, dates: list[DateMention]) -> Found:
    """The last "Date ..." line that closes a signature or approval block."""
    text = layout.text
    lines = [ln for ln in layout.lines if text[slice(*ln)].strip() and not layout.is_furniture(ln)]
    found = Found()
    for i, line in enumerate(lines):
        prefix = _SIGNATURE_DATE.match(text, *line) or _SIGNED_THEN_DATE.match(text, *line)
        if not prefix:
            continue
        on_line = [d for d in dates if prefix.end() <= d.start < line[1] and d.precision == "day"]
        before = " ".join(text[slice(*ln)] for ln in lines[max(0, i - 5):i]) + text[line[0]:prefix.end()]
        if on_line and _SIGNATURE.search(before):
            found = Found(on_line[0].first, [on_line[0].span])
    return found


def status(layout: Layout, labelled: dict[str, Found], kind: str) -> Found:
    """Approved, rejected or noted, from the published status or the approval wording."""
    if "status_text" in labelled:
        value = labelled["status_text"].value.lower()
        for word in ("rejected", "approved", "noted", "deferred"):
            if word in value:
                return Found({"deferred": "proposed"}.get(word, word), labelled["status_text"].spans)
    rejection, approval = _REJECTION.search(layout.text), _APPROVAL.search(layout.text)
    if rejection and not (approval and "~~reject~~" in layout.text[approval.start():approval.end() + 30]):
        return Found("rejected", [rejection.span()])
    if approval:
        return Found("approved", [approval.span()])
    if kind == "panel_minutes":
        return Found("noted")
    return Found()


def yes_no(found: Found | None) -> Found:
    if not found:
        return Found()
    value = found.value.strip().lower()
    if value.startswith("yes"):
        return Found(True, found.spans)
    if value.startswith("no"):
        return Found(False, found.spans)
    return Found()


def _paragraphs_after(layout: Layout, position: int) -> list[Span]:
    return [p for p in layout.paragraphs if p[0] >= position and not layout.is_furniture(p)]


def _numbered_list(layout: Layout, paragraphs: list[Span]) -> list[tuple[str, Span, Span]]:
    """(number, text span, whole span) of consecutive numbered paragraphs; sub-headings between
    items are skipped, anything else ends the list."""
    text, items = layout.text, []
    for i, paragraph in enumerate(paragraphs):
        content = text[slice(*paragraph)]
        match = _NUMBERED.match(content) or _LETTERED.match(content)
        if match:
            number = match["n"]
            if items and not _continues(items[-1][0], number):
                break
            items.append((number, (paragraph[0] + match.start("text"), paragraph[1]), paragraph))
            continue
        if _SECTION_END.match(content):
            break
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        nxt = _NUMBERED.match(text[slice(*following)]) if following else None
        if not (nxt and (not items or _continues(items[-1][0], nxt["n"])) and len(content.split()) <= 10):
            break  # a sub-heading is followed by the next item; anything else ends the list
    return items


def _continues(previous: str, number: str) -> bool:
    if "." in previous or "." in number:
        return previous.split(".")[0] == number.split(".")[0]
    if previous.isdigit() and number.isdigit():
        return int(number) == int(previous) + 1
    return not previous.isdigit() and not number.isdigit()


def recommendations(layout: Layout) -> list[Recommendation]:
    text, found = layout.text, {}
    for line in layout.lines:
        if not _RECOMMENDATIONS.match(text, *line):
            continue
        for number, span, _whole in _numbered_list(layout, _paragraphs_after(layout, line[1])):
            if number in found:
                found[number].spans.append(span)
            else:
                found[number] = Recommendation(number, " ".join(text[slice(*span)].split()), [span])
    return list(found.values())


def resolutions(layout: Layout) -> list[tuple[str, str, Span]]:
    """(number, text, span) of each resolution under a RESOLVED heading."""
    text, found = layout.text, []
    for line in layout.lines:
        match = _RESOLVED.match(text, *line)
        if not match or (match["rest"] and not match["rest"][:1].isupper() and not match["rest"].startswith("that")):
            continue
        if match["rest"].strip():
            span = match.span("rest")
            found.append(("", " ".join(text[slice(*span)].split()), span))
            continue
        for number, span, _ in _numbered_list(layout, _paragraphs_after(layout, line[1])):
            found.append((number, " ".join(text[slice(*span)].split()), span))
    return found


def implications(layout: Layout) -> list[Implication]:
    """The Yes / No checklist of a decision record form."""
    text, found = layout.text, []
    columns = None
    for line in layout.lines:
        cells = [c.strip() for c in text[slice(*line)].split("\t")]
        if columns is None:
            lowered = [c.lower() for c in cells]
            if "yes" in lowered and "no" in lowered:
                columns = (lowered.index("yes"), lowered.index("no"))
            continue
        if len(cells) < 2 or not re.match(r"[A-Za-z]", cells[0]):
            if found:
                break
            continue
        yes = cells[columns[0]] if columns[0] < len(cells) else ""
        no = cells[columns[1]] if columns[1] < len(cells) else ""
        considered = True if _YES.search(yes) else False if _YES.search(no) else None
        start = line[0] + text[slice(*line)].find(cells[0])
        found.append(Implication(cells[0], considered, [(start, start + len(cells[0]))]))
    return found


def decision_text(layout: Layout) -> Found:
    """The paragraphs under a "Decision:" heading, up to the next labelled line or heading."""
    text = layout.text
    for line in layout.lines:
        if not re.match(r"^[ \t]*(?:the[ \t]+)?decision[ \t]*:[ \t]*$", text[slice(*line)], re.IGNORECASE):
            continue
        parts = []
        for paragraph in _paragraphs_after(layout, line[1]):
            content = text[slice(*paragraph)]
            if _LABEL_LINE.match(content.split("\n")[0]) and len(content) < 200 or _SECTION_END.match(content):
                break
            parts.append(paragraph)
            if sum(e - s for s, e in parts) > 3000:
                break
        if parts:
            return Found("\n\n".join(" ".join(text[s:e].split()) for s, e in parts), [(parts[0][0], parts[-1][1])])
    return Found()
