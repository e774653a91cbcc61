"""The shape of a document's text: lines, paragraphs and sentences, each as a (start, end) span.

Text from a PDF is wrapped at the page width, text from a .txt or .docx file usually has one
paragraph per line; both are handled by treating a line much shorter than the document's usual
line as the end of a paragraph (a heading, a table row, the last line of a paragraph).
"""

import re
from collections import Counter
from dataclasses import dataclass, field

Span = tuple[int, int]

_LIST_MARKER = re.compile(r"\s*(?:[-•*–▪◦]\s|\d+(?:\.\d+)*[.)]\s|\d+\.\d+(?:\.\d+)*\s|\(?[a-z]{1,3}\)\s|[A-Z]\.\s)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[A-Z£0-9“\"(‘'])")
_ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|etc|no|nos|mr|mrs|ms|dr|st|cllr|approx|p\.a|vs|ref|para|s|cf|op|inc)|\b[A-Z])\.$",
                           re.IGNORECASE)


@dataclass
class Layout:
    text: str
    lines: list[Span] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    furniture: set[str] = field(default_factory=set)
    wrapped: bool = False

    def line_text(self, span: Span) -> str:
        return self.text[span[0]:span[1]]

    def sentence_at(self, position: int) -> Span:
        return _containing(self.sentences, position)

    def paragraph_at(self, position: int) -> Span:
        return _containing(self.paragraphs, position)

    def line_index(self, position: int) -> int:
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.lines[mid][0] <= position:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def is_furniture(self, span: Span) -> bool:
        return _key(self.line_text(span)) in self.furniture


def _containing(spans: list[Span], position: int) -> Span:
    lo, hi = 0, len(spans) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if spans[mid][0] <= position:
            lo = mid
        else:
            hi = mid - 1
    if spans and spans[lo][0] <= position <= spans[lo][1]:
        return spans[lo]
    return (position, position)


def _key(line: str) -> str:
    return " ".join(line.split()).lower()


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


def analyse(text: str) -> Layout:
    layout = Layout(text)
    position = 0
    for raw in text.split("\n"):
        layout.lines.append((position, position + len(raw)))
        position += len(raw) + 1
    lengths = sorted(len(text[s:e].strip()) for s, e in layout.lines if text[s:e].strip())
    p90 = lengths[int(len(lengths) * 0.9)] if lengths else 0
    layout.wrapped = 0 < p90 <= 150
    short = max(30, int(p90 * 0.6)) if layout.wrapped else 0
    counts = Counter(_key(text[s:e]) for s, e in layout.lines if 0 < len(text[s:e].strip()) < 40)
    layout.furniture = {line for line, n in counts.items() if n >= 3 and not re.search(r"£|\d{3}", line)}

    def breaks_after(i: int) -> bool:
        line = text[slice(*layout.lines[i])]
        following = text[slice(*layout.lines[i + 1])] if i + 1 < len(layout.lines) else ""
        if not line.strip() or not following.strip() or "\t" in line or "\t" in following:
            return True
        if _LIST_MARKER.match(following) or _key(line) in layout.furniture or _key(following) in layout.furniture:
            return True
        if not layout.wrapped:
            # One paragraph per line, except a long line cut off mid-sentence (a copied web page).
            return len(line.strip()) < 50 or bool(re.search(r"[.:;!?)\]\"”’]\s*$|£[\d,.]+\s*$", line))
        return len(line.strip()) < short or line.rstrip().endswith(":")

    for target in (layout.paragraphs, layout.sentences):
        start = 0
        for i, (_s, e) in enumerate(layout.lines):
            if breaks_after(i):
                span = _strip(text, layout.lines[start][0], e)
                if span[0] < span[1]:
                    target.append(span)
                start = i + 1
    layout.sentences = [piece for span in layout.sentences for piece in _split_sentences(text, span)]
    return layout


def _split_sentences(text: str, span: Span) -> list[Span]:
    pieces, start = [], span[0]
    for match in _SENTENCE_END.finditer(text, span[0], span[1]):
        head = text[max(start, match.start() - 12):match.start()]
        if _ABBREVIATION.search(head):
            continue
        pieces.append(_strip(text, start, match.start()))
        start = match.end()
    pieces.append(_strip(text, start, span[1]))
    return [p for p in pieces if p[0] < p[1]]
