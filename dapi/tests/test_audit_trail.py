"""Every change to money is audited with the actor and the remote address it came from."""

from auditlog.models import LogEntry

from dapi.accounts.services import api_token_create
from dapi.funding.models import Award


def test_an_award_posted_with_a_token_is_audited_with_its_user_and_address(cast, client):
    commissioner = cast["commissioner"]
    _, token = api_token_create(user=commissioner, name="audit test", by=commissioner)
    response = client.post(
        "/api/awards", content_type="application/json", REMOTE_ADDR="203.0.113.9",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        data={"programme": "jenkins-centre", "funder": "Home Office", "title": "Audit trail award",
              "amount": "1000.00", "awarded_on": "2023-03-17", "start": "2023-04-01", "end": "2024-03-31"})
    assert response.status_code == 201, response.content
    award = Award.objects.get(title="Audit trail award")
    entry = LogEntry.objects.get_for_object(award).get()
    assert (entry.action, entry.actor, entry.remote_addr) == (LogEntry.Action.CREATE, commissioner, "203.0.113.9")
    assert entry.changes_dict["amount"][1] == "1000.00"


def test_a_page_form_change_is_audited_with_the_signed_in_user_and_address(cast, client_for):
    client = client_for(cast["finance-officer"])
    award = Award.objects.get(amount="157423.33")
    response = client.get(f"/awards/{award.pk}/edit/")
    assert response.status_code == 200
    form = response.context["form"]
    data = {name: ("" if value is None else value) for name, value in form.initial.items()}
    data.update({name: form[name].value() or "" for name in form.fields})
    data["title"] = "Home Office perpetrator programme, year two (renamed)"
    response = client.post(f"/awards/{award.pk}/edit/", data, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    entry = LogEntry.objects.get_for_object(award).filter(action=LogEntry.Action.UPDATE).get()
    assert (entry.actor, entry.remote_addr) == (cast["finance-officer"], "198.51.100.7")
    assert "title" in entry.changes_dict
