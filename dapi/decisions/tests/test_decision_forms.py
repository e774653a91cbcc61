"""Adding and changing decision records and the money they link to."""

from html import unescape

from auditlog.models import LogEntry
from django.urls import reverse

from dapi.accounts.models import Organisation
from dapi.decisions.models import Decision
from dapi.funding.models import Agreement, Programme

OPCC = "Office of the Police and Crime Commissioner for Cleveland"


def data(**overrides):
    d = {"reference": "2024-0100", "title": "Perpetrator strategy commissioning", "document_type": "decision_record",
         "organisation": str(Organisation.objects.get(name=OPCC).pk), "decision_maker": "PCC for Cleveland",
         "status": "approved", "status_text": "", "is_key_decision": "no", "is_subject_to_call_in": "",
         "decision_date": "2024-08-01", "publication_date": "", "lead_officer": "", "summary": "", "decision_text": "",
         "source_note": ""}
    d.update(overrides)
    return d


def test_commissioner_records_a_decision_linked_to_a_programme_and_agreement(cast, client_for):
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    agreement = Agreement.objects.get(title__startswith="Interim Perpetrators")
    response = client_for(cast["commissioner"]).post(
        reverse("decisions:decision_create"),
        data(programmes=[programme.pk], agreements=[agreement.pk]))
    decision = Decision.objects.get(reference="2024-0100")
    assert response.status_code == 302
    assert response["Location"] == reverse("decisions:decision_detail", args=[decision.pk])
    assert decision.is_key_decision is False
    assert decision.is_subject_to_call_in is None
    assert list(decision.agreements.all()) == [agreement]
    assert LogEntry.objects.get_for_object(decision).get().actor == cast["commissioner"]


def test_a_decision_without_a_title_is_refused_and_nothing_is_saved(cast, client_for):
    before = Decision.objects.count()
    response = client_for(cast["commissioner"]).post(reverse("decisions:decision_create"), data(title=""))
    html = unescape(response.content.decode())
    assert 'id="id_title-error"' in html
    assert Decision.objects.count() == before


def test_the_deciding_body_is_chosen_from_the_users_commissioning_organisations(cast, client_for):
    panel = Organisation.objects.get(name__endswith="Police and Crime Panel")
    before = Decision.objects.count()
    response = client_for(cast["commissioner"]).post(reverse("decisions:decision_create"), data(organisation=panel.pk))
    assert 'id="id_organisation-error"' in response.content.decode()
    assert Decision.objects.count() == before


def test_editing_keeps_links_and_changes_fields(cast, client_for):
    decision = Decision.objects.get(reference="2022-0007")
    client = client_for(cast["commissioner"])
    page = unescape(client.get(reverse("decisions:decision_edit", args=[decision.pk])).content.decode())
    assert 'value="yes"' in page
    agreements = list(decision.agreements.values_list("pk", flat=True))
    response = client.post(reverse("decisions:decision_edit", args=[decision.pk]), data(
        reference="2022-0007", title=decision.title, decision_maker=decision.decision_maker, is_key_decision="yes",
        decision_date="2022-09-05", programmes=list(decision.programmes.values_list("pk", flat=True)),
        agreements=agreements, awards=list(decision.awards.values_list("pk", flat=True))))
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.is_key_decision is True
    assert sorted(decision.agreements.values_list("pk", flat=True)) == sorted(agreements)
    assert decision.match_contributions.count() == 1  # not on the form, so untouched


def test_only_commissioners_of_the_deciding_body_may_change_a_decision(cast, client_for):
    decision = Decision.objects.get(reference="2022-0007")
    for username in ("provider-manager", "panel-member"):
        client = client_for(cast[username])
        assert client.get(reverse("decisions:decision_edit", args=[decision.pk])).status_code == 404
        assert client.get(reverse("decisions:decision_create")).status_code == 404
