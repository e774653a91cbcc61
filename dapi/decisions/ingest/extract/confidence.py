"""How sure the draft is of each value, from what the extractor saw when it read it.

Nothing here changes what the extractor finds: it looks at a finished `Draft` (its values, their
spans in the source text, the warnings on them) and scores each reviewable value from 0 to 1 with
the reasons it was marked down, so that the review puts a person's time first where a value was
read from the least evidence. Django-free, like the rest of `extract/`.
"""

import re
from dataclasses import dataclass, field

from .draft import Action, Draft, Found, MoneyItem

LOW, MEDIUM, HIGH = "low", "medium", "high"
# Where a sentence ends: a full stop, question or exclamation mark before a space, a heading's colon
# at the end of its line ("awarded to X:" above a list), or a blank line.
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|:[ \t]*\n|\n\s*\n")
_DATE_LABELS = re.compile(r"decision|decided|signed|approved|agreed|date of|meeting", re.I)


@dataclass
class Confidence:
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def level(self) -> str:
        return LOW if self.score < 0.5 else MEDIUM if self.score < 0.8 else HIGH

    def to_dict(self) -> dict:
        return {"score": self.score, "level": self.level, "reasons": list(self.reasons)}


def _score(start: float, cuts: list[tuple[bool, float, str]]) -> Confidence:
    score, reasons = start, []
    for applies, cut, reason in cuts:
        if applies:
            score -= cut
            reasons.append(reason)
    return Confidence(round(max(0.0, min(1.0, score)), 2), reasons)


def same_sentence(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans of `text` lie in one sentence (nothing between them ends a sentence)."""
    first, second = sorted([a, b])
    return _SENTENCE_END.search(text, first[1], max(first[1], second[0])) is None


def money_confidence(draft: Draft, item: MoneyItem, *, historical: bool = False) -> Confidence:
    """A money line: marked down for a warning on it, an unrecognised role, a counterparty not found
    or found only in a neighbouring sentence (or not beside it at all), an amount written without a
    £ sign outside a table, an approximate amount, and money dated before the decision's period."""
    text = draft.text
    amount_text = " ".join(text[s:e] for s, e in item.spans)
    named_beside = bool(item.counterparty_spans)
    neighbouring = named_beside and bool(item.spans) and not any(
        same_sentence(text, amount, span) for amount in item.spans for span in item.counterparty_spans)
    party = item.role not in ("total", "other")
    bare = bool(item.spans) and "£" not in amount_text and "gbp" not in amount_text.lower()
    return _score(1.0, [
        (bool(item.warning), 0.5, "the extractor flagged it (see above)"),
        (item.role == "other", 0.55, "its role was not recognised"),
        (party and not item.counterparty, 0.4, "no counterparty was found"),
        (party and bool(item.counterparty) and not named_beside, 0.3,
         "the counterparty was not named beside the amount"),
        (party and neighbouring, 0.25, "the counterparty was named in a neighbouring sentence, not the amount's"),
        (bare and item.row, 0.1, "the amount has no £ sign of its own (a figure in a table)"),
        (bare and not item.row, 0.2, "the amount has no £ sign"),
        (item.qualifier in ("approximately", "over"), 0.1, f"the amount is “{item.qualifier}” a figure"),
        (historical, 0.2, "it is dated before this decision's period"),
    ])


def found_confidence(draft: Draft, found: Found, what: str) -> Confidence:
    """A single value (the reference): none when not found; marked down when it has no place in
    the text, or was read far from any label naming it."""
    if found.value in (None, ""):
        return Confidence(0.0, [f"no {what} was found"])
    return _score(0.95, [(not found.spans, 0.45, f"the {what} was not read from one place in the text")])


def date_confidence(draft: Draft, found: Found, what: str) -> Confidence:
    """A date: marked down when its line names no decision, signature, approval or meeting (a
    date read from a bare "Date" field or from a line of its own)."""
    if found.value is None:
        return Confidence(0.0, [f"no {what} was found"])
    if not found.spans:
        return Confidence(0.5, [f"the {what} was not read from one place in the text"])
    start = found.spans[0][0]
    line_start = draft.text.rfind("\n", 0, start) + 1
    line_end = draft.text.find("\n", start)
    line = draft.text[line_start:line_end if line_end != -1 else len(draft.text)]
    labelled = bool(_DATE_LABELS.search(line)) or (what == "publication date" and "publi" in line.lower())
    return _score(0.95, [(not labelled, 0.35, f"the line it was read from does not say it is the {what}")])


def action_confidence(action: Action) -> Confidence:
    """An action or resolution: marked down when it has no due date, and when it was read from a
    sentence of the text rather than a numbered resolution."""
    return _score(0.9, [(action.due is None, 0.4, "no due date was found"),
                        (action.kind != "resolution" and not action.number, 0.15,
                         "it was read from a sentence, not from a numbered resolution")])


def field_confidences(draft: Draft) -> dict[str, Confidence]:
    """The confidence of the reference and the dates, by the review form's field names."""
    return {"reference": found_confidence(draft, draft.reference, "reference"),
            "decision_date": date_confidence(draft, draft.decision_date, "decision date"),
            "publication_date": date_confidence(draft, draft.publication_date, "publication date")}
