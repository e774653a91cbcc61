"""Who may see and change decisions, meetings, resolutions and evaluations (decisions/access.py),
checked for every role of the demo cast and an outsider with no membership.

Each test asks one access function for every role and compares the whole answer with the
expected one, so a failure shows every role that answers differently."""

import pytest
from django.http import Http404

from dapi.accounts.models import Organisation
from dapi.decisions import access
from dapi.decisions.models import Decision, Meeting, Resolution
from dapi.funding.models import Programme

ROLES = ["commissioner", "finance-officer", "provider-manager", "perpetrator-worker", "partner-support-worker",
         "police-analyst", "panel-member", "evaluator", "administrator", "outsider"]
COMMISSIONING = {"commissioner", "finance-officer"}
CLEVELAND_OPCC = "Office of the Police and Crime Commissioner for Cleveland"
LLR_PANEL = "Leicester, Leicestershire and Rutland Police and Crime Panel"
ALL_DECISIONS = {"2022-0007 Home Office", "Cleveland coordinator", "GMCA interventions", "Hampshire services",
                 "LLR panel minutes"}


@pytest.fixture
def users(cast, outsider) -> dict:
    return {**cast, "outsider": outsider}


def short(decision: Decision) -> str:
    """A short name for each seed decision."""
    return {"2022-0007": "2022-0007 Home Office", "PCCML/000407/2018": "Hampshire services"}.get(decision.reference) or (
        "GMCA interventions" if decision.organisation.name.startswith("Greater Manchester")
        else "LLR panel minutes" if decision.document_type == "panel_minutes" else "Cleveland coordinator")


def answers(users, ask) -> dict:
    """{role: ask(user)}, with "404" where ask raised Http404."""
    def one(user):
        try:
            return ask(user)
        except Http404:
            return "404"
    return {role: one(users[role]) for role in ROLES}


def expect(value_for_commissioning, others, **exceptions) -> dict:
    """Commissioners and finance officers get the first value, every other role `others`, except
    the roles named (hyphens as underscores)."""
    named = {role.replace("_", "-"): value for role, value in exceptions.items()}
    return {role: named.get(role, value_for_commissioning if role in COMMISSIONING else others) for role in ROLES}


def cleveland_2022_0007() -> Decision:
    return Decision.objects.get(reference="2022-0007")


def panel_meeting() -> Meeting:
    return Meeting.objects.get(body__name=LLR_PANEL)


def statement() -> Resolution:
    return Resolution.objects.get(meeting=panel_meeting(), number="2")


# -- decisions ------------------------------------------------------------------------------------


def test_commissioners_see_every_decision_provider_managers_those_of_programmes_they_deliver_and_no_one_else_any(
        users):
    seen = answers(users, lambda u: {short(d) for d in access.decision_list_for(u)})
    assert seen == expect(ALL_DECISIONS, set(),
                          provider_manager={"2022-0007 Home Office", "Cleveland coordinator"})


def test_a_decision_is_fetched_for_those_who_see_it_and_is_not_found_for_everyone_else(users):
    decision = cleveland_2022_0007()
    seen = answers(users, lambda u: access.decision_get_for(u, decision.pk).reference)
    assert seen == expect("2022-0007", "404", provider_manager="2022-0007")


def test_a_decision_that_does_not_exist_is_not_found_in_the_same_words(users):
    with pytest.raises(Http404, match="^No such decision$"):
        access.decision_get_for(users["commissioner"], 0)
    with pytest.raises(Http404, match="^No such decision$"):
        access.decision_get_for(users["provider-manager"], Decision.objects.get(reference="PCCML/000407/2018").pk)


def test_only_commissioners_and_finance_officers_have_bodies_to_record_decisions_for(users):
    seen = answers(users, lambda u: sorted(o.name for o in access.deciding_bodies_for(u)))
    bodies = sorted(["Office of the Police and Crime Commissioner for Cleveland",
                     "Office of the Police and Crime Commissioner for Leicester, Leicestershire and Rutland",
                     "Greater Manchester Combined Authority", "Office of the Police and Crime Commissioner for Hampshire"])
    assert seen == expect(bodies, [])


def test_the_pages_that_add_a_decision_are_not_found_for_those_with_no_body_to_record_for(users):
    seen = answers(users, lambda u: access.deciding_bodies_to_create(u).count())
    assert seen == expect(4, "404")


def test_only_commissioners_and_finance_officers_of_a_body_may_record_its_decisions(users):
    cleveland, panel = Organisation.objects.get(name=CLEVELAND_OPCC), Organisation.objects.get(name=LLR_PANEL)
    assert answers(users, lambda u: access.can_create_decision(u)) == expect(True, False)
    assert answers(users, lambda u: access.can_create_decision(u, cleveland)) == expect(True, False)
    assert answers(users, lambda u: access.can_create_decision(u, panel)) == expect(False, False)


def test_only_commissioners_and_finance_officers_of_the_deciding_body_may_change_a_decision(users):
    decision = cleveland_2022_0007()
    assert answers(users, lambda u: access.can_change_decision(u, decision)) == expect(True, False)


def test_a_decision_to_change_is_not_found_for_those_who_only_see_it(users):
    decision = cleveland_2022_0007()
    seen = answers(users, lambda u: access.decision_to_change(u, decision.pk) == decision)
    assert seen == expect(True, "404")
    with pytest.raises(Http404, match="^No such decision$"):
        access.decision_to_change(users["provider-manager"], decision.pk)


# -- meetings and resolutions --------------------------------------------------------------------


def test_a_panels_meeting_is_seen_by_its_members_and_the_commissioners_of_its_programmes_only(users):
    title = panel_meeting().title
    assert answers(users, lambda u: [m.title for m in access.meeting_list_for(u)]) == expect(
        [title], [], panel_member=[title])


def test_a_meeting_is_fetched_for_those_who_see_it_and_is_not_found_for_everyone_else(users):
    meeting = panel_meeting()
    assert answers(users, lambda u: access.meeting_get_for(u, meeting.pk) == meeting) == expect(
        True, "404", panel_member=True)


def test_meetings_are_recorded_by_commissioners_of_the_body_or_of_a_programmes_lead_commissioner(users):
    panel = Organisation.objects.get(name=LLR_PANEL)
    jenkins, cleveland = Programme.objects.get(slug="jenkins-centre"), Programme.objects.get(slug="cleveland-complex-needs")
    assert answers(users, lambda u: access.can_record_meeting(u, panel, [jenkins])) == expect(True, False)
    assert answers(users, lambda u: access.can_record_meeting(u, Organisation.objects.get(name=CLEVELAND_OPCC))) == \
        expect(True, False)
    assert answers(users, lambda u: access.can_record_meeting(u, panel, [cleveland])) == expect(True, False)
    assert answers(users, lambda u: access.can_record_meeting(u, panel)) == expect(False, False)


def test_panel_members_may_not_resolve_at_their_own_panels_meeting_but_its_commissioners_may(users):
    meeting = panel_meeting()
    assert answers(users, lambda u: access.can_resolve(u, meeting)) == expect(True, False)


def test_a_meeting_to_resolve_at_is_not_found_for_those_who_only_see_it(users):
    meeting = panel_meeting()
    assert answers(users, lambda u: access.meeting_to_resolve(u, meeting.pk) == meeting) == expect(True, "404")
    with pytest.raises(Http404, match="^No such meeting$"):
        access.meeting_to_resolve(users["panel-member"], meeting.pk)


def test_resolutions_are_seen_with_their_meeting(users):
    assert answers(users, lambda u: sorted(r.number for r in access.resolution_list_for(u))) == expect(
        ["1", "2", "3"], [], panel_member=["1", "2", "3"])


def test_a_resolution_is_fetched_for_those_who_see_it_and_is_not_found_for_everyone_else(users):
    resolution = statement()
    assert answers(users, lambda u: access.resolution_get_for(u, resolution.pk) == resolution) == expect(
        True, "404", panel_member=True)


def test_only_those_who_may_resolve_at_the_meeting_may_change_its_resolutions(users):
    resolution = statement()
    assert answers(users, lambda u: access.can_change_resolution(u, resolution)) == expect(True, False)


def test_a_resolution_to_change_is_not_found_for_those_who_only_see_it(users):
    resolution = statement()
    assert answers(users, lambda u: access.resolution_to_change(u, resolution.pk) == resolution) == expect(True, "404")
    with pytest.raises(Http404, match="^No such resolution$"):
        access.resolution_to_change(users["panel-member"], resolution.pk)


# -- evaluations ---------------------------------------------------------------------------------


def test_evaluations_are_seen_with_their_programme_and_by_the_research_body_carrying_them_out(users):
    seen = answers(users, lambda u: sorted(e.programme.slug for e in access.evaluation_list_for(u)))
    assert seen == expect(["cleveland-complex-needs", "jenkins-centre"], [],
                          provider_manager=["cleveland-complex-needs"], evaluator=["cleveland-complex-needs"])


def test_only_commissioners_and_finance_officers_of_the_lead_commissioner_plan_a_programmes_evaluations(users):
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    assert answers(users, lambda u: access.can_plan_evaluation(u, programme)) == expect(True, False)
