"""Runway and cliff edge exactly as DOMAIN.md section 3."""

from datetime import date, timedelta

import pytest

from dapi.funding.ledger import load_ledger, load_ledgers
from dapi.funding.models import Programme
from dapi.funding.runway import funding_table, programme_runway, runway_end


def ledger(slug, as_of=None):
    return load_ledger(Programme.objects.get(slug=slug), as_of)


def runway(slug, today):
    return programme_runway(ledger(slug), date.fromisoformat(today))


def test_jenkins_centre_as_of_1_feb_2023_is_a_cliff_edge_58_days_out_with_the_bid_pending(seeded):
    r = runway("jenkins-centre", "2023-02-01")
    assert r.runway_end == date(2023, 3, 31)
    assert r.days_left == 58
    assert r.cliff_edge is True
    [bid] = r.pending_bids
    assert bid.expected_decision == date(2023, 3, 17)
    assert [o.key for o in r.options] == ["bid", "local", "close"]


def test_hampshire_perpetrator_service_in_june_2023_has_no_cliff_edge_and_an_extension_to_2026(seeded):
    r = runway("hampshire-perpetrator", "2023-06-01")
    assert r.runway_end == date(2024, 3, 31)
    assert r.days_left == 305 - 1
    assert r.cliff_edge is False
    assert [a.extension_until for a in r.extension_options] == [date(2026, 3, 31)]
    assert r.annual_cost == 210000


def test_hampshire_perpetrator_service_in_october_2023_is_a_cliff_edge(seeded):
    r = runway("hampshire-perpetrator", "2023-10-01")
    assert (r.days_left, r.cliff_edge) == (182, True)


def test_cleveland_runs_without_a_gap_from_the_pilot_to_the_interim_coordinator(seeded):
    r = runway("cleveland-complex-needs", "2022-01-10")
    assert r.runway_end == date(2024, 7, 31)
    assert r.cliff_edge is False


def test_a_programme_whose_funding_has_ended_says_so_and_is_not_a_cliff_edge(seeded):
    r = runway("jenkins-centre", "2023-06-01")
    assert (r.state, r.runway_end, r.days_left, r.cliff_edge) == ("ended", date(2023, 3, 31), 0, False)


def test_the_horizon_decides_the_cliff_edge_on_its_last_day(seeded):
    hampshire = ledger("hampshire-perpetrator")
    assert programme_runway(hampshire, date(2023, 9, 30), horizon_days=183).cliff_edge is True  # 183 days left
    assert programme_runway(hampshire, date(2023, 9, 29), horizon_days=183).cliff_edge is False  # 184 days left


@pytest.mark.parametrize(
    ("spans", "today", "expected"),
    [
        ([(date(2023, 1, 1), date(2023, 3, 31)), (date(2023, 4, 1), date(2023, 6, 30))], date(2023, 2, 1), date(2023, 6, 30)),
        ([(date(2023, 1, 1), date(2023, 3, 31)), (date(2023, 4, 2), date(2023, 6, 30))], date(2023, 2, 1), date(2023, 3, 31)),
        ([(date(2023, 1, 1), date(2023, 12, 31)), (date(2023, 2, 1), date(2023, 3, 1))], date(2023, 2, 1), date(2023, 12, 31)),
        ([(date.min, date(2023, 3, 31))], date(2023, 3, 31), date(2023, 3, 31)),
    ],
    ids=["successor-next-day-extends", "one-day-gap-stops", "overlap-inside", "last-day"],
)
def test_runway_end_follows_cover_only_while_it_has_no_gap(spans, today, expected):
    assert runway_end(spans, today) == ("funded", expected)


def test_runway_end_of_a_programme_not_yet_started_is_unfunded():
    assert runway_end([(date(2024, 1, 1), date(2024, 12, 31))], date(2023, 1, 1)) == ("unfunded", None)


def test_a_ledger_read_for_a_runway_list_gives_the_same_runway_as_the_full_ledger(seeded):
    day = date(2018, 1, 1)
    full_ledgers = load_ledgers(Programme.objects.all())
    while day < date(2027, 1, 1):
        full = {ledger.programme.slug: programme_runway(ledger, day).as_dict() for ledger in full_ledgers}
        partial = {ledger.programme.slug: programme_runway(ledger, day).as_dict()
                   for ledger in load_ledgers(Programme.objects.all(), day)}
        assert partial == full, day
        day += timedelta(days=29)


def test_a_partial_ledger_refuses_the_funding_table_and_earlier_dates(seeded):
    partial = ledger("hampshire-perpetrator", as_of=date(2023, 6, 1))
    with pytest.raises(ValueError, match="full ledger"):
        funding_table(partial)
    with pytest.raises(ValueError, match="full ledger"):
        programme_runway(partial, date(2023, 5, 31))
