"""Comparison groups of cases referred from a police ranking (issue 17, item 7): the referring force's
ranked perpetrators never referred, matched on band and area at entry, computed in the background
from that force's newest import only and stored; the programme's difference in change from the
stored rows."""

from datetime import date

import pytest
import time_machine

from dapi.accounts.models import Organisation
from dapi.cases.models import CaseStatus
from dapi.cases.services.cases import case_change_status
from dapi.cases.services.referrals import referral_accept
from dapi.demo.cases import load_rules
from dapi.funding.models import Programme
from dapi.identification.comparison import programme_comparison
from dapi.identification.models import CaseComparison, Comparator, RankedPerpetrator
from dapi.identification.services import refer_from_ranking
from dapi.identification.tasks import force_comparisons_compute

from .test_outcomes import manchester_analyst, upload  # noqa: F401 (fixture)

CASES = {"P1": 0, "P2": 1, "P3": 1, "P4": 2, "P5": 1}  # non-crime incidents after entry (1 Jun 2023)
COMPARATORS = {"C1": 3, "C2": 2, "C3": 1, "C4": 2, "C5": 3, "C6": 1}  # common assaults after entry
# Everyone has the same two incidents before entry (ABH, then CA): RFGV 57.6 on 1 Jun 2023, band 50.
# Incidents: cases' mean change -1, comparators' 0: difference -1. Harm (days): cases' mean change
# -374, comparators' -355: difference -19.
TRUE_INCIDENTS, TRUE_HARM = -1.0, -19.0


def before(pid: str, area: str = "Hartlepool") -> list[tuple]:
    return [(f"{pid}-1", "2023-03-01", area, pid, f"V{pid}", "ABH", 30),
            (f"{pid}-2", "2023-05-01", area, pid, f"V{pid}", "CA", 30)]


def after(pid: str, n: int, offence: str, area: str = "Hartlepool") -> list[tuple]:
    return [(f"{pid}-a{i}", f"2023-{7 + i:02d}-15", area, pid, f"V{pid}", offence, 30) for i in range(n)]


def cleveland_rows(changed: dict | None = None) -> list[tuple]:
    comparators = {**COMPARATORS, **(changed or {})}
    rows = [r for pid, n in CASES.items() for r in before(pid) + after(pid, n, "NCI")]
    rows += [r for pid, n in comparators.items() for r in before(pid) + after(pid, n, "CA")]
    # R1 looks like them and had six assaults after: referred (never entered), so never a comparator.
    return rows + before("R1") + after("R1", 6, "CA")


def refer(pid: str, cast, programme="cleveland-complex-needs"):
    ranked = RankedPerpetrator.objects.filter(perpetrator_id=pid, incident_import__organisation__name="Cleveland Police")
    with time_machine.travel("2023-05-10 09:00 +00:00", tick=False):
        return refer_from_ranking(ranked=ranked.latest("pk"), programme=Programme.objects.get(slug=programme),
                                  provider=Organisation.objects.get(name="Harbour Support Services"), reason="Ranked",
                                  by=cast["police-analyst"])


def enter(referral, cast):
    org = Organisation.objects.get
    case = referral_accept(referral=referral, by=cast["provider-manager"], on=date(2023, 5, 12), reason="Fits",
                           version=referral.version, victim_service=org(name="My Sister's Place"))
    for to, on in ((CaseStatus.ASSESSMENT, date(2023, 5, 20)), (CaseStatus.ACTIVE, date(2023, 6, 1))):
        case = case_change_status(case=case, to=to, on=on, by=cast["provider-manager"], version=case.version)
    return case


@pytest.fixture
def compared(cast):
    """Cleveland Police ranks everyone as of 1 May 2023; it refers P1-P5 (who enter on 1 Jun 2023)
    and R1 (who never does); its file as of 31 Mar 2024 is ranked, which stores the comparisons."""
    load_rules()
    upload("Cleveland Police", [r for r in cleveland_rows() if r[1] < "2023-05-02"], date(2023, 5, 1),
           cast["police-analyst"])
    cases = [enter(refer(pid, cast), cast) for pid in CASES]
    refer("R1", cast)
    upload("Cleveland Police", cleveland_rows(), date(2024, 3, 31), cast["police-analyst"])
    return cases


def ids_of(case) -> list[str]:
    return list(Comparator.objects.filter(comparison__case=case).values_list("perpetrator_id", flat=True))


def test_comparators_are_the_forces_ranked_people_never_referred_matched_on_band_and_area(compared):
    for case in compared:
        stored = CaseComparison.objects.get(case=case)
        assert (stored.band, stored.area, stored.incident_import.as_of) == (50, "Hartlepool", date(2024, 3, 31))
        assert ids_of(case) == sorted(COMPARATORS)  # never R1, never another case's person


def test_the_difference_in_change_is_worked_out_from_the_incident_rows(cast, compared):
    result = programme_comparison([c.pk for c in compared])
    assert (result.matched, result.unmatched, result.comparators) == (5, 0, 6)
    assert result.incidents.estimate == pytest.approx(TRUE_INCIDENTS)
    assert result.harm.estimate == pytest.approx(TRUE_HARM)
    assert result.means["comparators_incidents_after"] == pytest.approx(2.0)
    # One row changed: C1 had two assaults after entry, not three. His change falls by 1, the
    # comparators' mean change by 1/6, and the difference rises by as much.
    upload("Cleveland Police", cleveland_rows({"C1": 2}), date(2024, 3, 31), cast["police-analyst"])
    moved = programme_comparison([c.pk for c in compared])
    assert moved.incidents.estimate == pytest.approx(TRUE_INCIDENTS + 1 / 6)
    assert moved.harm.estimate == pytest.approx(TRUE_HARM + 10 / 6)


def test_the_interval_holds_the_true_difference_and_is_the_same_every_time(compared):
    first = programme_comparison([c.pk for c in compared])
    again = programme_comparison([c.pk for c in compared])
    assert first.incidents.low < TRUE_INCIDENTS < first.incidents.high
    assert first.harm.low < TRUE_HARM < first.harm.high
    assert (first.incidents, first.harm) == (again.incidents, again.harm) and first.incidents.resamples == 2000


def test_someone_referred_later_is_taken_out_when_the_groups_are_worked_out_again(cast, compared):
    refer("C1", cast)  # into a programme, never entered: referred all the same
    assert force_comparisons_compute(Organisation.objects.get(name="Cleveland Police").pk) == 5
    assert ids_of(compared[0]) == ["C2", "C3", "C4", "C5", "C6"]
    result = programme_comparison([c.pk for c in compared])
    assert result.incidents.estimate == pytest.approx(TRUE_INCIDENTS - (0 - 1 / 5))  # C1's +1 left out


def test_another_forces_perpetrators_are_never_comparators(cast, compared, manchester_analyst):
    # Greater Manchester Police's newer file holds people just like them in an area of the same
    # name, with many assaults after entry; it never reaches Cleveland's cases.
    lookalikes = [r for i in range(8) for r in before(f"G{i}") + after(f"G{i}", 5, "GBH")]
    upload("Greater Manchester Police", lookalikes, date(2024, 4, 30), manchester_analyst)
    force_comparisons_compute(Organisation.objects.get(name="Greater Manchester Police").pk)
    force_comparisons_compute(Organisation.objects.get(name="Cleveland Police").pk)
    assert all(ids_of(c) == sorted(COMPARATORS) for c in compared)
    assert programme_comparison([c.pk for c in compared]).incidents.estimate == pytest.approx(TRUE_INCIDENTS)


def test_a_case_that_entered_after_the_newest_file_has_no_comparison(cast, compared):
    from dapi.identification.tasks import case_outcome_compute

    case = compared[0]
    type(case).objects.filter(pk=case.pk).update(entered_on=date(2024, 4, 2))
    case_outcome_compute.call(case.pk)
    assert not CaseComparison.objects.filter(case=case).exists()
    assert CaseComparison.objects.count() == 4


def test_a_comparison_is_audited_for_the_force_without_its_figures(cast, compared):
    from auditlog.models import LogEntry

    entries = LogEntry.objects.get_for_model(CaseComparison)
    assert entries.count() >= 5 and {e.actor for e in entries} == {cast["police-analyst"]}
    assert all(set(e.changes_dict) <= {"case", "incident_import", "entered_on", "band", "id"} for e in entries)
