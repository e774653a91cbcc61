"""Request and response bodies of agreements' targets and KPIs in the funding API."""

from datetime import date
from decimal import Decimal
from enum import StrEnum

from ninja import Schema
from pydantic import Field

from ..models import Measure


class TargetStatus(StrEnum):
    """Actual against the target pro rata (funding.targets)."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class TargetOut(Schema):
    id: int
    agreement_id: int
    measure: Measure
    label: str
    financial_year: str
    period_start: date
    period_end: date
    target: int
    expected: Decimal = Field(description="The target pro rata to the days of the period gone by the date asked.")
    actual: int | None = Field(description="Counted from the case data, or entered by the provider; None: not entered.")
    source: str = Field(description="case data or provider")
    status: TargetStatus | None = Field(description="None when there is nothing to judge yet.")
    version: int


class TargetIn(Schema):
    measure: Measure
    name: str = Field("", description="For a measure the provider enters: what is counted.")
    financial_year: str = Field(description="Like 2023/24.")
    target: int = Field(ge=0, le=1_000_000)


class ActualIn(Schema):
    actual: int = Field(ge=0, le=1_000_000)
    version: int | None = Field(None, description="The version you read; a target changed since is refused (409).")
