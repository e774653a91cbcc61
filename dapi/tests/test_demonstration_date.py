"""The demonstration date: `dapi demo` shows the system on a day its stories are live, says so in
the banner with how to change it, and `--today` overrides it (issue 17, item 2)."""

from datetime import date

from dapi.funding.ledger import load_ledger
from dapi.funding.models import Programme
from dapi.funding.runway import programme_runway
from dapi.lib import clock
from dapi.lib.clock import DEMONSTRATION_DATE, JENKINS_CLIFF_EDGE


def runway(slug, on):
    return programme_runway(load_ledger(Programme.objects.get(slug=slug)), on)


def test_on_the_demonstration_date_hampshire_is_inside_its_horizon_with_the_extension_open(seeded):
    r = runway("hampshire-perpetrator", DEMONSTRATION_DATE)
    assert r.state == "funded" and r.cliff_edge is True
    assert 0 < r.days_left < 183
    assert [a.extension_until for a in r.extension_options] == [date(2026, 3, 31)]


def test_on_the_demonstration_date_clevelands_interim_coordinator_is_running(seeded):
    r = runway("cleveland-complex-needs", DEMONSTRATION_DATE)
    assert r.state == "funded" and r.runway_end == date(2024, 7, 31)
    assert date(2023, 11, 1) <= DEMONSTRATION_DATE <= date(2024, 7, 31)


def test_on_the_date_the_banner_gives_the_jenkins_centre_is_at_its_cliff_edge_with_the_bid_pending(seeded):
    r = runway("jenkins-centre", JENKINS_CLIFF_EDGE)
    assert r.state == "funded" and r.cliff_edge is True
    assert r.runway_end == date(2023, 3, 31)
    [bid] = r.pending_bids
    assert bid.expected_decision == date(2023, 3, 17) > JENKINS_CLIFF_EDGE


def test_the_banner_names_the_pinned_date_and_how_to_change_it(cast, client_for, monkeypatch):
    client = client_for(cast["commissioner"])
    monkeypatch.setenv("DAPI_TODAY", "2024-03-15")
    page = client.get("/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Shown as of <strong>15 Mar 2024</strong>" in text
    assert "dapi demo --today YYYY-MM-DD" in text
    assert "?today=2023-03-01" in text  # the Jenkins Centre's cliff edge, one click away


def test_without_a_pinned_date_the_banner_names_none(cast, client_for, monkeypatch):
    monkeypatch.delenv("DAPI_TODAY", raising=False)
    page = client_for(cast["commissioner"]).get("/")
    assert page.status_code == 200
    assert "Demonstration system" in page.content.decode()
    assert "Shown as of" not in page.content.decode()
    assert clock.pinned() is None
