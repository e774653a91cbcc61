"""Case numbers as JSON, under the same disclosure control as the dashboards.

Commissioners and finance officers who see a programme's ledger get exact counts; everyone else
who sees the programme (its providers' managers) gets them as the programme's dashboard shows
them: 1-4 as null with "<5" in `suppressed`, and further counts hidden where a total would give
a small one away (`[c]`).
"""

from enum import StrEnum

from ninja import Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from dapi.cases.models import CaseStatus
from dapi.funding.schemas import ProgrammeRef
from dapi.lib.api import LIST_ERRORS, Pages

from . import selectors

router = Router(tags=["cases"])


class Disclosure(StrEnum):
    EXACT = "exact"
    PUBLISHED = "published"


class ProgrammeCasesOut(Schema):
    programme: ProgrammeRef
    disclosure: Disclosure = Field(
        description="exact: every count as counted (commissioners of the programme); published: under disclosure "
                    "control, hidden counts null and named in `suppressed`.")
    referrals: int | None
    accepted: int | None
    declined: int | None
    cases: int | None
    by_status: dict[CaseStatus, int | None] = Field(description="Cases by status, every status named.")
    victims: int | None
    victims_offered_support: int | None
    victims_engaged_with_support: int | None
    children: int | None
    suppressed: dict[str, str] = Field(
        description='Each hidden count by name ("by_status.active" for a status): "<5" for a count of 1-4, "[c]" '
                    "for a count hidden so that a small one cannot be worked out from the totals.")


NAMES = {"referrals": "referrals", "accepted": "accepted", "declined": "declined", "cases": "cases",
         "victims": "victims", "offered": "victims_offered_support", "engaged": "victims_engaged_with_support",
         "children": "children"}


@router.get("/case-numbers", response={200: list[ProgrammeCasesOut], **LIST_ERRORS},
            summary="Case numbers per programme you commission or deliver (no case is named)")
@paginate(Pages)
def list_case_numbers(request):
    out = []
    for row in selectors.case_numbers(request.auth):
        cells = {NAMES[k]: row[k] for k in NAMES} | {f"by_status.{s}": c for s, c in row["by_status"].items()}
        out.append({"programme": row["programme"], "disclosure": "exact" if row["exact"] else "published",
                    **{name: None if cell.hidden else cell.value for name, cell in cells.items()
                       if not name.startswith("by_status.")},
                    "by_status": {s: None if c.hidden else c.value for s, c in row["by_status"].items()},
                    "suppressed": {name: cell.text for name, cell in cells.items() if cell.hidden}})
    return out
