"""Request and response bodies of spend returns in the funding API."""

from datetime import date
from enum import StrEnum

from ninja import Schema
from pydantic import Field

from ..schemas.ledger import Money, MoneyIn
from .models import ReturnStatus


class LineOut(Schema):
    budget_line: str
    amount: Money


class SpendReturnOut(Schema):
    id: int
    agreement_id: int
    financial_year: str
    quarter: int
    period_start: date
    period_end: date
    due_on: date
    late: bool = Field(description="Submitted after its due date.")
    amount: Money
    profile: Money | None = Field(description="The agreement's value shared into the quarter; None when not stated.")
    explanation: str
    status: ReturnStatus
    submitted_on: date | None
    reviewed_on: date | None
    review_note: str
    version: int
    lines: list[LineOut]


class LineIn(Schema):
    budget_line: str = Field(min_length=1, max_length=120)
    amount: MoneyIn


class SpendReturnIn(Schema):
    financial_year: str = Field(description="The financial year, like 2023/24.")
    quarter: int = Field(description="1 (April to June) to 4 (January to March).")
    lines: list[LineIn] = Field(max_length=50)
    explanation: str = Field("", description="Needed when spend differs from the profile by more than the share set.")


class ReviewDecision(StrEnum):
    ACCEPT = "accept"
    QUERY = "query"


class ReviewIn(Schema):
    decision: ReviewDecision
    note: str = Field("", description="Needed for a query.")
    version: int | None = Field(None, description="The version you read; a return changed since is refused (409).")
