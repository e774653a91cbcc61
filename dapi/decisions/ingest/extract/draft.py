"""What the extractor proposes: a draft decision with every value's place in the source text.

`to_json` is the public shape printed by `dapi ingest --json`; `to_dict`/`from_dict` keep
everything (spans, recommendations, checklist, reconciliations) for the review page.
"""

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

Span = tuple[int, int]
ROLES = ("award", "grant", "contract", "allocation", "contribution", "match", "total", "other")


@dataclass
class Found:
    """A value read from the text and where: spans are (start, end) offsets into the source."""

    value: object = None
    spans: list[Span] = field(default_factory=list)


@dataclass
class MoneyItem:
    amount: Decimal
    role: str
    counterparty: str | None = None
    per_annum: bool = False
    start: date | None = None
    end: date | None = None
    spans: list[Span] = field(default_factory=list)
    counterparty_spans: list[Span] = field(default_factory=list)
    date_spans: list[Span] = field(default_factory=list)
    qualifier: str = ""  # "up to", "over", "approximately"
    label: str = ""  # the row label or the sentence it was read from
    counterparty_is_self: bool = False
    row: bool = False
    warning: str = ""  # why a reviewer must check this line: a figure or a name that could not be read for certain


@dataclass
class Action:
    text: str
    due: date | None
    kind: str  # "resolution" or "deadline"
    number: str = ""
    spans: list[Span] = field(default_factory=list)
    due_note: str = ""


@dataclass
class Recommendation:
    number: str
    text: str
    spans: list[Span] = field(default_factory=list)


@dataclass
class Implication:
    topic: str
    considered: bool | None
    spans: list[Span] = field(default_factory=list)


@dataclass
class Reconciliation:
    total: int  # index into money
    parts: list[int]
    kind: str  # "breakdown" (rows under or beside the total) or "sources" (award plus match)
    label: str = ""

    def stated(self, money: list[MoneyItem]) -> Decimal:
        return money[self.total].amount

    def computed(self, money: list[MoneyItem]) -> Decimal:
        return sum((money[i].amount for i in self.parts), Decimal("0.00"))

    def reconciles(self, money: list[MoneyItem]) -> bool:
        return self.stated(money) == self.computed(money)


@dataclass
class Draft:
    text: str
    document_type: str = "decision_record"
    reference: Found = field(default_factory=Found)
    title: Found = field(default_factory=Found)
    decision_maker: Found = field(default_factory=Found)
    status_text: Found = field(default_factory=Found)
    status: Found = field(default_factory=Found)  # value: "approved", "rejected", "noted" or "proposed"
    decision_date: Found = field(default_factory=Found)
    publication_date: Found = field(default_factory=Found)
    is_key_decision: Found = field(default_factory=Found)
    is_subject_to_call_in: Found = field(default_factory=Found)
    lead_officer: Found = field(default_factory=Found)
    decision_text: Found = field(default_factory=Found)
    period: Found = field(default_factory=Found)  # value: (start, end)
    extension_months: Found = field(default_factory=Found)  # how far options to extend reach, in months
    break_notice_months: Found = field(default_factory=Found)  # a break clause's notice, in months
    money: list[MoneyItem] = field(default_factory=list)
    organisations: list[Found] = field(default_factory=list)  # value: the name
    actions: list[Action] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    implications: list[Implication] = field(default_factory=list)
    reconciliations: list[Reconciliation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        """The object `dapi ingest --json` prints: exactly the keys the issue specifies."""
        period = self.period.value
        return {
            "reference": self.reference.value,
            "title": self.title.value,
            "decision_maker": self.decision_maker.value,
            "decision_date": _iso(self.decision_date.value),
            "publication_date": _iso(self.publication_date.value),
            "period": {"start": _iso(period[0]), "end": _iso(period[1])} if period else None,
            "money": [{"amount": f"{m.amount:.2f}", "counterparty": m.counterparty, "per_annum": m.per_annum,
                       "role": m.role, "start": _iso(m.start), "end": _iso(m.end)} for m in self.money],
            "organisations": [o.value for o in self.organisations],
            "actions": [{"text": a.text, "due": _iso(a.due)} for a in self.actions],
            "warnings": list(self.warnings),
        }

    def to_dict(self) -> dict:
        """Everything, JSON-serialisable, for storing the draft until it is confirmed."""
        return _plain(asdict(self))

    @classmethod
    def from_dict(cls, data: dict) -> "Draft":
        data = dict(data)
        found = {name: _found(data.pop(name, None)) for name in (
            "reference", "title", "decision_maker", "status_text", "status", "decision_date", "publication_date",
            "is_key_decision", "is_subject_to_call_in", "lead_officer", "decision_text", "period",
            "extension_months", "break_notice_months")}
        for name in ("decision_date", "publication_date"):
            found[name].value = _day(found[name].value)
        if found["period"].value:
            found["period"].value = tuple(_day(v) for v in found["period"].value)
        return cls(
            text=data["text"], document_type=data.get("document_type", "decision_record"), **found,
            money=[MoneyItem(**{**m, "amount": Decimal(m["amount"]), "start": _day(m["start"]), "end": _day(m["end"]),
                                **_spans(m, "spans", "counterparty_spans", "date_spans")})
                   for m in data.get("money", [])],
            organisations=[_found(o) for o in data.get("organisations", [])],
            actions=[Action(**{**a, "due": _day(a["due"]), **_spans(a, "spans")}) for a in data.get("actions", [])],
            recommendations=[Recommendation(**{**r, **_spans(r, "spans")}) for r in data.get("recommendations", [])],
            implications=[Implication(**{**i, **_spans(i, "spans")}) for i in data.get("implications", [])],
            reconciliations=[Reconciliation(**r) for r in data.get("reconciliations", [])],
            warnings=list(data.get("warnings", [])),
        )


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _day(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _spans(item: dict, *names) -> dict:
    return {name: [tuple(s) for s in item.get(name, [])] for name in names}


def _found(item) -> Found:
    if not item:
        return Found()
    return Found(item.get("value"), [tuple(s) for s in item.get("spans", [])])


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    return value
