"""Adding and changing agreements: field-level errors, nothing saved when invalid, conflicts."""

from html import unescape

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from dapi.funding.models import Agreement, AgreementContribution, Programme

CLEVELAND = "cleveland-complex-needs"
OPCC = "Office of the Police and Crime Commissioner for Cleveland"


def form_data(schedule=(), **overrides) -> dict:
    data = {
        "kind": "grant", "title": "Navigator grant 2024/25", "reference": "2024-0001", "commissioner": OPCC,
        "provider": "Harbour Support Services", "award": "", "value": "30000.00", "start": "2024-04-01",
        "end": "2025-03-31", "extension_until": "", "extension_terms": "", "break_notice_months": "",
        "conditions": "", "status": "approved", "terminated_on": "",
        "schedule-TOTAL_FORMS": "4", "schedule-INITIAL_FORMS": "0", "schedule-MIN_NUM_FORMS": "0",
        "schedule-MAX_NUM_FORMS": "4",
    }
    for i in range(4):
        data.update({f"schedule-{i}-partner": "", f"schedule-{i}-amount": "", f"schedule-{i}-basis": "per_annum"})
    for i, (partner, amount, basis, is_cap) in enumerate(schedule):
        data.update({f"schedule-{i}-partner": partner, f"schedule-{i}-amount": amount, f"schedule-{i}-basis": basis})
        if is_cap:
            data[f"schedule-{i}-is_cap"] = "on"
    data.update(overrides)
    return data


def post_new(client, data):
    response = client.post(reverse("funding:agreement_create", args=[CLEVELAND]), data)
    return response, unescape(response.content.decode())


def counts():
    return Agreement.objects.count(), AgreementContribution.objects.count()


def field_error(html, field_id, message):
    """The message is in the field's own error message, not only in the summary."""
    return f'id="{field_id}-error"' in html and message in html.split(f'id="{field_id}-error"')[1].split("</p>")[0]


def test_commissioner_adds_an_agreement_with_its_partner_schedule(cast, client_for):
    client = client_for(cast["commissioner"])
    response = client.post(reverse("funding:agreement_create", args=[CLEVELAND]),
                           form_data(schedule=[(OPCC, "20000", "total", False),
                                               ("Hartlepool Borough Council", "£10,000.00", "total", False)]))
    agreement = Agreement.objects.get(title="Navigator grant 2024/25")
    assert response.status_code == 302
    assert response["Location"] == reverse("funding:agreement_detail", args=[agreement.pk])
    assert agreement.provider.name == "Harbour Support Services"
    assert sorted(c.amount for c in agreement.contributions.all()) == [10000, 20000]
    followed = unescape(client.get(response["Location"]).content.decode())
    assert "Agreement “Navigator grant 2024/25” added." in followed
    assert "Reconciles" in followed


def test_creating_an_agreement_writes_an_audit_entry_with_the_actor(cast, client_for):
    client_for(cast["commissioner"]).post(reverse("funding:agreement_create", args=[CLEVELAND]), form_data())
    agreement = Agreement.objects.get(title="Navigator grant 2024/25")
    entry = LogEntry.objects.get_for_object(agreement).get(action=LogEntry.Action.CREATE)
    assert entry.actor == cast["commissioner"]


def test_a_negative_value_is_refused_on_the_field_and_nothing_is_saved(cast, client_for):
    before = counts()
    response, html = post_new(client_for(cast["commissioner"]), form_data(value="-5"))
    assert response.status_code == 200
    assert field_error(html, "id_value", "Enter an amount of £0.00 or more.")
    assert "There is a problem" in html
    assert counts() == before


def test_an_end_before_the_start_is_refused_on_the_end_date(cast, client_for):
    before = counts()
    _, html = post_new(client_for(cast["commissioner"]), form_data(start="2025-04-01", end="2024-03-31"))
    assert field_error(html, "id_end", "The end date must be on or after the start date.")
    assert counts() == before


def test_partner_lines_adding_up_to_more_than_the_value_are_refused_above_the_schedule(cast, client_for):
    before = counts()
    _, html = post_new(client_for(cast["commissioner"]),
                       form_data(value="1000", schedule=[(OPCC, "800", "total", False), (OPCC, "700", "total", False)]))
    assert field_error(html, "schedule", "The partner lines add up to £1,500.00 over the term, more than the agreement's "
                                         "value of £1,000.00.")
    assert counts() == before


def test_a_per_annum_line_without_a_start_date_is_refused_at_the_start_date(cast, client_for):
    before = counts()
    _, html = post_new(client_for(cast["commissioner"]),
                       form_data(start="", schedule=[(OPCC, "5000", "per_annum", False)]))
    assert field_error(html, "id_start", "A per-annum amount needs a term: enter the agreement's start date.")
    assert counts() == before


def test_an_unknown_organisation_name_is_refused_on_its_field(cast, client_for):
    before = counts()
    _, html = post_new(client_for(cast["commissioner"]), form_data(provider="Harbor Support"))
    assert field_error(html, "id_provider",
                       "No organisation called “Harbor Support”. Choose one from the list or ask an administrator to add it.")
    assert counts() == before


def test_an_unknown_partner_in_the_schedule_is_refused_on_its_line(cast, client_for):
    before = counts()
    _, html = post_new(client_for(cast["commissioner"]), form_data(schedule=[("Nobody Council", "10", "total", False)]))
    assert field_error(html, "id_schedule-0-partner", "No organisation called “Nobody Council”.")
    assert "Partner line 1: No organisation called" in html
    assert counts() == before


def test_a_schedule_line_without_an_amount_is_refused(cast, client_for):
    _, html = post_new(client_for(cast["commissioner"]), form_data(schedule=[(OPCC, "", "total", False)]))
    assert field_error(html, "id_schedule-0-amount", "Enter the amount of this line.")


def test_the_form_suggests_known_organisation_names(cast, client_for):
    response = client_for(cast["commissioner"]).get(reverse("funding:agreement_create", args=[CLEVELAND]))
    html = unescape(response.content.decode())
    assert '<datalist id="organisation-names">' in html
    assert 'list="organisation-names"' in html
    assert '<option value="My Sister\'s Place">' in html
    assert f'value="{OPCC}"' in html  # the lead commissioner is filled in


def interim():
    return Agreement.objects.get(title__startswith="Interim Perpetrators")


def edit_data(agreement, **overrides):
    data = form_data(
        title=agreement.title, reference="", provider=agreement.provider.name, value="27690.00", start="2023-11-01",
        end="2024-07-31", status="ended", version=str(agreement.version),
        schedule=[(OPCC, "27690.00", "total", False)])
    data["schedule-INITIAL_FORMS"] = "1"
    data.update(overrides)
    return data


def test_commissioner_changes_an_agreement_and_its_version_moves_on(cast, client_for):
    agreement = interim()
    client = client_for(cast["commissioner"])
    page = unescape(client.get(reverse("funding:agreement_edit", args=[agreement.pk])).content.decode())
    assert f'name="version" value="{agreement.version}"' in page
    assert 'value="27690.00"' in page
    response = client.post(reverse("funding:agreement_edit", args=[agreement.pk]),
                           edit_data(agreement, conditions="Extended by briefing."))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.conditions == "Extended by briefing."
    assert agreement.version == 2
    assert agreement.contributions.get().amount == 27690


def test_an_edit_from_a_stale_version_shows_the_conflict_and_saves_nothing(cast, client_for):
    agreement = interim()
    stale = edit_data(agreement, conditions="My change")
    client = client_for(cast["commissioner"])
    client.post(reverse("funding:agreement_edit", args=[agreement.pk]), edit_data(agreement, conditions="Their change"))
    response = client.post(reverse("funding:agreement_edit", args=[agreement.pk]), stale)
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "This agreement was changed by someone else after you opened it." in html
    agreement.refresh_from_db()
    assert agreement.conditions == "Their change"


@pytest.mark.parametrize("username", ["provider-manager", "panel-member", "police-analyst"])
def test_only_the_lead_commissioner_may_open_the_agreement_forms(cast, client_for, username):
    client = client_for(cast[username])
    assert client.get(reverse("funding:agreement_create", args=[CLEVELAND])).status_code == 404
    assert client.get(reverse("funding:agreement_edit", args=[interim().pk])).status_code == 404


def test_a_co_funder_may_not_add_agreements_to_a_programme_it_does_not_lead(cast, client_for):
    before = counts()
    response = client_for(cast["commissioner"]).post(
        reverse("funding:agreement_create", args=["hampshire-perpetrator"]), form_data())
    assert response.status_code == 404
    assert counts() == before
    assert Programme.objects.get(slug="hampshire-perpetrator").agreements.count() == 1
