"""The needs-action list (issue 18, item 6): what each user is reminded of as of a date, read only
through the access of the app each item comes from, so nobody is reminded of anything they could
not open."""

from datetime import date
from decimal import Decimal

from dapi.cases.tests.builders import PERPETRATOR_NAME, VICTIM_NAME
from dapi.cases.forums.tests.test_forums import HIS_ACTION, VICTIM_ACTION, listed  # noqa: F401 (a fixture)
from dapi.decisions.models import Evaluation, Resolution
from dapi.funding.models import Agreement
from dapi.funding.returns.services import spend_return_submit
from dapi.reminders import items as kinds
from dapi.reminders.items import items_for

HAMPSHIRE_PERP = "Domestic Abuse Perpetrators Service (Hampshire and Southampton)"


def of_kind(user, today, kind):
    return [i for i in items_for(user, today) if i.kind == kind]


def titles(user, today, kind):
    return [i.title for i in of_kind(user, today, kind)]


def test_commissioner_is_reminded_of_the_cliff_edges_inside_the_horizon(cast):
    found = titles(cast["commissioner"], date(2024, 3, 15), kinds.CLIFF_EDGE)
    assert ("Hampshire domestic abuse perpetrator service (Hampshire and Southampton): funding ends 31 Mar 2024 "
            "(16 days) with no successor approved") in found
    assert titles(cast["finance-officer"], date(2024, 3, 15), kinds.CLIFF_EDGE) == found
    # A year before, Hampshire's end is beyond the 183-day horizon.
    assert not [t for t in titles(cast["commissioner"], date(2023, 3, 15), kinds.CLIFF_EDGE) if "Hampshire" in t]


def test_a_provider_is_reminded_only_of_the_cliff_edge_its_own_agreement_falls_off(cast):
    found = titles(cast["provider-manager"], date(2024, 3, 15), kinds.CLIFF_EDGE)
    assert found == ["Cleveland complex needs perpetrator programme (Team around the Couple): funding ends "
                     "31 Jul 2024 (138 days) with no successor approved"]
    assert titles(cast["perpetrator-worker"], date(2024, 3, 15), kinds.CLIFF_EDGE) == []
    assert titles(cast["panel-member"], date(2024, 3, 15), kinds.CLIFF_EDGE) == []


def test_a_bid_past_its_decision_date_with_no_outcome_is_overdue_for_those_who_see_the_ledger(cast):
    assert titles(cast["commissioner"], date(2023, 3, 17), kinds.BID_DECISION) == []  # due that day
    overdue = of_kind(cast["commissioner"], date(2023, 3, 18), kinds.BID_DECISION)
    assert [i.due_on for i in overdue] == [date(2023, 3, 17)]
    assert "Jenkins Centre" in overdue[0].title and "no outcome recorded" in overdue[0].title
    assert of_kind(cast["provider-manager"], date(2023, 3, 18), kinds.BID_DECISION) == []


def test_break_notice_deadline_is_reminded_from_60_days_before_it_until_the_day(cast):
    # Hampshire's contracts end 31 Mar 2024 with 6 months' notice: the last day is 30 Sep 2023.
    assert [t for t in titles(cast["commissioner"], date(2023, 7, 31), kinds.BREAK_NOTICE) if HAMPSHIRE_PERP in t] == []
    found = [t for t in titles(cast["commissioner"], date(2023, 8, 1), kinds.BREAK_NOTICE) if HAMPSHIRE_PERP in t]
    assert found == [f"{HAMPSHIRE_PERP}: the last day to give break-clause notice is 30 Sep 2023"]
    assert [t for t in titles(cast["commissioner"], date(2023, 9, 30), kinds.BREAK_NOTICE) if HAMPSHIRE_PERP in t]
    assert not [t for t in titles(cast["commissioner"], date(2023, 10, 1), kinds.BREAK_NOTICE) if HAMPSHIRE_PERP in t]
    assert titles(cast["provider-manager"], date(2023, 8, 1), kinds.BREAK_NOTICE) == []  # not Harbour's contract


def test_no_break_notice_deadline_is_reminded_once_notice_has_been_given(cast):
    from dapi.funding.models import Agreement, BreakNotice

    agreement = Agreement.objects.get(title=HAMPSHIRE_PERP)
    BreakNotice.objects.create(agreement=agreement, given_on=date(2023, 7, 1), given_by="commissioner",
                               effective_on=date(2024, 1, 31), previous_end=agreement.end)
    assert not [t for t in titles(cast["commissioner"], date(2023, 8, 1), kinds.BREAK_NOTICE) if HAMPSHIRE_PERP in t]


def test_open_resolutions_due_within_two_weeks_or_overdue_are_reminded_with_their_owner(cast):
    resolution = Resolution.objects.filter(due_on=date(2023, 6, 30)).first()
    assert resolution is not None
    found = of_kind(cast["commissioner"], date(2023, 6, 16), kinds.RESOLUTION)  # 14 days before
    assert resolution.pk in [int(i.key.split(":")[1]) for i in found]
    assert f"(owner: {resolution.owner})" in [i for i in found if i.key == f"resolution:{resolution.pk}"][0].title
    assert f"resolution:{resolution.pk}" not in [i.key for i in of_kind(cast["commissioner"], date(2023, 6, 15),
                                                                         kinds.RESOLUTION)]
    assert f"resolution:{resolution.pk}" in [i.key for i in of_kind(cast["panel-member"], date(2023, 7, 1),
                                                                     kinds.RESOLUTION)]
    assert of_kind(cast["provider-manager"], date(2023, 7, 1), kinds.RESOLUTION) == []
    Resolution.objects.filter(pk=resolution.pk).update(status="done")
    assert f"resolution:{resolution.pk}" not in [i.key for i in of_kind(cast["commissioner"], date(2023, 7, 1),
                                                                         kinds.RESOLUTION)]


def test_forum_actions_are_reminded_by_case_reference_only_to_those_who_see_that_side(cast, listed):
    case = listed["case"]
    his = titles(cast["perpetrator-worker"], date(2023, 3, 1), kinds.FORUM_ACTION)
    assert his == [f"MATAC action {listed['shared'].pk} on case {case.reference} due 20 Feb 2023"]
    hers = titles(cast["partner-support-worker"], date(2023, 3, 1), kinds.FORUM_ACTION)
    assert hers == [f"MARAC action {listed['hidden'].pk} on case {case.reference} due 16 Feb 2023"]
    assert titles(cast["commissioner"], date(2023, 3, 1), kinds.FORUM_ACTION) == []
    assert titles(cast["police-analyst"], date(2023, 3, 1), kinds.FORUM_ACTION) == []
    # The later action joins the list two weeks before it is due.
    assert len(titles(cast["perpetrator-worker"], date(2023, 5, 18), kinds.FORUM_ACTION)) == 2
    text = " ".join(i.title for u in cast.values() for i in items_for(u, date(2023, 3, 1)))
    for personal in (VICTIM_ACTION, HIS_ACTION, VICTIM_NAME, PERPETRATOR_NAME):
        assert personal not in text


def test_a_missing_spend_return_past_its_due_date_is_late_until_it_is_submitted(cast):
    harbour = Agreement.objects.get(reference="2022-0007", provider__name="Harbour Support Services")
    late = [i for i in of_kind(cast["provider-manager"], date(2023, 3, 1), kinds.SPEND_RETURN)
            if i.key.startswith(f"spend-return:{harbour.pk}:")]
    assert [i.title for i in late] == [f"{harbour.title}: the 2022/23 Q2 spend return was due 30 Oct 2022",
                                       f"{harbour.title}: the 2022/23 Q3 spend return was due 30 Jan 2023"]
    assert [i.key for i in of_kind(cast["commissioner"], date(2023, 3, 1), kinds.SPEND_RETURN)
            if i.key.startswith(f"spend-return:{harbour.pk}:")] == [i.key for i in late]
    assert of_kind(cast["perpetrator-worker"], date(2023, 3, 1), kinds.SPEND_RETURN) == []
    spend_return_submit(by=cast["provider-manager"], agreement=harbour, financial_year=2022, quarter=2,
                        lines=[{"budget_line": "Staff", "amount": Decimal("22848.61")}], submitted_on=date(2023, 2, 1))
    assert [i.title for i in of_kind(cast["provider-manager"], date(2023, 3, 1), kinds.SPEND_RETURN)
            if i.key.startswith(f"spend-return:{harbour.pk}:")] == [late[1].title]


def test_an_evaluation_due_is_reminded_to_its_evaluator_and_its_commissioners_not_to_providers(cast):
    evaluation = Evaluation.objects.get(evaluator__name="Barefoot Social Research")
    day = evaluation.due_on
    assert [i.key for i in of_kind(cast["evaluator"], day, kinds.EVALUATION)] == [f"evaluation:{evaluation.pk}"]
    assert f"evaluation:{evaluation.pk}" in [i.key for i in of_kind(cast["commissioner"], day, kinds.EVALUATION)]
    assert of_kind(cast["provider-manager"], day, kinds.EVALUATION) == []
    assert of_kind(cast["panel-member"], day, kinds.EVALUATION) == []
    Evaluation.objects.filter(pk=evaluation.pk).update(status="delivered")
    assert of_kind(cast["evaluator"], day, kinds.EVALUATION) == []


def test_someone_with_no_membership_needs_nothing(outsider, seeded):
    assert items_for(outsider, date(2024, 3, 15)) == []


def test_an_items_fingerprint_changes_with_what_it_says_and_not_with_a_countdown(cast):
    before = {i.key: i.fingerprint for i in items_for(cast["commissioner"], date(2024, 3, 15))}
    after = {i.key: i.fingerprint for i in items_for(cast["commissioner"], date(2024, 3, 16))}
    assert [k for k in before if k.startswith("cliff-edge:")] and before == after
    resolution = Resolution.objects.get(due_on=date(2023, 6, 30))
    Resolution.objects.filter(pk=resolution.pk).update(due_on=date(2023, 7, 1))
    changed = {i.key: i.fingerprint for i in items_for(cast["commissioner"], date(2024, 3, 16))}
    assert [k for k in changed if changed[k] != after[k]] == [f"resolution:{resolution.pk}"]
