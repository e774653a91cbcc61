"""Spend returns as JSON: the provider submits one for a quarter of its agreement, the commissioner
accepts or queries it. Reads go through access.py; writes through services.py, as on the pages."""

from django.core.exceptions import ValidationError
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from dapi.lib.api import LIST_ERRORS, Computed, READ_ERRORS, WRITE_ERRORS, ErrorOut, Pages
from dapi.lib.money import FinancialYear

from . import access, services
from .schemas import ReviewIn, SpendReturnIn, SpendReturnOut

router = Router(tags=["spend returns"])


def _out(spend_return) -> dict:
    return {
        "id": spend_return.pk, "agreement_id": spend_return.agreement_id,
        "financial_year": str(FinancialYear(spend_return.financial_year)), "quarter": spend_return.quarter,
        "period_start": spend_return.period_start, "period_end": spend_return.period_end, "due_on": spend_return.due_on,
        "late": spend_return.is_late,
        "amount": spend_return.amount, "profile": spend_return.profile, "explanation": spend_return.explanation,
        "status": spend_return.status, "submitted_on": spend_return.submitted_on,
        "reviewed_on": spend_return.reviewed_on, "review_note": spend_return.review_note,
        "version": spend_return.version,
        "lines": [{"budget_line": line.budget_line, "amount": line.amount} for line in spend_return.lines.all()],
    }


@router.get("/spend-returns", response={200: list[SpendReturnOut], **LIST_ERRORS},
            summary="Spend returns of the agreements you may see")
@paginate(Pages)
def list_spend_returns(request, agreement: int | None = Query(None, description="Only this agreement's returns.")):
    returns = access.spend_return_list_for(request.auth).prefetch_related("lines").order_by("pk")
    return Computed(returns.filter(agreement=agreement) if agreement else returns, _out)


@router.get("/spend-returns/{return_id}", response={200: SpendReturnOut, **READ_ERRORS}, summary="One spend return")
def get_spend_return(request, return_id: int):
    return _out(access.spend_return_get_for(request.auth, return_id))


@router.post("/agreements/{agreement_id}/spend-returns", response={201: SpendReturnOut, **WRITE_ERRORS},
             summary="Submit a quarter's spend return for your organisation's agreement (again, once queried)")
def submit_spend_return(request, agreement_id: int, payload: SpendReturnIn):
    agreement = access.agreement_to_return(request.auth, agreement_id)
    try:
        year = FinancialYear.parse(payload.financial_year).start_year
    except ValueError:
        raise ValidationError({"financial_year": f"{payload.financial_year!r} is not a financial year: "
                                                 f"write it like 2023/24."}) from None
    spend_return = services.spend_return_submit(
        by=request.auth, agreement=agreement, financial_year=year, quarter=payload.quarter,
        lines=[line.model_dump() for line in payload.lines], explanation=payload.explanation)
    return Status(201, _out(spend_return))


@router.post("/spend-returns/{return_id}/review", response={201: SpendReturnOut, 409: ErrorOut, **WRITE_ERRORS},
             summary="Accept or query a submitted spend return (optimistic concurrency by `version`)")
def review_spend_return(request, return_id: int, payload: ReviewIn):
    spend_return = access.spend_return_to_review(request.auth, return_id)
    done = services.spend_return_review(by=request.auth, spend_return=spend_return, **payload.model_dump())
    return Status(201, _out(done))
