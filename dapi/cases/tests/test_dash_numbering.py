"""The DASH items are numbered as the published checklist numbers them (DOMAIN.md §5), and
migration 0005 renumbered the answers stored under the product's earlier list, both ways."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from dapi.cases import dash
from dapi.cases.models import RiskAssessment
from dapi.cases.services.risk import risk_assessment_create

from .builders import tatc_case

# DOMAIN.md §5, item by item, with a word each of our own short labels must hold.
PUBLISHED = {
    1: ("injury in the current incident", "injury"), 2: ("very frightened", "frightened"),
    3: ("what she is afraid of (further injury or violence)", "afraid"),
    4: ("isolated from family or friends", "isolat"), 5: ("depressed or suicidal", "depress"),
    6: ("separation within the past year", "separation"), 7: ("conflict over child contact", "child contact"),
    8: ("stalking, harassment, constant contact", "stalking"), 9: ("pregnant or recently had a baby", "pregnan"),
    10: ("abuse happening more often", "more often"), 11: ("abuse getting worse", "worse"),
    12: ("controlling or excessively jealous", "jealous"), 13: ("weapons or objects used to hurt", "weapon"),
    14: ("threats to kill believed", "threats to kill"),
    15: ("strangulation, choking, suffocation, drowning", "strangulation"), 16: ("sexual abuse", "sexual"),
    17: ("another person who threatens her or whom she fears", "threats from others"),
    18: ("he has hurt anyone else (children, siblings, elderly relatives, strangers, previous partners)",
         "harm to others"),
    19: ("mistreated an animal", "animal"), 20: ("financial issues or control", "financ"),
    21: ("his drugs, alcohol or mental health problems in the past year", "substance"),
    22: ("his threats or attempts of suicide", "suicide"), 23: ("breached bail, an injunction or an order", "bail"),
    24: ("trouble with the police or a criminal history", "criminal"),
}


@pytest.mark.parametrize("number", range(1, 25))
def test_item_n_is_the_published_checklists_item_n(number):
    topic, word = PUBLISHED[number]
    assert word in dash.DASH_ITEMS[number].lower(), (number, topic, dash.DASH_ITEMS[number])


def test_no_label_is_used_twice_and_there_are_24():
    assert list(dash.DASH_ITEMS) == list(range(1, 25))
    assert len(set(dash.DASH_ITEMS.values())) == 24


def test_harm_to_children_is_part_of_item_18_not_an_item_of_its_own():
    assert "children" in dash.DASH_ITEMS[18]
    assert [n for n, label in dash.DASH_ITEMS.items() if "children" in label.lower()] == [18]


# Answers as the product recorded them before issue 17, under its earlier numbering:
# 1 injury, 2 fear, 3 isolation, ... 16 threats from others, 17 harm to children, 18 harm to others, 19-24.
EARLIER = {str(n): "no" for n in range(1, 25)} | {"1": "yes", "3": "yes", "7": "not_known", "16": "yes",
                                                  "17": "yes", "18": "no", "24": "yes"}


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_the_migration_renumbers_stored_answers_and_going_back_restores_them_exactly(cast):
    case, victim, _ = tatc_case(cast)
    psw = cast["partner-support-worker"]
    made = risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 1, 12), by=psw,
                                  answers={str(n): "no" for n in range(1, 25)})
    both_no = risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 2, 12), by=psw,
                                     answers={str(n): "no" for n in range(1, 25)})
    try:
        apps = _migrate([("cases", "0004_evidence_indexes")])
        old = apps.get_model("cases", "RiskAssessment")
        old.objects.filter(pk=made.pk).update(answers=EARLIER, score=5)
        old.objects.filter(pk=both_no.pk).update(answers=EARLIER | {"17": "no", "18": "not_known"})

        apps = _migrate([("cases", "0005_dash_published_numbering")])
        new = apps.get_model("cases", "RiskAssessment").objects.get(pk=made.pk)
        assert "3" not in new.answers  # never asked: not made up as "not known"
        assert new.answers["1"] == "yes" and new.answers["2"] == "no"
        assert new.answers["4"] == "yes"  # isolation was 3
        assert new.answers["8"] == "not_known"  # stalking was 7
        assert new.answers["17"] == "yes"  # threats from others was 16
        assert new.answers["18"] == "yes"  # harm to children yes, harm to others no: he has hurt someone
        assert new.answers["24"] == "yes"
        assert len(new.answers) == 23 and new.answers_as_recorded == EARLIER
        assert new.score == 5  # graded as it was made
        other = apps.get_model("cases", "RiskAssessment").objects.get(pk=both_no.pk)
        assert other.answers["18"] == "not_known"

        apps = _migrate([("cases", "0004_evidence_indexes")])
        back = apps.get_model("cases", "RiskAssessment")
        assert back.objects.get(pk=made.pk).answers == EARLIER
        assert back.objects.get(pk=both_no.pk).answers == EARLIER | {"17": "no", "18": "not_known"}
    finally:
        _migrate(_latest())


@pytest.mark.django_db(transaction=True)
def test_going_back_moves_a_checklist_recorded_on_the_published_numbering_to_the_earlier_one(cast):
    case, victim, _ = tatc_case(cast)
    published = {str(n): "no" for n in range(1, 25)} | {"3": "yes", "4": "yes", "18": "yes", "19": "not_known"}
    made = risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 1, 12), answers=published,
                                  by=cast["partner-support-worker"])
    assert RiskAssessment.objects.get(pk=made.pk).answers_as_recorded is None
    try:
        apps = _migrate([("cases", "0004_evidence_indexes")])
        earlier = apps.get_model("cases", "RiskAssessment").objects.get(pk=made.pk).answers
        assert earlier["3"] == "yes"  # isolation, the published 4
        assert earlier["18"] == "yes" and earlier["17"] == "not_known"  # who he hurt is not known
        assert earlier["19"] == "not_known" and len(earlier) == 24

        apps = _migrate(_latest())
        again = apps.get_model("cases", "RiskAssessment").objects.get(pk=made.pk)
        assert again.answers["4"] == "yes" and again.answers["18"] == "yes" and "3" not in again.answers
        assert again.answers_as_recorded == earlier
    finally:
        _migrate(_latest())


def test_a_checklist_recorded_on_the_earlier_list_says_so_and_shows_item_3_as_not_asked(cast, client_for):
    case, victim, _ = tatc_case(cast)
    made = risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 1, 12), by=cast[
        "partner-support-worker"], answers={str(n): "yes" if n <= 14 else "no" for n in range(1, 25)})
    migrated = {k: v for k, v in made.answers.items() if k != "3"}
    RiskAssessment.objects.filter(pk=made.pk).update(answers=migrated, answers_as_recorded=made.answers)
    page = client_for(cast["partner-support-worker"]).get(
        reverse("cases:dash_detail", args=[case.pk, made.pk])).content.decode()
    assert "Not asked" in page and "earlier list of items" in page
    assert 'hold 13 "yes", not the 14 it was scored' in page


def test_a_checklist_recorded_now_says_nothing_of_the_earlier_list(cast, client_for):
    case, victim, _ = tatc_case(cast)
    made = risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 1, 12), by=cast[
        "partner-support-worker"], answers={str(n): "no" for n in range(1, 25)})
    page = client_for(cast["partner-support-worker"]).get(
        reverse("cases:dash_detail", args=[case.pk, made.pk])).content.decode()
    assert page.count("Not known") == 0 and "Not asked" not in page and "earlier list" not in page
    assert "3</td><td class=\"govuk-table__cell\">What she is afraid of" in page


@pytest.mark.parametrize("answers, field, words", [
    ({str(n): "no" for n in range(1, 25)} | {"5": "maybe"}, "values", "Items 5: answer yes, no or not known."),
    ({str(n): "no" for n in range(1, 25)} | {"3": None}, "values", "Items 3: answer yes, no or not known."),
    ({str(n): "no" for n in range(1, 25)} | {"25": "no"}, "items", "numbered 1 to 24; not 25"),
    ({str(n): "no" for n in range(1, 25)} | {"0": "yes"}, "items", "numbered 1 to 24; not 0"),
    (dict.fromkeys(range(1, 25), "no"), "answers", "missing: 1, 2"),
    (["no"] * 24, "answers", "item number (1 to 24)"),
])
def test_bad_answers_are_refused_naming_what_is_wrong_and_nothing_is_saved(cast, answers, field, words):
    case, victim, _ = tatc_case(cast)
    with pytest.raises(ValidationError) as e:
        risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 1, 12), answers=answers,
                               by=cast["partner-support-worker"])
    assert words in " ".join(e.value.message_dict[field])
    assert not RiskAssessment.objects.exists()
