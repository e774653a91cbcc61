"""Police outcomes flow from identification into the programme's published evidence."""

from datetime import date

from dapi.funding.models import Programme
from dapi.lib.money import FinancialYear
from dapi.identification.tests.test_outcomes import case_with_police_data  # noqa: F401 (fixture)
from dapi.reports.evidence import programme_evidence


def test_programme_evidence_reports_police_outcomes_when_there_are_some(cast, case_with_police_data):
    ev = programme_evidence(Programme.objects.get(slug="cleveland-complex-needs"), FinancialYear(2023),
                            date(2023, 12, 31), published=False)
    rows = {label: value for label, value, _ in ev.outcomes}
    assert rows["Cases with police outcome data"] == "1"
    assert rows["Mean change in police incidents (after minus before)"] == "-1.00"
    assert rows["Mean change in harm (days)"] == "-374.00"
    assert rows["With no further police incident"] == "0"
    assert rows["Share with no further police incident"] == "0.0%"
    published = programme_evidence(Programme.objects.get(slug="cleveland-complex-needs"), FinancialYear(2023),
                                   date(2023, 12, 31), published=True)
    assert {label: value for label, value, _ in published.outcomes}["Mean change in police incidents (after minus "
                                                                    "before)"] == "not shown"  # based on 1 case
