"""Every write to decisions, meetings, resolutions and evaluations is audited as the user who made
it; a user who may not make it gets the not-found that pages and the API answer 404 with, and
nothing is written."""

from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.http import Http404

from dapi.accounts.models import Organisation
from dapi.decisions import services
from dapi.decisions.models import Decision, Evaluation, Meeting, Resolution
from dapi.funding.models import Programme

CLEVELAND_OPCC = "Office of the Police and Crime Commissioner for Cleveland"
LLR_PANEL = "Leicester, Leicestershire and Rutland Police and Crime Panel"


def cleveland_opcc() -> Organisation:
    return Organisation.objects.get(name=CLEVELAND_OPCC)


def panel_meeting() -> Meeting:
    return Meeting.objects.get(body__name=LLR_PANEL)


def statement() -> Resolution:
    return Resolution.objects.get(meeting=panel_meeting(), number="2")


def new_decision(by, **overrides) -> Decision:
    fields = {"title": "Perpetrator programme extension", "organisation": cleveland_opcc(), "decision_maker": "PCC",
              "decision_date": date(2024, 4, 1),
              "programmes": [Programme.objects.get(slug="cleveland-complex-needs")],
              "stated_totals": [{"label": "Total", "amount": Decimal("0.00"), "component": "agreements"}]}
    return services.decision_create(by=by, **{**fields, **overrides})


def audited(instance, action=LogEntry.Action.CREATE):
    """The actors of `instance`'s audit rows of `action`."""
    return [e.actor for e in LogEntry.objects.get_for_object(instance).filter(action=action)]


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in (Decision, Meeting, Resolution, Evaluation, LogEntry)}


def test_creating_a_decision_writes_its_audit_row_as_the_commissioner(cast):
    decision = new_decision(cast["finance-officer"])
    assert audited(decision) == [cast["finance-officer"]]
    assert audited(decision.stated_totals.get()) == [cast["finance-officer"]]


@pytest.mark.parametrize("who", ["provider-manager", "panel-member", "administrator"])
def test_a_decision_is_not_recorded_for_a_body_the_user_does_not_commission_for(cast, who):
    before = counts()
    with pytest.raises(Http404, match="^No such organisation$"):
        new_decision(cast[who])
    assert counts() == before


def test_a_commissioner_may_not_record_a_decision_of_a_panel(cast):
    before = counts()
    with pytest.raises(Http404):
        new_decision(cast["commissioner"], organisation=Organisation.objects.get(name=LLR_PANEL))
    assert counts() == before


def test_changing_a_decision_writes_its_audit_row_as_the_commissioner(cast):
    decision = Decision.objects.get(reference="2022-0007")
    services.decision_update(decision=decision, by=cast["commissioner"], status_text="Approved and signed")
    assert audited(decision, LogEntry.Action.UPDATE) == [cast["commissioner"]]


@pytest.mark.parametrize("who", ["provider-manager", "panel-member", "outsider"])
def test_a_decision_is_not_changed_by_someone_who_may_not(cast, outsider, who):
    decision = Decision.objects.get(reference="2022-0007")
    before = counts()
    with pytest.raises(Http404, match="^No such decision$"):
        services.decision_update(decision=decision, by=outsider if who == "outsider" else cast[who], title="Renamed")
    assert counts() == before and Decision.objects.get(pk=decision.pk).title != "Renamed"


def test_a_decision_is_not_moved_to_a_body_the_user_does_not_commission_for(cast):
    decision = Decision.objects.get(reference="2022-0007")
    before = counts()
    with pytest.raises(Http404, match="^No such organisation$"):
        services.decision_update(decision=decision, by=cast["commissioner"],
                                 organisation=Organisation.objects.get(name=LLR_PANEL))
    assert counts() == before and Decision.objects.get(pk=decision.pk).organisation == cleveland_opcc()


def test_recording_a_meeting_writes_its_audit_row_as_the_commissioner(cast):
    meeting = services.meeting_create(by=cast["commissioner"], body=Organisation.objects.get(name=LLR_PANEL),
                                      title="Panel, June", programmes=[Programme.objects.get(slug="jenkins-centre")])
    assert audited(meeting) == [cast["commissioner"]]


def test_a_panel_member_may_not_record_a_meeting_of_their_own_panel(cast):
    before = counts()
    with pytest.raises(Http404):
        services.meeting_create(by=cast["panel-member"], body=Organisation.objects.get(name=LLR_PANEL),
                                title="Panel, June", programmes=[Programme.objects.get(slug="jenkins-centre")])
    assert counts() == before


def test_recording_a_resolution_writes_its_audit_row_as_the_commissioner(cast):
    resolution = services.resolution_create(by=cast["commissioner"], meeting=panel_meeting(), number="4",
                                            text="That a contingency plan come to the June panel.")
    assert audited(resolution) == [cast["commissioner"]]


@pytest.mark.parametrize("who", ["panel-member", "provider-manager"])
def test_a_resolution_is_not_recorded_by_someone_who_may_not_resolve_at_the_meeting(cast, who):
    before = counts()
    with pytest.raises(Http404, match="^No such meeting$"):
        services.resolution_create(by=cast[who], meeting=panel_meeting(), number="4", text="Report in September.")
    assert counts() == before


def test_changing_a_resolution_writes_its_audit_row_as_the_commissioner(cast):
    resolution = statement()
    services.resolution_update(resolution=resolution, by=cast["commissioner"], version=resolution.version,
                               status="done", completed_on=date(2023, 3, 20))
    assert audited(resolution, LogEntry.Action.UPDATE) == [cast["commissioner"]]


def test_a_panel_member_may_not_change_their_panels_resolution(cast):
    resolution = statement()
    before = counts()
    with pytest.raises(Http404, match="^No such resolution$"):
        services.resolution_update(resolution=resolution, by=cast["panel-member"], version=resolution.version,
                                   status="done")
    assert counts() == before
    assert (Resolution.objects.get(pk=resolution.pk).status, Resolution.objects.get(pk=resolution.pk).version) == (
        "open", resolution.version)


def test_planning_an_evaluation_writes_its_audit_row_as_the_commissioner(cast):
    evaluation = services.evaluation_create(
        by=cast["commissioner"], programme=Programme.objects.get(slug="cleveland-complex-needs"),
        evaluator=Organisation.objects.get(name="Barefoot Social Research"), title="Second-year evaluation",
        due_on=date(2025, 3, 31))
    assert audited(evaluation) == [cast["commissioner"]]


def test_an_evaluator_may_not_plan_an_evaluation(cast):
    before = counts()
    with pytest.raises(Http404, match="^No such programme$"):
        services.evaluation_create(
            by=cast["evaluator"], programme=Programme.objects.get(slug="cleveland-complex-needs"),
            evaluator=Organisation.objects.get(name="Barefoot Social Research"), title="Our own evaluation")
    assert counts() == before


def test_the_system_passes_every_check_and_its_rows_have_no_actor(cast):
    decision = new_decision(None, organisation=Organisation.objects.get(name=LLR_PANEL))
    assert audited(decision) == [None]
