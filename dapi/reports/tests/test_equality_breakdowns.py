"""Referrals, engagement and completion by equality data, for perpetrators and victims, under
disclosure control."""

import csv
import io
from datetime import date

import pytest
import time_machine

from dapi.cases.models import CaseStatus
from dapi.cases.services.cases import case_change_status
from dapi.cases.services.people import identifying_details_set
from dapi.cases.services.work import contact_create
from dapi.cases.tests.builders import tatc_case
from dapi.demo.cases import load_demo_cases
from dapi.lib.money import FinancialYear
from dapi.reports.evidence import programme_evidence
from dapi.reports.pack import pack_html
from dapi.reports.periods import Quarter
from dapi.reports.returns import home_office_csv
from dapi.tests.demo_snapshot import loaded

pytestmark = pytest.mark.django_db
YEAR = FinancialYear(2023)


@pytest.fixture(autouse=True)
def on_1_june_2024():
    with time_machine.travel("2024-06-01 09:00 +00:00", tick=False):
        yield


def completed_case(cast, *, his: dict, hers: dict):
    """A case open in 2023/24 that reached assessment, had a session and completed, with equality data."""
    case, victim, _ = tatc_case(cast, referred_on=date(2023, 5, 1))
    worker = cast["perpetrator-worker"]
    identifying_details_set(person=case.perpetrator, by=worker, **his)
    identifying_details_set(person=victim.person, by=cast["partner-support-worker"], **hers)
    for to, on in ((CaseStatus.ASSESSMENT, date(2023, 5, 10)), (CaseStatus.ACTIVE, date(2023, 6, 1))):
        case.refresh_from_db()
        case_change_status(case=case, to=to, on=on, by=worker, version=case.version)
    contact_create(case=case, by=worker, side="perpetrator", kind="one_to_one", on=date(2023, 6, 8),
                   attendance="attended", worker=worker)
    case.refresh_from_db()
    case_change_status(case=case, to=CaseStatus.COMPLETED, on=date(2024, 1, 31), by=worker, version=case.version)
    return case


def table(ev, kind, label):
    return next(t for t in ev.equality[kind] if t.label == label)


def rows(t):
    return {label: [c.text for c in cells] for label, cells in t.rows}


def test_engagement_and_completion_are_broken_down_by_his_details_and_hers(cast):
    for _ in range(6):
        case = completed_case(cast, his={"ethnicity": "pakistani", "sex": "male"},
                              hers={"ethnicity": "irish", "sex": "female"})
    completed_case(cast, his={"ethnicity": "caribbean", "sex": "male"}, hers={"ethnicity": "prefer_not_to_say"})
    ev = programme_evidence(case.programme, YEAR, date(2024, 4, 1), published=False)
    his = rows(table(ev, "perpetrators", "Ethnicity"))
    assert his["Asian, Asian British or Asian Welsh"] == ["0", "6", "6"]  # referred (none by referral), engaged, completed
    assert his["Black, Black British, Black Welsh, Caribbean or African"] == ["0", "1", "1"]
    assert his["Not recorded"] == ["0", "0", "0"]
    hers = rows(table(ev, "victims", "Ethnicity"))
    assert hers["White"] == ["6", "0"] and hers["Prefer not to say"] == ["1", "0"]
    assert rows(table(ev, "perpetrators", "Sex"))["Male"] == ["0", "7", "7"]

    published = programme_evidence(case.programme, YEAR, date(2024, 4, 1), published=True)
    his = rows(table(published, "perpetrators", "Ethnicity"))
    assert his["Black, Black British, Black Welsh, Caribbean or African"][1] == "<5"
    # secondary suppression: the 6 is hidden too, or the 1 would be the total minus it
    assert his["Asian, Asian British or Asian Welsh"][1] == "[c]"
    assert [c.text for c in table(published, "perpetrators", "Ethnicity").totals] == ["0", "7", "7"]


def test_the_referred_column_adds_up_to_the_funnels_referrals(seeded):
    loaded(load_demo_cases)
    from dapi.funding.models import Programme

    programme = Programme.objects.get(slug="cleveland-complex-needs")
    ev = programme_evidence(programme, FinancialYear(2022), date(2023, 3, 31), published=False)
    assert ev.referrals_total.value > 0
    for t in ev.equality["perpetrators"]:
        assert t.totals[0].value == ev.referrals_total.value
        assert t.totals[1].text == next(v for label, v, _ in ev.engagement if label.startswith("Engaged"))
    for t in ev.equality["victims"]:
        assert t.totals[0].value == next(r.cell.value for r in ev.victims if r.label == "Victims linked to cases")


def test_the_pack_and_the_home_office_return_carry_the_breakdowns_under_disclosure_control(cast):
    case = completed_case(cast, his={"religion": "muslim"}, hers={"religion": "christian"})
    html = pack_html(case.programme, YEAR, date(2024, 4, 1))
    assert "Perpetrators by religion" in html and "Victims by ethnicity" in html
    out = home_office_csv(case.programme, Quarter(YEAR, 4), date(2024, 4, 1))
    values = {r["measure"]: r["value"] for r in csv.DictReader(io.StringIO(out)) if r["section"] == "equality"}
    assert values["perpetrators by religion: muslim: completed"] in ("<5", "[c]")
    assert values["victims by religion: christian: linked to cases"] in ("<5", "[c]")
    assert not [v for v in values.values() if v in ("1", "2", "3", "4")]


def test_a_commissioner_sees_the_breakdowns_on_the_dashboard(cast, client_for):
    from django.urls import reverse

    case = completed_case(cast, his={"disability": "limited_a_lot"}, hers={})
    url = reverse("reports:dashboard", args=[case.programme.slug])
    html = client_for(cast["commissioner"]).get(url, {"period": "2023/24", "today": "2024-04-01"}).content.decode()
    assert "Perpetrators by equality data" in html and "Perpetrators by disability" in html
    assert "Disabled, day-to-day activities limited a lot" in html
