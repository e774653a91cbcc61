"""The evidence measures of the demo at volume (dapi/demo/evidence.py; issue 17): disruption and
protective actions, victim-reported outcomes, equality data and comparison groups, and the Cleveland
2023/24 panel pack that shows them with at most a quarter of its counts suppressed."""

import random
import re
from collections import Counter
from datetime import date, timedelta

import pytest
from django.db.models import F

from dapi.cases import equality
from dapi.cases.disruption.models import DisruptionAction, DisruptionKind
from dapi.cases.models import Case, CaseMember, IdentifyingDetails, MemberRole, Referral
from dapi.cases.outcomes.models import Stage, VictimOutcome
from dapi.cases.outcomes.services import scored
from dapi.demo import evidence
from dapi.demo.volume import SPECS, load_demo_volume
from dapi.funding.models import Programme
from dapi.identification.models import CaseComparison, CaseOutcome
from dapi.identification.outcomes import force_latest_import
from dapi.lib.clock import DEMONSTRATION_DATE
from dapi.lib.money import FinancialYear
from dapi.reports.pack import pack_html

from .test_demo_volume import Cells
from dapi.tests.demo_volume import GROUP, volume, volume_loaded  # noqa: F401

CLEVELAND = "cleveland-complex-needs"
VOLUME = r"^SYN-..-D"


pytestmark = GROUP


def test_a_realistic_share_of_cases_have_disruption_actions_of_every_kind_taken_by_the_referring_force(volume):
    cases = Case.objects.filter(referral__police_perpetrator_id__regex=VOLUME)
    actions = DisruptionAction.objects.filter(case__in=cases)
    with_any = actions.values("case").distinct().count()
    assert 0.3 * cases.count() < with_any < 0.85 * cases.count()
    kinds = Counter(actions.values_list("kind", flat=True))
    assert set(kinds) == set(DisruptionKind.values)
    assert kinds[DisruptionKind.ARREST] > kinds[DisruptionKind.CHARGE] > kinds[DisruptionKind.SPO]
    assert kinds[DisruptionKind.DVPN] >= kinds[DisruptionKind.DVPO]
    assert not actions.exclude(agency=F("case__referral__referring_organisation")).exists()


def test_no_disruption_action_is_dated_after_its_cases_end_or_the_demonstration_date(volume):
    actions = DisruptionAction.objects.filter(case__referral__police_perpetrator_id__regex=VOLUME)
    assert actions.count() > 1000
    assert not actions.filter(taken_on__gt=DEMONSTRATION_DATE).exists()
    assert not actions.filter(case__ended_on__isnull=False, taken_on__gt=F("case__ended_on")).exists()
    assert actions.filter(taken_on__lt=F("case__referred_on")).exists()  # his history before referral


def test_domestic_abuse_protection_notices_and_orders_appear_only_from_2024(volume):
    protection = DisruptionAction.objects.filter(kind__in=[DisruptionKind.DAPN, DisruptionKind.DAPO])
    assert protection.exists()
    assert not protection.filter(taken_on__lt=evidence.DAPO_FROM).exists()
    assert DisruptionAction.objects.filter(kind=DisruptionKind.DVPN, taken_on__lt=evidence.DAPO_FROM).exists()


def test_generated_actions_never_pass_the_last_day_whatever_the_stream():
    case = {"referred_on": date(2023, 12, 20), "ended_on": date(2024, 2, 20)}
    seen = Counter()
    for n in range(1000):
        for kind, on in evidence._action_dates(random.Random(n), case, date(2024, 3, 15)):
            assert date(2022, 12, 20) <= on <= date(2024, 2, 20)
            assert kind not in (DisruptionKind.DAPN, DisruptionKind.DAPO) or on >= evidence.DAPO_FROM
            assert kind not in (DisruptionKind.DVPN,) or on < evidence.DAPO_FROM
            seen[kind] += 1
    assert seen[DisruptionKind.DAPN] and seen[DisruptionKind.DVPN] and seen[DisruptionKind.ARREST]


def test_victims_with_partner_support_answer_at_each_stage_with_attrition_and_mostly_improve(volume):
    answers = VictimOutcome.objects.filter(member__case__referral__police_perpetrator_id__regex=VOLUME)
    stages = Counter(answers.values_list("stage", flat=True))
    assert stages[Stage.INTAKE] > 150
    assert stages[Stage.INTAKE] > stages[Stage.EXIT] > stages[Stage.FOLLOW_UP] > 30
    assert stages[Stage.MIDPOINT] > 50
    assert not answers.filter(recorded_on__gt=DEMONSTRATION_DATE).exists()
    assert set(answers.values_list("member__case__programme__slug", flat=True)) == {CLEVELAND}  # partner support
    assert set(answers.values_list("recorded_by__username", flat=True)) == {evidence.PARTNER_SUPPORT}
    intake = dict(answers.filter(stage=Stage.INTAKE).values_list("member_id", "score"))
    for later in (Stage.EXIT, Stage.FOLLOW_UP):
        change = Counter((score > intake[m]) - (score < intake[m])
                         for m, score in answers.filter(stage=later).values_list("member_id", "score"))
        assert sum(change.values()) > 30  # matched pairs, in volume
        assert change[1] > 0.5 * sum(change.values())  # mostly improving
        assert change[-1] > 0  # some worse


def test_stored_answers_are_on_the_scale_and_their_scores_are_the_products_own(volume):
    for outcome in VictimOutcome.objects.select_related("questionnaire").prefetch_related("questionnaire__items")[:300]:
        # Her stored answers, scored again by the service's own function, give what is stored.
        assert scored(outcome.questionnaire, dict(outcome.answers)) == (outcome.answers, outcome.score)
    later = VictimOutcome.objects.exclude(stage=Stage.INTAKE).select_related("member")
    intakes = dict(VictimOutcome.objects.filter(stage=Stage.INTAKE).values_list("member_id", "recorded_on"))
    assert all(o.recorded_on >= intakes[o.member_id] for o in later)


def test_perpetrators_and_victims_have_equality_values_from_their_lists_with_the_usual_gaps(volume):
    men = IdentifyingDetails.objects.filter(person__referrals__police_perpetrator_id__regex=VOLUME)
    women = IdentifyingDetails.objects.filter(person__case_memberships__role=MemberRole.VICTIM,
                                              person__case_memberships__case__referral__police_perpetrator_id__regex=VOLUME)
    assert men.count() == Referral.objects.filter(police_perpetrator_id__regex=VOLUME).count()
    assert women.count() == CaseMember.objects.filter(role=MemberRole.VICTIM,
                                                      case__referral__police_perpetrator_id__regex=VOLUME).count()
    for people in (men, women):
        for field in equality.EQUALITY_FIELDS:
            values = Counter(people.values_list(field, flat=True))
            assert set(values) <= set(dict(equality.choices(field))), field
            assert len(values) >= 2, field
    for field in evidence.ASKED:
        values = Counter(men.values_list(field, flat=True)) + Counter(women.values_list(field, flat=True))
        assert values[equality.NOT_RECORDED] and values[equality.PREFER_NOT_TO_SAY], field
    his, hers = Counter(men.values_list("sex", flat=True)), Counter(women.values_list("sex", flat=True))
    assert his["male"] > 0.85 * men.count() and his["female"] > 0
    assert hers["female"] > 0.85 * women.count() and hers["male"] > 0


def test_equality_data_is_recorded_where_he_was_assessed_and_ethnicity_follows_the_region(volume):
    unassessed = IdentifyingDetails.objects.filter(person__referrals__police_perpetrator_id__regex=VOLUME,
                                                   person__referrals__case__assessment_on__isnull=True)
    assert unassessed.exists()
    assert set(unassessed.values_list("religion", flat=True)) == {equality.NOT_RECORDED}
    assert equality.NOT_RECORDED not in set(unassessed.values_list("age_band", flat=True))  # from the referral

    def asian_share(code):
        values = Counter(equality.reporting_group("ethnicity", v) for v in IdentifyingDetails.objects.filter(
            person__referrals__police_perpetrator_id__startswith=f"SYN-{code}-D").values_list("ethnicity", flat=True))
        return values["asian"] / sum(values.values())

    assert asian_share("GM") > 2 * asian_share("CL")


def test_each_force_has_the_comparison_groups_of_its_cases_computed_from_its_own_import(volume):
    for spec in SPECS:
        force = Referral.objects.filter(referring_organisation__name=spec.force).first().referring_organisation_id
        entered = Case.objects.filter(referral__referring_organisation_id=force, entered_on__isnull=False)
        comparisons = CaseComparison.objects.filter(case__in=entered)
        assert comparisons.count() == entered.count() == CaseOutcome.objects.filter(case__in=entered).count()
        assert set(comparisons.values_list("incident_import", flat=True)) == {force_latest_import(force).pk}
        matched = comparisons.filter(comparators__isnull=False).distinct().count()
        assert matched > 0.8 * comparisons.count()
        others = set(comparisons.values_list("comparators__perpetrator_id", flat=True)) - {None}
        assert not [o for o in others if re.match(r"SYN-..-D", o)]  # never a referred man
        assert len([o for o in others if o.startswith(f"SYN-{spec.code}-N")]) > 50  # the force's never referred


_NumberCells = Cells  # the number cells of a page, as test_demo_volume reads them


def pack_counts(html: str) -> list[str]:
    """Every count a pack's tables show, suppressed or not: "12", "1,204", "<5", "[c]"; a cell of two
    ("before / after") gives two, a count with its share ("49 (86.0%)") the count. Means, rates and
    money are not counts."""
    parser = _NumberCells()
    parser.feed(html)
    counts = []
    for cell in parser.cells:
        for part in cell.split(" / "):
            part = part.split(" (")[0].strip()
            if part.replace(",", "").isdigit() or part in ("<5", "[c]"):
                counts.append(part)
    return counts


def test_pack_counts_reads_pairs_and_shares_and_skips_other_figures():
    html = ('<table><tr><td class="num">1,204</td><td class="num">&lt;5 / 7</td><td class="num">49 (86.0%)</td>'
            '<td class="num">[c] (not shown)</td><td class="num">-1.62</td><td class="num">84.0%</td>'
            '<td>12</td></tr></table>')
    assert pack_counts(html) == ["1,204", "<5", "7", "49", "[c]"]


def test_the_cleveland_2023_24_pack_shows_all_the_evidence_with_at_most_a_quarter_of_its_counts_suppressed(volume):
    html = pack_html(Programme.objects.get(slug=CLEVELAND), FinancialYear(2023), DEMONSTRATION_DATE)
    assert "Mean change in police incidents (after minus before)" in html
    assert "Compared with people the programme did not take on" in html and "95% interval" in html
    assert "Arrest: before entry / after entry" in html
    assert "Intake to exit" in html
    counts = pack_counts(html)
    suppressed = [c for c in counts if c in ("<5", "[c]")]
    assert len(counts) > 300  # the equality tables, the funnel, outcomes, disruption and matched pairs
    assert len(suppressed) <= len(counts) / 4
    shown = [int(c.replace(",", "")) for c in counts if c not in ("<5", "[c]")]
    assert sum(1 for n in shown if n >= 5) > 150  # equality values and actions recorded, not all "not recorded"


def test_the_same_seed_gives_the_same_evidence_and_another_seed_does_not():
    def values(seed):
        rng = random.Random(f"{seed}-x")
        return [evidence.equality_values(rng, "GM", victim=False, age=30, asked=True) for _ in range(50)]

    assert values(1) == values(1)
    assert values(1) != values(2)
    case = {"referred_on": date(2023, 1, 1), "ended_on": None}
    assert evidence._action_dates(random.Random(5), case, date(2024, 3, 15)) == evidence._action_dates(
        random.Random(5), case, date(2024, 3, 15))


@pytest.mark.parametrize("age, band", [(None, equality.NOT_RECORDED), (15, "under_16"), (16, "16_17"), (17, "16_17"),
                                       (18, "18_24"), (24, "18_24"), (25, "25_34"), (58, "55_64"), (70, "65_plus")])
def test_age_bands_follow_the_equality_list(age, band):
    assert evidence.age_band(age) == band
    assert band in dict(equality.choices("age_band"))


def test_nothing_is_dated_after_the_demonstration_date_in_a_short_run():
    """A case referred the day before today: his actions stop at today."""
    today = date(2024, 3, 15)
    case = {"referred_on": today - timedelta(days=1), "ended_on": None}
    for n in range(200):
        assert all(on <= today for _, on in evidence._action_dates(random.Random(n), case, today))
