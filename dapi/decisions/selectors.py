"""Reads over decisions, meetings and resolutions, as the user may see them (access.py): what each
page shows, including whether it offers the buttons that change things; reconciliation of
stated totals; overdue resolutions."""

from dataclasses import dataclass
from datetime import date

from django.db.models import F, Prefetch, Q, QuerySet, prefetch_related_objects

from dapi.accounts.models import Organisation
from dapi.funding import access as funding_access
from dapi.funding.models import (
    Agreement, AgreementKind, AgreementStatus, Allocation, Award, MatchContribution, Programme,
)
from dapi.funding.reconcile import Reconciliation, schedule_total

from . import access
from .access import decision_list_for, evaluation_list_for, resolution_list_for
from .ingest.models import IngestedDocument
from .models import (
    Decision, DecisionStatus, Evaluation, EvaluationStatus, Meeting, Resolution, ResolutionStatus, StatedTotal,
    TotalComponent,
)


def _component_lines(decision: Decision, total: StatedTotal):
    def wanted(item) -> bool:
        return total.programme_id is None or item.programme_id == total.programme_id

    if total.component == TotalComponent.AGREEMENTS:
        return [(f"{a.provider or 'Provider not stated'}: {a.title}", a.value)
                for a in decision.agreements.all() if wanted(a)]
    if total.component == TotalComponent.ALLOCATIONS:
        return [(f"{al.recipient} ({al.fy})", al.amount) for al in decision.allocations.all()
                if wanted(al) and (total.financial_year is None or al.financial_year == total.financial_year)]
    lines = [(f"{aw.funder}: {aw.title}", aw.amount) for aw in decision.awards.all() if wanted(aw)]
    lines += [(f"{m.partner}" + (f" ({m.partner_description})" if m.partner_description else ""), m.amount)
              for m in decision.match_contributions.all() if wanted(m)]
    return lines


def decision_reconciliations(decision: Decision) -> list[Reconciliation]:
    """Each total the record states, against the linked money it should add up to."""
    return [
        Reconciliation(t.label, t.amount, _component_lines(decision, t))
        for t in decision.stated_totals.all()
    ]


def resolutions_overdue(resolutions: QuerySet[Resolution], today: date) -> QuerySet[Resolution]:
    """Open resolutions whose due date has passed."""
    return resolutions.filter(status=ResolutionStatus.OPEN, due_on__lt=today).order_by("due_on")


def resolutions_open(resolutions: QuerySet[Resolution]) -> QuerySet[Resolution]:
    return resolutions.filter(status=ResolutionStatus.OPEN).order_by(F("due_on").asc(nulls_last=True))


# -- pages ------------------------------------------------------------------------------------

DECISION_MONEY_PREFETCH = (
    "stated_totals",
    Prefetch("agreements", queryset=Agreement.objects.select_related("provider", "programme")),
    Prefetch("allocations", queryset=Allocation.objects.select_related("recipient", "area")),
    Prefetch("awards", queryset=Award.objects.select_related("funder", "recipient")),
    Prefetch("match_contributions", queryset=MatchContribution.objects.select_related("partner")),
)


@dataclass
class DecisionWithTotals:
    decision: Decision
    reconciliations: list[Reconciliation]


@dataclass
class ProgrammeRecords:
    """What the decisions app knows about one programme, for its page."""

    decisions: list[DecisionWithTotals]
    open_resolutions: list[Resolution]
    evaluations: list["EvaluationDue"]
    today: date


@dataclass
class EvaluationDue:
    evaluation: Evaluation
    overdue: bool


def decisions_about_programme(user, programme) -> QuerySet[Decision]:
    """Decisions `user` may see that name the programme or commit money to it, newest first."""
    # One list of decision ids per link (no joins of the link tables with each other): as one join,
    # PostgreSQL on unanalysed tables estimated millions of rows and spent seconds compiling it (JIT).
    links = ((Decision.programmes.through, "programme"), (Decision.agreements.through, "agreement__programme"),
             (Decision.awards.through, "award__programme"), (Decision.allocations.through, "allocation__programme"),
             (Decision.match_contributions.through, "matchcontribution__programme"))
    about = Q(pk__in=[])
    for through, path in links:
        about |= Q(pk__in=through.objects.filter(**{path: programme}).values("decision_id"))
    return decisions_newest_first(decision_list_for(user).filter(about))


def programme_records(user, programme, today: date) -> ProgrammeRecords:
    """The programme's decisions (each stated total reconciled), its open resolutions and its
    evaluations, as `user` may see them."""
    decisions = decisions_about_programme(user, programme).prefetch_related(*DECISION_MONEY_PREFETCH)
    resolutions = resolutions_open(resolution_list_for(user).filter(meeting__programmes=programme)).select_related(
        "meeting__body")
    evaluations = evaluation_list_for(user).filter(programme=programme).order_by(F("due_on").asc(nulls_last=True))
    return ProgrammeRecords(
        decisions=[DecisionWithTotals(d, decision_reconciliations(d)) for d in decisions],
        open_resolutions=list(resolutions),
        evaluations=[EvaluationDue(e, evaluation_overdue(e, today)) for e in evaluations],
        today=today,
    )


def evaluation_overdue(evaluation: Evaluation, today: date) -> bool:
    """Due before `today` and not delivered."""
    return bool(evaluation.due_on and evaluation.due_on < today and evaluation.status != EvaluationStatus.DELIVERED)


@dataclass
class DecisionPage:
    decision: Decision
    reconciliations: list[Reconciliation]
    meetings: list[Meeting]
    visible_agreements: set[int]
    can_change: bool
    source_document: IngestedDocument | None = None


def decision_page(user, decision: Decision) -> DecisionPage:
    """A decision record as published, with the money it commits and each stated total
    checked against that money."""
    prefetch_related_objects(
        [decision], "recommendations", "implications", "approvals", "programmes", *DECISION_MONEY_PREFETCH,
        Prefetch("meetings", queryset=Meeting.objects.select_related("body")), "meetings__resolutions",
    )
    return DecisionPage(
        decision=decision,
        reconciliations=decision_reconciliations(decision),
        meetings=list(decision.meetings.all()),
        visible_agreements=set(funding_access.agreement_list_for(user).filter(decisions=decision)
                               .values_list("pk", flat=True)),
        can_change=access.can_change_decision(user, decision),
        source_document=IngestedDocument.objects.filter(decision=decision).first(),
    )


def resolutions_not_yet_due(resolutions: QuerySet[Resolution], today: date) -> QuerySet[Resolution]:
    """Open resolutions with no due date or a due date from `today` on."""
    return resolutions_open(resolutions).filter(Q(due_on__isnull=True) | Q(due_on__gte=today))


def decisions_newest_first(decisions: QuerySet[Decision], organisation=None) -> QuerySet[Decision]:
    """Decisions by decision date, newest first (undated last), optionally of one organisation."""
    if organisation is not None:
        decisions = decisions.filter(organisation=organisation)
    return decisions.order_by(F("decision_date").desc(nulls_last=True), "reference", "pk")


@dataclass
class DecisionList:
    decisions: QuerySet[Decision]
    organisations: QuerySet[Organisation]  # the bodies of those decisions, to filter by
    can_create: bool  # offers adding and importing a decision


def decision_list_page(user) -> DecisionList:
    """The decisions `user` may see, the bodies that made them, and whether they may add one."""
    decisions = decision_list_for(user)
    return DecisionList(decisions, Organisation.objects.filter(pk__in=decisions.values("organisation")),
                        access.can_create_decision(user))


@dataclass
class DecisionChoices:
    """What the decision form offers: the bodies it may be recorded for, and the money to link."""

    organisations: QuerySet[Organisation]
    programmes: QuerySet[Programme]
    agreements: QuerySet[Agreement]
    awards: QuerySet[Award]
    allocations: QuerySet[Allocation]


def decision_choices(user, organisations: QuerySet[Organisation]) -> DecisionChoices:
    """The decision form's choices for `user`: `organisations` (from access.deciding_bodies_*), and
    the programmes, agreements, awards and allocations they may see."""
    return DecisionChoices(
        organisations=organisations,
        programmes=funding_access.programme_list_for(user),
        agreements=funding_access.agreement_list_for(user),
        awards=funding_access.award_list_for(user),
        allocations=funding_access.allocation_list_for(user),
    )


def resolutions_for(user) -> QuerySet[Resolution]:
    """Resolutions `user` may see, with their meeting and its body."""
    return resolution_list_for(user).select_related("meeting__body")


@dataclass
class ResolutionList:
    overdue: QuerySet[Resolution]
    upcoming: QuerySet[Resolution]
    today: date


def resolution_list_page(user, today: date) -> ResolutionList:
    """The open resolutions `user` may see: those past their due date, then the rest."""
    resolutions = resolutions_for(user)
    return ResolutionList(resolutions_overdue(resolutions, today), resolutions_not_yet_due(resolutions, today), today)


@dataclass
class MeetingPage:
    meeting: Meeting
    resolutions: QuerySet[Resolution]
    programmes: QuerySet[Programme]
    can_change: bool  # offers adding and changing its resolutions


def meeting_page(user, meeting: Meeting) -> MeetingPage:
    """A meeting `user` may see (from access.meeting_get_for), its resolutions and programmes, and
    whether they may record or change its resolutions."""
    return MeetingPage(meeting, meeting.resolutions.all(), meeting.programmes.all(), access.can_resolve(user, meeting))


# -- the public transparency page ------------------------------------------------------------------

CONTRACT_THRESHOLD = 10000  # GBP: contracts above it are published (Specified Information Order 2011)


@dataclass(frozen=True)
class PublishedCommitment:
    kind: str  # "grant" or "contract"
    recipient: str
    amount: object  # Decimal, or None when the record does not state it
    purpose: str
    conditions: str
    period: str


@dataclass(frozen=True)
class PublishedDecision:
    decision: Decision
    grants: list[PublishedCommitment]
    contracts: list[PublishedCommitment]

    @property
    def tables(self) -> list[tuple[str, list[PublishedCommitment]]]:
        return [("Grants", self.grants), ("Contracts over £10,000", self.contracts)]


def _agreement_amount(agreement: Agreement):
    lines = list(agreement.contributions.all())
    return agreement.value if agreement.value is not None else (schedule_total(agreement, lines) if lines else None)


def _period(start, end) -> str:
    return f"{start:%-d %b %Y} to {end:%-d %b %Y}" if start and end else (f"until {end:%-d %b %Y}" if end else "")


def published_decisions() -> list[PublishedDecision]:
    """What the public transparency page shows, to anyone (no user: it holds nothing about people):
    every approved decision record, newest first, with the grants it commits (grant agreements that are
    not drafts, and allocations: recipient, amount, purpose, conditions) and the contracts it commits
    over GBP 10,000 (or whose value the record does not state), as the Elected Local Policing Bodies
    (Specified Information) Order 2011 asks. In a fixed number of queries."""
    agreements = Agreement.objects.exclude(status=AgreementStatus.DRAFT).select_related(
        "provider", "programme").prefetch_related("contributions__partner")
    decisions = (Decision.objects.filter(status=DecisionStatus.APPROVED).select_related("organisation")
                 .prefetch_related(Prefetch("agreements", queryset=agreements),
                                   Prefetch("allocations", queryset=Allocation.objects.select_related(
                                       "recipient", "programme")))
                 .order_by(F("decision_date").desc(nulls_last=True), "reference", "pk"))
    out = []
    for decision in decisions:
        grants, contracts = [], []
        for a in decision.agreements.all():
            row = PublishedCommitment(
                a.kind, a.provider.name if a.provider_id else "Not stated in the record", _agreement_amount(a),
                a.title if a.title else a.programme.name, a.conditions, _period(a.start, a.end))
            if a.kind == AgreementKind.GRANT:
                grants.append(row)
            elif row.amount is None or row.amount > CONTRACT_THRESHOLD:
                contracts.append(row)
        for x in decision.allocations.all():
            grants.append(PublishedCommitment("grant", x.recipient.name, x.amount,
                                              x.purpose or f"{x.programme.name}: {x.fy} allocation", x.conditions,
                                              _period(x.fy.start, x.fy.end)))
        out.append(PublishedDecision(decision, grants, contracts))
    return out
