"""Request and response bodies of contract events, grant conditions and co-funding in the funding API.
Every write answers with the agreement's events and rules as they are after it (`ContractOut`)."""

from datetime import date
from decimal import Decimal
from enum import StrEnum

from ninja import Schema
from pydantic import Field

from dapi.accounts.schemas import OrganisationRef

from ..models import AgreementStatus, FundingStatus
from ..schemas import Money, MoneyIn
from ..schemas.ledger import OrganisationField
from .selectors import ContractPanel


class HistoryOut(Schema):
    on: date
    kind: str
    text: str
    decision_ids: list[int]


class ConditionOut(Schema):
    id: int
    text: str
    due_on: date | None
    met_on: date | None
    overdue: bool
    evidence: str
    evidence_url: str


class MirrorOut(Schema):
    id: int
    partner: OrganisationRef = Field(description="May reduce its contribution by the same percentage as `follows` cuts.")
    follows: OrganisationRef
    source: str


class FundingConditionOut(Schema):
    id: int
    partner: OrganisationRef = Field(description="Whose contribution depends on the funding.")
    funding: str
    funder: OrganisationRef | None
    status: FundingStatus
    known_by: date | None
    unmet: bool = Field(description="Not forthcoming, or still unknown after `known_by`: a risk on the runway.")
    source: str


class ChangeOut(Schema):
    partner: OrganisationRef
    before: Money
    after: Money
    mirrored: bool


class PartnerYearsOut(Schema):
    partner: OrganisationRef
    current: dict[str, Money] = Field(description="By financial year, e.g. {\"2024/25\": \"70000.00\"}.")
    proposed: dict[str, Money]


class ProposedCutOut(Schema):
    id: int
    partner: OrganisationRef
    from_year: str
    percentage: Decimal | None
    amount: Money | None
    recorded_on: date
    summary: str
    percentage_applied: Decimal | None = Field(description="The cut as a percentage of the partner's money that year.")
    changes: list[ChangeOut] = Field(description="The cut and the reductions that mirror it, in its first year.")
    schedule: list[PartnerYearsOut] = Field(description="The schedule by partner and year, now and if approved.")
    refused: str = Field(description="Why the cut no longer fits the schedule; empty when it does.")


class ContractOut(Schema):
    agreement_id: int
    end: date
    value: Money | None
    status: AgreementStatus
    extension_until: date | None
    version: int
    last_notice_day: date | None = Field(description="The last day break-clause notice can be given to end the "
                                                     "agreement before its end; null without a break clause.")
    history: list[HistoryOut]
    conditions: list[ConditionOut]
    mirrored_reductions: list[MirrorOut]
    funding_conditions: list[FundingConditionOut]
    funding_risks: list[str]
    proposed_cuts: list[ProposedCutOut] = Field(description="Co-funders' cuts awaiting a decision: nothing in the "
                                                            "ledger changes until one is applied.")
    can_change: bool


def _org(o) -> dict | None:
    return None if o is None else {"id": o.pk, "name": o.name}


def contract_out(c: ContractPanel) -> dict:
    a = c.agreement
    cuts = []
    for p in c.proposed_cuts:
        cut, pr = p.cut, p.proposal
        cuts.append({
            "id": cut.pk, "partner": _org(cut.partner), "from_year": f"{cut.from_year}/{(cut.from_year + 1) % 100:02d}",
            "percentage": cut.percentage, "amount": cut.amount, "recorded_on": cut.recorded_on, "summary": p.summary,
            "percentage_applied": pr.percentage if pr else None, "refused": p.refused,
            "changes": [{"partner": _org(ch.partner), "before": ch.before, "after": ch.after, "mirrored": ch.mirrored}
                        for ch in pr.changes] if pr else [],
            "schedule": [{"partner": _org(row.partner), "current": {str(fy): v for fy, v in row.current.items()},
                          "proposed": {str(fy): v for fy, v in row.proposed.items()}} for row in pr.partners] if pr else [],
        })
    return {
        "agreement_id": a.pk, "end": a.end, "value": a.value, "status": a.status, "extension_until": a.extension_until,
        "version": a.version, "last_notice_day": c.last_notice_day, "can_change": c.can_change,
        "history": [{"on": h.on, "kind": h.kind, "text": h.text, "decision_ids": [d.pk for d in h.decisions]}
                    for h in c.history],
        "conditions": [{"id": r.condition.pk, "text": r.condition.text, "due_on": r.condition.due_on,
                        "met_on": r.condition.met_on, "overdue": r.overdue, "evidence": r.condition.evidence,
                        "evidence_url": r.condition.evidence_url} for r in c.conditions],
        "mirrored_reductions": [{"id": m.pk, "partner": _org(m.partner), "follows": _org(m.follows), "source": m.source}
                                for m in c.mirror_rules],
        "funding_conditions": [{"id": f.pk, "partner": _org(f.partner), "funding": f.funding, "funder": _org(f.funder),
                                "status": f.status, "known_by": f.known_by, "unmet": unmet, "source": f.source}
                               for f, unmet in c.funding_conditions],
        "funding_risks": [r.message for r in c.risks],
        "proposed_cuts": cuts,
    }


DecisionId = Field(None, description="The approving decision record: an approved one of the programme's.")


class ExtensionIn(Schema):
    exercised_on: date = Field(description="The day the extension was agreed (not after today).")
    new_end: date = Field(description="After the current end, not after `extension_until`.")
    decision_id: int | None = DecisionId
    new_value: MoneyIn | None = Field(None, description="The agreement's total value after the extension, if it adds money.")
    note: str = ""


class VariationIn(Schema):
    varied_on: date
    description: str = Field(description="What changes and why.")
    decision_id: int | None = DecisionId
    new_value: MoneyIn | None = None
    new_end: date | None = None


class NoticeGivenBy(StrEnum):
    COMMISSIONER = "commissioner"
    PROVIDER = "provider"


class BreakNoticeIn(Schema):
    given_on: date
    given_by: NoticeGivenBy
    effective_on: date = Field(description="The agreement's last day under the notice.")
    note: str = ""


class TerminationIn(Schema):
    terminated_on: date
    reason: str


class ConditionIn(Schema):
    text: str
    due_on: date | None = None


class ConditionMetIn(Schema):
    met_on: date
    evidence: str = ""
    evidence_url: str = ""


class MirrorIn(Schema):
    partner: OrganisationField
    follows: OrganisationField
    source: str = ""


class FundingConditionIn(Schema):
    partner: OrganisationField
    funding: str
    funder: OrganisationField | None = None
    status: FundingStatus = FundingStatus.UNKNOWN
    known_by: date | None = None
    source: str = ""


class FundingStatusIn(Schema):
    status: FundingStatus
    known_by: date | None = None


class CutIn(Schema):
    partner: OrganisationField
    from_year: str = Field(description="The financial year the cut starts, e.g. \"2024/25\".", examples=["2024/25"])
    percentage: Decimal | None = Field(None, description="Over 0 and at most 100; or give `amount`.")
    amount: MoneyIn | None = Field(None, description="The cut a year; or give `percentage`.")
    recorded_on: date = Field(description="The day the co-funder made the cut known (not after today).")
    note: str = ""


class CutApplyIn(Schema):
    decision_id: int | None = DecisionId
    applied_on: date
