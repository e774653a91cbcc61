"""The agreement page's contract events, conditions checklist and co-funding rules, and the forms that
record them (issue 18, items 5 and 12), through the same services as the API."""

from datetime import date
from html import unescape

import pytest
from django.urls import reverse

from dapi.accounts.models import Membership, Organisation, Role
from dapi.funding.models import Agreement, CoFunderCut, CutStatus, Extension, GrantCondition

TODAY = date(2024, 3, 15)
HAMPSHIRE = "Domestic Abuse Perpetrators Service (Hampshire and Southampton)"


@pytest.fixture(autouse=True)
def demonstration_date(monkeypatch):
    monkeypatch.setenv("DAPI_TODAY", TODAY.isoformat())


@pytest.fixture
def hampshire(seeded) -> Agreement:
    return Agreement.objects.get(title=HAMPSHIRE)


@pytest.fixture
def county_commissioner(cast, hampshire):
    """The demo commissioner, also a commissioner of Hampshire County Council (which leads the
    Hampshire programmes; the demo's commissioner works for the OPCC, which pays into them)."""
    user = cast["commissioner"]
    Membership.objects.create(user=user, organisation=Organisation.objects.get(name="Hampshire County Council"),
                              role=Role.COMMISSIONER)
    return user


def page(client, agreement) -> str:
    response = client.get(reverse("funding:agreement_detail", args=[agreement.pk]))
    assert response.status_code == 200
    return unescape(response.content.decode())


def text(html: str) -> str:
    import re
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_hampshire_agreement_shows_its_notice_deadline_and_co_funding_rules(cast, client_for, hampshire):
    html = page(client_for(cast["commissioner"]), hampshire)
    words = text(html)
    assert "6 months. Last day to give notice: 30 Sep 2023 Passed" in words
    assert ("Any percentage reduction by Hampshire County Council may also be made by Office of the Police and "
            "Crime Commissioner for Hampshire (PCCML/000407/2018, recommendation 2.2.2).") in words
    assert "Any percentage reduction by Southampton City Council may also be made by" in words
    assert "Safer Communities Funding" in words and "Not yet known no date recorded" in words
    assert "No extension, variation, break notice or termination is recorded." in words
    # The OPCC pays in but does not lead the contract: nothing to change.
    assert reverse("funding:agreement_extend", args=[hampshire.pk]) not in html
    assert reverse("funding:cut_record", args=[hampshire.pk]) not in html


def test_the_county_exercises_the_extension_from_the_agreement_page(county_commissioner, client_for, hampshire):
    client = client_for(county_commissioner)
    html = page(client, hampshire)
    url = reverse("funding:agreement_extend", args=[hampshire.pk])
    assert url in html
    decision = hampshire.programme.decisions.get(reference="PCCML/000407/2018")
    form = unescape(client.get(url).content.decode())
    assert "Ends 31 Mar 2024; the extension options reach 31 Mar 2026" in form
    refused = unescape(client.post(url, {"new_end": "2026-04-30", "exercised_on": "2024-03-01",
                                         "decision": decision.pk}).content.decode())
    assert 'id="id_new_end-error"' in refused and "The extension options reach 31 Mar 2026 at the latest" in refused
    refused = unescape(client.post(url, {"new_end": "2026-03-31", "exercised_on": "2024-03-01"}).content.decode())
    assert "Choose the decision record that approved the extension." in refused
    assert not Extension.objects.exists()
    response = client.post(url, {"new_end": "2026-03-31", "exercised_on": "2024-03-01", "decision": decision.pk})
    assert response.status_code == 302 and response["Location"].endswith("#events")
    words = text(page(client, hampshire))
    assert "Extension recorded: " + HAMPSHIRE + " now ends on 31 Mar 2026." in words
    assert "Extension exercised Extended to 31 Mar 2026 (was 31 Mar 2024). PCCML/000407/2018" in words
    assert "Last day to give notice: 30 Sep 2025" in words
    programme = text(unescape(client.get(reverse("funding:programme_detail", args=["hampshire-perpetrator"]))
                              .content.decode()))
    assert "Runway end 31 Mar 2026" in programme


def test_a_recorded_county_cut_shows_the_mirrored_pcc_reduction_as_a_proposal(county_commissioner, client_for,
                                                                            hampshire):
    client = client_for(county_commissioner)
    url = reverse("funding:cut_record", args=[hampshire.pk])
    county = Organisation.objects.get(name="Hampshire County Council")
    refused = unescape(client.post(url, {"partner": county.pk, "from_year": "2023/24", "percentage": "120",
                                         "recorded_on": "2024-02-01"}).content.decode())
    assert "Enter a percentage more than 0 and at most 100." in refused and not CoFunderCut.objects.exists()
    response = client.post(url, {"partner": county.pk, "from_year": "2023/24", "percentage": "10",
                                 "recorded_on": "2024-02-01"})
    assert response.status_code == 302
    words = text(page(client, hampshire))
    assert ("Hampshire County Council cuts its contribution by 10% from 2023/24 (made known 1 Feb 2024).") in words
    assert "Proposed for approval: nothing in the ledger changes until a decision approves it." in words
    assert ("Office of the Police and Crime Commissioner for Hampshire: £70,000.00 to £63,000.00 in 2023/24 "
            "(£7,000.00 less), the mirrored reduction of 10%") in words
    assert "£63,000.00 now £70,000.00" in words and "£193,000.00 now £210,000.00" in words
    # The schedule by partner still shows the ledger as it is.
    assert hampshire.contributions.count() == 3

    cut = CoFunderCut.objects.get()
    apply_url = reverse("funding:cut_apply", args=[cut.pk])
    refused = unescape(client.post(apply_url, {"applied_on": "2024-03-01"}).content.decode())
    assert "Choose the decision record that approved the cut." in refused
    decision = hampshire.programme.decisions.get(reference="PCCML/000407/2018")
    assert client.post(apply_url, {"applied_on": "2024-03-01", "decision": decision.pk}).status_code == 302
    cut.refresh_from_db()
    assert cut.status == CutStatus.APPLIED
    words = text(page(client, hampshire))
    assert "Co-funder's cut applied" in words and "(from 1 Apr 2023)" in words


def test_conditions_are_added_and_met_with_evidence_and_a_future_date_is_refused(cast, client_for, seeded):
    harbour = Agreement.objects.get(reference="2022-0007", provider__name="Harbour Support Services")
    client = client_for(cast["finance-officer"])
    add = reverse("funding:condition_add", args=[harbour.pk])
    assert client.post(add, {"text": "Quarterly data return to the project board", "due_on": "2023-01-31"}
                       ).status_code == 302
    condition = GrantCondition.objects.get()
    assert "Overdue" in text(page(client, harbour))
    met = reverse("funding:condition_meet", args=[condition.pk])
    refused = unescape(client.post(met, {"met_on": "2024-03-16", "evidence": "Return received"}).content.decode())
    assert 'id="id_met_on-error"' in refused and "cannot be in the future" in refused
    assert client.post(met, {"met_on": "2023-01-20", "evidence": "Return received",
                             "evidence_url": "https://example.org/q3.pdf"}).status_code == 302
    words = text(page(client, harbour))
    assert "Met 20 Jan 2023" in words and "Return received" in words


def test_the_forms_are_not_found_for_whoever_may_not_change_the_agreement(cast, client_for, hampshire):
    harbour = Agreement.objects.get(reference="2022-0007", provider__name="Harbour Support Services")
    for name, target in [("agreement_extend", hampshire), ("cut_record", hampshire), ("agreement_vary", harbour)]:
        url = reverse(f"funding:{name}", args=[target.pk])
        users = ["provider-manager", "panel-member"] + (["commissioner"] if target == hampshire else [])
        for username in users:
            assert client_for(cast[username]).get(url).status_code == 404, (name, username)


def test_a_partner_line_keeps_its_own_dates_through_the_agreement_form(cast, client_for, seeded):
    from .test_agreement_forms import OPCC, form_data

    client = client_for(cast["commissioner"])
    data = form_data(schedule=[(OPCC, "20000", "per_annum", False), (OPCC, "18000", "per_annum", False)],
                     **{"schedule-0-end": "2024-09-30", "schedule-1-start": "2024-10-01"})
    response = client.post(reverse("funding:agreement_create", args=["cleveland-complex-needs"]), data)
    assert response.status_code == 302
    agreement = Agreement.objects.get(title="Navigator grant 2024/25")
    assert sorted((c.amount, c.start, c.end) for c in agreement.contributions.all()) == [
        (18000, date(2024, 10, 1), None), (20000, None, date(2024, 9, 30))]
    words = text(page(client, agreement))
    assert "£20,000.00 per annum (until 30 Sep 2024): £10,027.40" in words  # 183 days of 365
    assert "£18,000.00 per annum (from 1 Oct 2024): £8,975.34" in words
    edit = unescape(client.get(reverse("funding:agreement_edit", args=[agreement.pk])).content.decode())
    # Each line's dates come back in its day, month and year boxes.
    assert 'name="schedule-0-end_day" type="text" inputmode="numeric" value="30"' in edit
    assert 'name="schedule-1-start_month" type="text" inputmode="numeric" value="10"' in edit
