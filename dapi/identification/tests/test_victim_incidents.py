"""The DASH escalation criterion fed by the police incidents naming a victim where the data allows
(issue 17, item 8): a victim with a police identifier of a case referred with a force's identifier;
her incidents come only from that force's newest ranked import, computed in the background when
it is ranked or her identifier is set, and stored."""

from datetime import date

import pytest
from auditlog.models import LogEntry

from dapi.cases.models import MemberRole
from dapi.cases.services.cases import member_add
from dapi.cases.services.people import identifying_details_set, person_create
from dapi.cases.services.risk import risk_assessment_create
from dapi.cases.tests.builders import MSP, org, tatc_case, victim_service_manager
from dapi.identification.models import VictimIncidents
from dapi.identification.victims import stored_incident_dates

from .test_outcomes import manchester_analyst, referred_and_entered, upload  # noqa: F401 (a fixture)

ESCALATED = "escalation: 3 police incidents in 365 days (3 or more domestic abuse events)"
DASH_INCIDENT = date(2023, 9, 1)  # the police incident the DASH follows


def rows(victim="V-HER", *, first="V-HER", area="Hartlepool"):
    """Three incidents of his naming her in the year to the DASH's incident (the last of them), and
    one of someone else's; `first` is the victim named by the earliest."""
    return [("I1", "2023-03-01", area, "P1", first, "CA", 30), ("I2", "2023-05-01", area, "P1", victim, "HAR", 30),
            ("I3", DASH_INCIDENT.isoformat(), area, "P1", victim, "ABH", 30),
            ("I9", "2023-09-02", area, "P9", "V9", "GBH", 30)]


def her_on(case, cast, *, police_id="V-HER"):
    """Her, linked to the case as its victim by his side, her details (with `police_id`) recorded by hers."""
    her = person_create(recorded_by=org(MSP), by=victim_service_manager(), is_synthetic=True)
    member = member_add(case=case, person=her, role=MemberRole.VICTIM, relationship="partner",
                        by=cast["provider-manager"])
    identifying_details_set(person=her, by=victim_service_manager(), full_name="Synthetic Victim Orrell",
                            police_person_id=police_id)
    return member


def dash(case, member, *, assessed_on=date(2023, 9, 3)):
    answers = {str(n): "yes" if n <= 3 else "no" for n in range(1, 25)}
    return risk_assessment_create(case=case, member=member, assessed_on=assessed_on, answers=answers,
                                  incident_on=DASH_INCIDENT, by=victim_service_manager())


def test_three_police_incidents_naming_her_in_the_year_meet_escalation(cast):
    case = referred_and_entered(cast)
    member = her_on(case, cast)
    upload("Cleveland Police", rows(), date(2023, 12, 31), cast["police-analyst"])
    assert stored_incident_dates(member) == [date(2023, 3, 1), date(2023, 5, 1), DASH_INCIDENT]
    assessment = dash(case, member)
    assert assessment.marac_referral is True
    assert assessment.marac_reasons == [ESCALATED]


def test_two_police_incidents_do_not(cast):
    case = referred_and_entered(cast)
    member = her_on(case, cast)
    upload("Cleveland Police", rows(first="V-SOMEONE-ELSE"), date(2023, 12, 31), cast["police-analyst"])
    assert stored_incident_dates(member) == [date(2023, 5, 1), DASH_INCIDENT]
    assessment = dash(case, member)
    assert assessment.marac_referral is False and assessment.marac_reasons == []


def test_incidents_in_another_forces_import_never_count(cast, manchester_analyst):  # noqa: F811
    case = referred_and_entered(cast)  # Cleveland's import names victims V1 only
    member = her_on(case, cast)
    # Greater Manchester Police's newer file names her identifier in three incidents of the year.
    upload("Greater Manchester Police", rows(area="Manchester"), date(2023, 12, 31), manchester_analyst)
    assert not VictimIncidents.objects.filter(incident_import__organisation__name="Greater Manchester Police").exists()
    assert stored_incident_dates(member) == []
    assert dash(case, member).marac_referral is False


def test_changing_an_incident_row_in_the_import_moves_the_result(cast):
    case = referred_and_entered(cast)
    member = her_on(case, cast)
    upload("Cleveland Police", rows(), date(2023, 12, 31), cast["police-analyst"])
    assert dash(case, member).marac_reasons == [ESCALATED]
    # The force's next import names someone else as the victim of the first incident: two are left.
    upload("Cleveland Police", rows(first="V-SOMEONE-ELSE"), date(2024, 1, 31), cast["police-analyst"])
    assert stored_incident_dates(member) == [date(2023, 5, 1), DASH_INCIDENT]
    again = dash(case, member, assessed_on=date(2023, 9, 4))
    assert again.marac_referral is False
    # And one more incident naming her, on another day of the year, meets it again.
    upload("Cleveland Police", [*rows(first="V-SOMEONE-ELSE"), ("I4", "2023-08-01", "Hartlepool", "P1", "V-HER",
                                                                "CA", 30)], date(2024, 2, 29), cast["police-analyst"])
    assert dash(case, member, assessed_on=date(2023, 9, 5)).marac_reasons == [ESCALATED]


def test_without_a_police_identifier_of_hers_the_dash_is_as_before(cast):
    case = referred_and_entered(cast)
    member = her_on(case, cast, police_id="")
    upload("Cleveland Police", rows(), date(2023, 12, 31), cast["police-analyst"])
    assert not VictimIncidents.objects.exists()
    assessment = dash(case, member)
    assert assessment.marac_referral is False and assessment.marac_reasons == []


def test_a_case_not_referred_by_the_police_is_as_before_whatever_her_identifier(cast):
    upload("Cleveland Police", rows(), date(2023, 12, 31), cast["police-analyst"])
    case, victim, _ = tatc_case(cast)
    identifying_details_set(person=victim.person, by=victim_service_manager(), police_person_id="V-HER")
    assert not VictimIncidents.objects.exists()
    assert dash(case, victim).marac_referral is False


def test_setting_her_identifier_after_the_import_is_ranked_computes_them_and_clearing_it_removes_them(cast):
    case = referred_and_entered(cast)
    member = her_on(case, cast, police_id="")
    upload("Cleveland Police", rows(), date(2023, 12, 31), cast["police-analyst"])
    identifying_details_set(person=member.person, by=victim_service_manager(), police_person_id="V-HER")
    assert len(stored_incident_dates(member)) == 3
    identifying_details_set(person=member.person, by=victim_service_manager(), police_person_id="V-OTHER")
    assert stored_incident_dates(member) == []  # she is named in none under that identifier
    assert VictimIncidents.objects.get(member=member).police_person_id == "V-OTHER"
    identifying_details_set(person=member.person, by=victim_service_manager(), police_person_id="")
    assert not VictimIncidents.objects.filter(member=member).exists()
    assert dash(case, member).marac_referral is False


def test_linking_someone_who_already_has_an_identifier_computes_hers(cast):
    case = referred_and_entered(cast)
    upload("Cleveland Police", rows(), date(2023, 12, 31), cast["police-analyst"])
    her = person_create(recorded_by=org(MSP), by=victim_service_manager(), is_synthetic=True)
    identifying_details_set(person=her, by=victim_service_manager(), police_person_id="V-HER")
    assert not VictimIncidents.objects.exists()  # not a victim of a police-referred case yet
    member = member_add(case=case, person=her, role=MemberRole.VICTIM, by=cast["provider-manager"])
    assert len(stored_incident_dates(member)) == 3


def test_storing_her_incidents_is_audited_as_the_analysts_upload_without_the_dates(cast):
    case = referred_and_entered(cast)
    member = her_on(case, cast)
    upload("Cleveland Police", rows(), date(2023, 12, 31), cast["police-analyst"])
    # Her identifier set (from the force's first import), then the force's next import ranked.
    entries = list(LogEntry.objects.get_for_model(VictimIncidents).order_by("pk"))
    assert [e.action for e in entries] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE]
    assert {e.actor for e in entries} == {cast["police-analyst"]}
    assert {e.object_pk for e in entries} == {str(VictimIncidents.objects.get(member=member).pk)}
    assert all(set(e.changes_dict) <= {"member", "incident_import", "id"} for e in entries)
    assert all("2023-03-01" not in e.changes_str and "V-HER" not in e.changes_str for e in entries)


@pytest.mark.parametrize("stored_id, current_id", [("V-HER", "V-NEW")])
def test_dates_stored_for_an_identifier_she_no_longer_has_are_not_read(cast, stored_id, current_id):
    case = referred_and_entered(cast)
    member = her_on(case, cast, police_id=stored_id)
    upload("Cleveland Police", rows(), date(2023, 12, 31), cast["police-analyst"])
    # As if her identifier changed while the task that recomputes them is still queued.
    details = member.person.identifying_details
    details.police_person_id = current_id
    details.save()
    assert VictimIncidents.objects.get(member=member).police_person_id == stored_id
    assert stored_incident_dates(member) == []


def test_dapi_outcomes_queues_the_victims_police_incidents_to_be_worked_out_again(cast):
    from django.core.management import call_command

    case = referred_and_entered(cast)
    member = her_on(case, cast)
    upload("Cleveland Police", rows(), date(2023, 12, 31), cast["police-analyst"])
    VictimIncidents.objects.all().delete()  # as after an upgrade: none stored yet
    call_command("outcomes")
    assert len(stored_incident_dates(member)) == 3  # tasks run at once in tests
