"""Equality data: one code list per field, recorded on a person's details by the side that may see them."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse

from .. import equality
from ..models import IdentifyingDetails
from ..services.people import identifying_details_set
from .builders import tatc_case, victim_service_manager

pytestmark = pytest.mark.django_db


def test_ethnicity_has_the_19_ons_2021_categories_in_5_groups():
    assert len(equality.ETHNIC_GROUPS) == 5
    assert sum(len(categories) for _, _, categories in equality.ETHNIC_GROUPS) == 19
    assert equality.reporting_group("ethnicity", "roma") == "white"
    assert equality.reporting_group("ethnicity", "arab") == "other"
    assert equality.reporting_group("ethnicity", None) == equality.NOT_RECORDED


@pytest.mark.parametrize("field", equality.EQUALITY_FIELDS)
def test_every_field_offers_not_recorded_and_prefer_not_to_say(field):
    codes = [code for code, _ in equality.choices(field)]
    assert codes[0] == "not_recorded" and codes[-1] == "prefer_not_to_say"
    assert len(codes) == len(set(codes))
    groups = [code for code, _ in equality.reporting_groups(field)]
    assert "not_recorded" in groups and "prefer_not_to_say" in groups


def test_a_persons_equality_data_is_not_recorded_until_someone_records_it(cast):
    case, victim, _ = tatc_case(cast)
    details = IdentifyingDetails.objects.get(person=victim.person)
    assert all(getattr(details, f) == "not_recorded" for f in equality.EQUALITY_FIELDS)


def test_her_side_records_hers_and_his_side_records_his(cast):
    case, victim, _ = tatc_case(cast)
    hers = identifying_details_set(person=victim.person, by=cast["partner-support-worker"], sex="female",
                                   ethnicity="indian", religion="prefer_not_to_say", interpreter_needed="yes")
    assert (hers.sex, hers.get_ethnicity_display(), hers.religion) == (
        "female", "Asian, Asian British or Asian Welsh: Indian", "prefer_not_to_say")
    assert hers.full_name  # the rest of her details are kept
    his = identifying_details_set(person=case.perpetrator, by=cast["perpetrator-worker"], sex="male",
                                  age_band="35_44", disability="not_disabled")
    assert (his.sex, his.age_band) == ("male", "35_44")


def test_nobody_records_equality_data_across_the_barrier(cast):
    case, victim, _ = tatc_case(cast)
    with pytest.raises(Http404):
        identifying_details_set(person=victim.person, by=cast["perpetrator-worker"], ethnicity="irish")
    with pytest.raises(Http404):
        identifying_details_set(person=case.perpetrator, by=cast["partner-support-worker"], ethnicity="irish")
    with pytest.raises(Http404):
        identifying_details_set(person=case.perpetrator, by=cast["commissioner"], ethnicity="irish")
    assert not IdentifyingDetails.objects.filter(ethnicity="irish").exists()


@pytest.mark.parametrize("field, value", [("ethnicity", "martian"), ("sex", "f"), ("age_band", "30"),
                                          ("sexual_orientation", ""), ("interpreter_needed", True)])
def test_an_equality_value_not_in_its_list_is_refused_naming_the_field_and_nothing_changes(cast, field, value):
    _, victim, _ = tatc_case(cast)
    with pytest.raises(ValidationError) as refused:
        identifying_details_set(person=victim.person, by=cast["partner-support-worker"], religion="sikh",
                                **{field: value})
    assert field in refused.value.message_dict
    assert "not in its list; choose one of Not recorded" in refused.value.message_dict[field][0]
    assert IdentifyingDetails.objects.get(person=victim.person).religion == "not_recorded"


def test_the_audit_log_keeps_no_equality_value(cast):
    _, victim, _ = tatc_case(cast)
    details = identifying_details_set(person=victim.person, by=victim_service_manager(), ethnicity="caribbean",
                                      sexual_orientation="bisexual")
    entry = LogEntry.objects.get_for_object(details).filter(actor=victim_service_manager()).latest("pk")
    assert "ethnicity" in entry.changes
    everything = " ".join(str(e.changes) for e in LogEntry.objects.all())
    assert "caribbean" not in everything and "bisexual" not in everything


def test_her_worker_records_and_sees_her_equality_data_on_her_pages(cast, client_for):
    case, victim, _ = tatc_case(cast)
    client = client_for(cast["partner-support-worker"])
    url = reverse("cases:details_edit", args=[case.pk, victim.person_id])
    page = client.get(url)
    assert page.status_code == 200 and "Sexual orientation" in page.content.decode()
    response = client.post(url, {"full_name": "Synthetic Victim Quillon", "ethnicity": "white_british",
                                 "first_language": "welsh", "interpreter_needed": "no"})
    assert response.status_code == 302
    html = client.get(reverse("cases:victim_detail", args=[case.pk, victim.pk])).content.decode()
    assert "White: English, Welsh, Scottish, Northern Irish or British" in html and "Welsh" in html
    assert client_for(cast["perpetrator-worker"]).get(url).status_code == 404


def test_the_form_refuses_a_value_not_in_the_list_and_writes_nothing(cast, client_for):
    case, victim, _ = tatc_case(cast)
    url = reverse("cases:details_edit", args=[case.pk, victim.person_id])
    page = client_for(cast["partner-support-worker"]).post(url, {"full_name": "Changed", "ethnicity": "martian"})
    assert page.status_code == 200
    assert "Select a valid choice" in page.content.decode()
    assert IdentifyingDetails.objects.get(person=victim.person).full_name != "Changed"


def test_her_subject_access_export_includes_her_equality_data(cast):
    from ..protection import subject_access_export

    _, victim, _ = tatc_case(cast)
    identifying_details_set(person=victim.person, by=cast["partner-support-worker"], religion="sikh")
    export = subject_access_export(victim.person, by=cast["partner-support-worker"])
    assert export["identifying_details"]["equality"]["religion"] == "Sikh"
    assert export["identifying_details"]["equality"]["sex"] == "Not recorded"
