"""What needs a user's action as of a date: the "needs action" list on their home page and the
lines of their daily digest. Read only through the access functions and selectors of the apps the
items come from, so nobody is reminded of anything they could not open; nothing here decides by
role.

Each item carries a key (what it is about, stable while it lasts) and a fingerprint of what it
says, so the digest can leave out an item already sent unless it has changed. Titles name
programmes, agreements, bids, resolutions and case references only: never a person, an address
or a note (a forum action's description can name people, so only its forum, case reference and
due date are shown)."""

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.urls import reverse

from dapi.cases.forums.access import forum_action_list_for
from dapi.cases.forums.models import ActionStatus
from dapi.decisions import access as decision_access
from dapi.decisions.models import EvaluationStatus, ResolutionStatus
from dapi.funding import access as funding_access
from dapi.funding.models import FUNDED_STATUSES, BidStatus
from dapi.funding.notice import last_notice_day
from dapi.funding.returns.models import SpendReturn
from dapi.funding.returns.periods import agreement_quarters, due_on, quarter_label
from dapi.funding.runway import OPEN_STATUSES
from dapi.funding.selectors import programme_runways

# The kinds, in the order the list shows them.
CLIFF_EDGE = "Cliff edge"
BID_DECISION = "Bid decision overdue"
BREAK_NOTICE = "Break-clause notice"
RESOLUTION = "Resolution due"
FORUM_ACTION = "Forum action due"
SPEND_RETURN = "Spend return late"
EVALUATION = "Evaluation due"
KINDS = (CLIFF_EDGE, BID_DECISION, BREAK_NOTICE, RESOLUTION, FORUM_ACTION, SPEND_RETURN, EVALUATION)


@dataclass(frozen=True)
class Item:
    kind: str
    key: str
    title: str
    due_on: date | None
    url: str
    case_id: int | None = None  # a forum action's case: showing or sending it is a read of the case
    content: str = ""  # what the fingerprint is of, when not the whole title (a countdown is left out)

    @property
    def fingerprint(self) -> str:
        """Changes when what the item says changes (its title or date), not otherwise; a cliff edge's
        days left count down every day without the item changing."""
        content = f"{self.kind}|{self.content or self.title}|{self.due_on.isoformat() if self.due_on else ''}"
        return hashlib.sha256(content.encode()).hexdigest()[:32]

    def overdue_on(self, today: date) -> bool:
        return self.due_on is not None and self.due_on < today


def _d(day: date) -> str:
    return f"{day:%-d %b %Y}"


def cliff_edges(user, today: date, runways: list | None = None) -> list[Item]:
    """Programmes whose runway ends inside the alert horizon with no successor: for those who see the
    programme's ledger, and for a provider whose own agreement ends with it. `runways`: the user's
    programme_runways as of `today`, when the caller has them already (the home page)."""
    items = []
    for runway in programme_runways(user, today) if runways is None else runways:
        # A provider sees the agreements it delivers among those ending; whether the user sees the
        # whole ledger is asked only when none of theirs is (a query, rarely needed).
        if runway.cliff_edge and (runway.ending_agreements or funding_access.can_see_ledger(user, runway.programme)):
            items.append(Item(CLIFF_EDGE, f"cliff-edge:{runway.programme.pk}",
                              f"{runway.programme.name}: funding ends {_d(runway.runway_end)} "
                              f"({runway.days_left} days) with no successor approved",
                              runway.runway_end, reverse("funding:programme_detail", args=[runway.programme.slug]),
                              content=runway.programme.name))
    return items


def bid_decisions(user, today: date) -> list[Item]:
    """Pending bids of the programmes whose ledger `user` sees, their decision date passed with no
    outcome recorded."""
    items = []
    for bid in funding_access.bid_list_for(user).filter(status=BidStatus.PENDING):
        expected = bid.expected_decision
        if expected and expected < today:
            items.append(Item(BID_DECISION, f"bid:{bid.pk}",
                              f"{bid.programme.name}: bid to {bid.round} expected a decision on {_d(expected)}; "
                              f"no outcome recorded", expected,
                              reverse("funding:programme_detail", args=[bid.programme.slug])))
    return items


def break_notices(user, today: date) -> list[Item]:
    """Agreements `user` may see, not terminated (whether one still runs is decided by its dates, as
    the runway does), whose last day to give break-clause notice is today or within
    DAPI_REMINDER_BREAK_NOTICE_DAYS. Not once notice has been given: the agreement then ends on the
    notice's date, and its end less the notice period is no deadline for anyone."""
    until = today + timedelta(days=settings.DAPI_REMINDER_BREAK_NOTICE_DAYS)
    items = []
    agreements = funding_access.agreement_list_for(user).filter(
        status__in=OPEN_STATUSES, break_notice_months__isnull=False, break_notices__isnull=True)
    for agreement in agreements:
        last = last_notice_day(agreement)
        if last is not None and today <= last <= until:
            items.append(Item(BREAK_NOTICE, f"break-notice:{agreement.pk}",
                              f"{agreement.title}: the last day to give break-clause notice is {_d(last)}",
                              last, reverse("funding:agreement_detail", args=[agreement.pk])))
    return items


def resolutions(user, today: date) -> list[Item]:
    """Open resolutions of the meetings `user` may see, due by DAPI_REMINDER_DUE_SOON_DAYS from today
    (overdue ones included)."""
    until = today + timedelta(days=settings.DAPI_REMINDER_DUE_SOON_DAYS)
    found = decision_access.resolution_list_for(user).filter(status=ResolutionStatus.OPEN, due_on__lte=until)
    items = []
    for resolution in found.order_by("due_on", "pk"):
        owner = f" (owner: {resolution.owner})" if resolution.owner else ""
        items.append(Item(RESOLUTION, f"resolution:{resolution.pk}",
                          f"Resolution {resolution.number or resolution.pk} of {resolution.meeting}{owner} "
                          f"due {_d(resolution.due_on)}", resolution.due_on,
                          reverse("decisions:resolution_list")))
    return items


def forum_actions(user, today: date) -> list[Item]:
    """Open forum actions on the sides of the cases `user` sees, due by DAPI_REMINDER_DUE_SOON_DAYS
    from today: the forum, the case reference and the date only."""
    until = today + timedelta(days=settings.DAPI_REMINDER_DUE_SOON_DAYS)
    found = forum_action_list_for(user).filter(status=ActionStatus.OPEN, due_on__lte=until)
    items = []
    for action in found.order_by("due_on", "pk"):
        case = action.listing.case
        items.append(Item(FORUM_ACTION, f"forum-action:{action.pk}",
                          f"{action.listing.forum} action {action.pk} on case {case.reference} "
                          f"due {_d(action.due_on)}", action.due_on,
                          reverse("cases:case_detail", args=[case.pk]), case_id=case.pk))
    return items


def spend_returns(user, today: date) -> list[Item]:
    """Quarters of the approved agreements `user` may see (not drafts) whose spend return is past its due date, due
    within the last DAPI_REMINDER_RETURNS_LOOKBACK_DAYS, and not in (older gaps are the agreement
    page's history, not a reminder; a return that came late is history too)."""
    since = today - timedelta(days=settings.DAPI_REMINDER_RETURNS_LOOKBACK_DAYS)
    agreements = list(funding_access.agreement_list_for(user).filter(status__in=FUNDED_STATUSES, start__isnull=False))
    received = set(SpendReturn.objects.filter(agreement__in=agreements).values_list(
        "agreement_id", "financial_year", "quarter"))
    items = []
    for agreement in agreements:
        for fy, quarter in agreement_quarters(agreement):
            due = due_on(fy, quarter)
            if since <= due < today and (agreement.pk, fy, quarter) not in received:
                items.append(Item(SPEND_RETURN, f"spend-return:{agreement.pk}:{fy}:{quarter}",
                                  f"{agreement.title}: the {quarter_label(fy, quarter)} spend return was due "
                                  f"{_d(due)}", due, reverse("funding:agreement_detail", args=[agreement.pk])))
    return items


def evaluations(user, today: date) -> list[Item]:
    """Evaluations not yet delivered, due by DAPI_REMINDER_DUE_SOON_DAYS from today, for those who
    plan them (the programme's commissioners) and those who carry them out."""
    until = today + timedelta(days=settings.DAPI_REMINDER_DUE_SOON_DAYS)
    theirs = set(decision_access.evaluation_carried_out_list_for(user).values_list("pk", flat=True))
    found = decision_access.evaluation_list_for(user).exclude(status=EvaluationStatus.DELIVERED).filter(
        due_on__lte=until)
    items = []
    for evaluation in found.order_by("due_on", "pk"):
        if evaluation.pk in theirs or decision_access.can_plan_evaluation(user, evaluation.programme):
            items.append(Item(EVALUATION, f"evaluation:{evaluation.pk}",
                              f"{evaluation.programme.name}: evaluation \u201c{evaluation.title}\u201d due "
                              f"{_d(evaluation.due_on)}", evaluation.due_on,
                              reverse("funding:programme_detail", args=[evaluation.programme.slug])))
    return items


def items_for(user, today: date, runways: list | None = None) -> list[Item]:
    """Everything that needs `user`'s action as of `today`, as their role and organisations may see
    it: by kind (KINDS order), then soonest first. `runways`: see cliff_edges."""
    found = [cliff_edges(user, today, runways)]
    for kind in (bid_decisions, break_notices, resolutions, forum_actions, spend_returns, evaluations):
        found.append(kind(user, today))
    return [item for items in found for item in sorted(items, key=lambda i: (i.due_on or date.max, i.key))]
