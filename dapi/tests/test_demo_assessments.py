"""The volume demo's perpetrator-side assessments, risk management plans and coded exit reasons
(issue 17, item 6): made for its cases, deterministic from the seed, some plans overdue as of the
demonstration date, and the Cleveland pack's closures broken down by coded reason."""

from collections import Counter

import pytest

from dapi.cases import exits
from dapi.cases.models import Case, CaseStatus, PerpetratorAssessment, PlanReview, RiskPlan
from dapi.demo.volume import load_demo_volume
from dapi.funding.models import Programme
from dapi.lib.clock import DEMONSTRATION_DATE
from dapi.lib.money import FinancialYear
from dapi.reports.evidence import programme_evidence
from dapi.tests.demo_volume import GROUP, volume, volume_loaded  # noqa: F401

CLEVELAND = "cleveland-complex-needs"


pytestmark = GROUP


def test_every_assessed_case_has_an_intake_and_the_completed_an_exit_none_after_the_demonstration_date(volume):
    cases = Case.objects.filter(referral__police_perpetrator_id__regex=r"^SYN-..-D")
    assessed = cases.filter(assessment_on__isnull=False)
    kinds = Counter(PerpetratorAssessment.objects.filter(case__in=cases).values_list("kind", flat=True))
    assert kinds["intake"] == assessed.count() > 1000
    assert kinds["exit"] == cases.filter(status=CaseStatus.COMPLETED).count() > 300
    assert kinds["review"] > 500
    assert not PerpetratorAssessment.objects.filter(assessed_on__gt=DEMONSTRATION_DATE).exists()
    for a in PerpetratorAssessment.objects.filter(case__in=cases)[:200]:
        assert a.total == sum(a.answers.values()) and all(0 <= v <= 3 for v in a.answers.values())


def test_plans_are_reviewed_and_some_open_ones_are_overdue_on_the_demonstration_date(volume):
    plans = RiskPlan.objects.filter(case__referral__police_perpetrator_id__regex=r"^SYN-..-D")
    open_plans = plans.filter(case__ended_on__isnull=True)
    overdue = open_plans.filter(next_review_on__lt=DEMONSTRATION_DATE).count()
    assert plans.count() > 500 and PlanReview.objects.filter(plan__in=plans).count() > 2 * plans.count()
    assert 5 <= overdue < open_plans.count() / 2
    assert not PlanReview.objects.filter(reviewed_on__gt=DEMONSTRATION_DATE).exists()


def test_every_ended_demo_case_has_a_coded_reason_that_fits_its_status(volume):
    ended = Case.objects.filter(ended_on__isnull=False)
    by = Counter(ended.values_list("status", "exit_reason"))
    assert not [k for k in by if k[1] == ""]
    assert {r for s, r in by if s == CaseStatus.COMPLETED} == {exits.COMPLETED}
    assert {r for s, r in by if s == CaseStatus.DISENGAGED} <= set(exits.DISENGAGED_REASONS) | {exits.OTHER}
    assert len({r for _, r in by}) >= 5


def test_the_cleveland_2023_24_evidence_breaks_closures_down_by_coded_reason(volume):
    programme = Programme.objects.get(slug=CLEVELAND)
    ev = programme_evidence(programme, FinancialYear(2023), DEMONSTRATION_DATE, published=False)
    ended = Case.objects.filter(programme=programme, ended_on__range=(FinancialYear(2023).start,
                                                                      FinancialYear(2023).end))
    expected = Counter(ended.values_list("exit_reason", flat=True))
    assert {row.label: row.cell.value for row in ev.exits} == {
        label: expected.get(code, 0) for code, label in exits.EXIT_REASONS}
    assert ev.exits_total.value == ended.count() > 50
