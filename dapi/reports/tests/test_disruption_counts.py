"""Disruption and protective actions in the programme's outcomes: counted by kind, before and after
the perpetrator's entry, within the period, by area and provider, and under disclosure control."""

from datetime import date

import time_machine

from dapi.accounts.models import Organisation
from dapi.cases.disruption.services import disruption_action_create
from dapi.cases.models import CaseStatus
from dapi.cases.services.cases import case_change_status
from dapi.cases.tests.builders import org, tatc_case
from dapi.funding.models import Programme
from dapi.lib.money import FinancialYear
from dapi.reports.counts import programme_counts, total
from dapi.reports.evidence import programme_evidence

YEAR = (date(2023, 4, 1), date(2024, 3, 31))
after_the_year = time_machine.travel("2024-04-15 09:00 +00:00", tick=False)


def entered_case(cast, on: date):
    case, _, _ = tatc_case(cast)
    worker = cast["perpetrator-worker"]
    case_change_status(case=case, to=CaseStatus.ASSESSMENT, on=date(2023, 2, 1), by=worker, version=case.version)
    case_change_status(case=case, to=CaseStatus.ACTIVE, on=on, by=worker, version=case.version)
    return case


def record(case, kind: str, *days: date) -> None:
    for day in days:
        disruption_action_create(case=case, kind=kind, taken_on=day, agency=org("Cleveland Police"), by=None)


def cleveland_evidence(published: bool):
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    return {label: value for label, value, _ in programme_evidence(
        programme, FinancialYear.of(YEAR[0]), date(2024, 4, 15), published=published).outcomes}


def test_actions_in_the_year_are_counted_by_kind_before_and_after_entry(cast):
    with after_the_year:
        case = entered_case(cast, date(2023, 6, 1))
        not_entered, _, _ = tatc_case(cast)
        record(case, "arrest", date(2023, 4, 1), date(2023, 5, 31), date(2023, 6, 1), date(2024, 3, 31))
        record(case, "arrest", date(2023, 3, 31), date(2024, 4, 1))  # outside the year: not counted
        record(case, "dvds_ask", date(2023, 9, 1))
        record(not_entered, "dvpn", date(2023, 7, 1))
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    counts = programme_counts(programme.pk, *YEAR)["disruption"]
    assert total(counts, label="arrest:before") == 2 and total(counts, label="arrest:after") == 2
    assert total(counts, label="dvds_ask:after") == 1 and total(counts, label="dvds_ask:before") == 0
    assert total(counts, label="dvpn:before") == 1 and total(counts, label="dvpn:after") == 0
    harbour = Organisation.objects.get(name="Harbour Support Services")
    assert total(counts, provider_id=harbour.pk, label="arrest:after") == 2
    assert total(counts, provider_id=org("My Sister's Place").pk, label="arrest:after") == 0


def test_the_evidence_shows_each_kind_with_small_counts_suppressed_when_published(cast):
    with after_the_year:
        case = entered_case(cast, date(2023, 6, 1))
        record(case, "arrest", *[date(2023, 7, d) for d in range(1, 6)])
        record(case, "breach", date(2023, 5, 1))
    published, internal = cleveland_evidence(True), cleveland_evidence(False)
    assert published["Arrest: before entry / after entry"] == "0 / 5"
    assert published["Breach of a notice, order or bail conditions: before entry / after entry"] == "<5 / 0"
    assert internal["Breach of a notice, order or bail conditions: before entry / after entry"] == "1 / 0"
    assert internal["Stalking Protection Order: before entry / after entry"] == "0 / 0"
