"""What a runway puts at risk beside the money, in the runway's response (funding/risks.py)."""

from datetime import date
from typing import Literal

from ninja import Schema
from pydantic import Field


class StrandedCasesOut(Schema):
    provider_id: int
    provider: str
    active_cases: int = Field(description="Cases of the programme open on `today` that this provider delivers.")


class FundingRiskOut(Schema):
    agreement_id: int
    partner: str = Field(description="Whose contribution depends on the funding.")
    funding: str
    status: Literal["unknown", "confirmed", "not_forthcoming"]
    known_by: date | None
    message: str
