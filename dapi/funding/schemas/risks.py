"""The runway's states and options, and what a runway puts at risk beside the money, in the runway's
response (funding/runway.py, funding/risks.py)."""

from datetime import date
from enum import StrEnum

from ninja import Schema
from pydantic import Field

from ..models import FundingStatus


class RunwayState(StrEnum):
    """funded: approved funding runs past the horizon; ended: the programme has ended; unfunded: it
    runs out before the horizon (funding.runway)."""

    FUNDED = "funded"
    ENDED = "ended"
    UNFUNDED = "unfunded"


class OptionKey(StrEnum):
    """The options appraisal's four courses at a cliff edge."""

    BID = "bid"
    EXTEND = "extend"
    LOCAL = "local"
    CLOSE = "close"


class StrandedCasesOut(Schema):
    provider_id: int
    provider: str
    active_cases: int = Field(description="Cases of the programme open on `today` that this provider delivers.")


class FundingRiskOut(Schema):
    agreement_id: int
    partner: str = Field(description="Whose contribution depends on the funding.")
    funding: str
    status: FundingStatus
    known_by: date | None
    message: str
