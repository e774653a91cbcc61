"""`dapi runway`: every programme's runway for operators, as a table or JSON."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def run(*args) -> str:
    out = StringIO()
    call_command("runway", *args, stdout=out)
    return out.getvalue()


def test_runway_json_as_of_1_feb_2023_shows_jenkins_centre_58_days_from_a_cliff_edge(seeded):
    runways = json.loads(run("--json", "--today", "2023-02-01"))
    assert len(runways) == 6
    jenkins = next(r for r in runways if r["slug"] == "jenkins-centre")
    assert jenkins["programme"].startswith("Jenkins Centre")
    assert (jenkins["runway_end"], jenkins["days_left"], jenkins["cliff_edge"]) == ("2023-03-31", 58, True)
    assert [b["decision_expected_on"] for b in jenkins["pending_bids"]] == ["2023-03-17"]


def test_runway_horizon_decides_the_cliff_edge(seeded):
    runways = json.loads(run("--json", "--today", "2023-02-01", "--horizon", "30"))
    jenkins = next(r for r in runways if r["slug"] == "jenkins-centre")
    assert (jenkins["horizon_days"], jenkins["cliff_edge"]) == (30, False)


def test_runway_table_names_each_programme_with_its_days_left_and_pending_bid(seeded):
    table = run("--today", "2023-02-01")
    assert "Runway as of 1 Feb 2023" in table
    jenkins_row = next(line for line in table.splitlines() if "Jenkins Centre" in line)
    assert "31 Mar 2023" in jenkins_row and "58" in jenkins_row and "yes" in jenkins_row
    assert "decision 17 Mar 2023" in table


def test_runway_refuses_a_date_it_cannot_read(db):
    with pytest.raises(CommandError, match="--today must be a date"):
        run("--today", "1/2/2023")
