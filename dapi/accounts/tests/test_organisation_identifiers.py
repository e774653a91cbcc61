"""Issue 18, item 8: organisations carry real identifiers (charity number, company number, org-id in the
schemes GB-CHC, GB-COH, GB-GOR, GB-LAE, GB-LAS, GB-SC, GB-NIC), each checked against its scheme's
format; an organisation's administrators change them from the organisations page, audited; everyone
else is refused as if the organisation did not exist."""

from html import unescape

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse

from dapi.accounts.identifiers import SCHEMES, split, validate_charity_number, validate_company_number, validate_org_id
from dapi.accounts.models import Organisation
from dapi.accounts.services import organisation_identifiers_change

CLEVELAND = "Office of the Police and Crime Commissioner for Cleveland"


@pytest.mark.parametrize("value", [
    "GB-CHC-1090095", "GB-CHC-279417", "GB-COH-09506232", "GB-COH-SC234456", "GB-COH-CE000123", "GB-GOR-D16",
    "GB-GOR-PB1204", "GB-LAE-HAM", "GB-LAE-GMCA", "GB-LAS-ORK", "GB-SC-SC042386", "GB-NIC-104226",
])
def test_an_identifier_in_its_schemes_format_is_accepted(value):
    validate_org_id(value)


@pytest.mark.parametrize("value, says", [
    ("GB-CHC-0109009", "GB-CHC"),        # a leading zero: no charity number has one
    ("GB-CHC-12345", "GB-CHC"),          # too short
    ("GB-COH-9506232", "GB-COH"),        # 7 digits: the leading zero dropped
    ("GB-COH-SC23445", "GB-COH"),        # prefix and 5 digits
    ("GB-GOR-16", "GB-GOR"),             # no letter
    ("GB-LAE-ha", "GB-LAE"),             # lower case
    ("GB-LAE-HAMPSHIRE", "GB-LAE"),      # a name, not the register's code
    ("GB-LAS-OR", "GB-LAS"),
    ("GB-SC-042386", "GB-SC"),           # Scottish numbers keep their SC
    ("GB-NIC-NIC100012", "GB-NIC"),      # org-ids carry the digits only
    ("GB-NIC-200000", "GB-NIC"),
])
def test_an_identifier_that_fails_its_schemes_format_is_refused_naming_the_rule(value, says):
    with pytest.raises(ValidationError) as refused:
        validate_org_id(value)
    message = refused.value.messages[0]
    assert says in message and "like" in message  # names the scheme and gives an example


@pytest.mark.parametrize("value", ["XI-UNKNOWN-1", "1090095", "GB-XYZ-123", "GB-CHC-", "360G-dapi-org-1"])
def test_an_identifier_in_no_known_scheme_is_refused(value):
    with pytest.raises(ValidationError, match="one of the schemes"):
        validate_org_id(value)


def test_every_scheme_the_issue_names_is_known_with_an_example_that_fits_it():
    assert set(SCHEMES) == {"GB-CHC", "GB-COH", "GB-GOR", "GB-LAE", "GB-LAS", "GB-SC", "GB-NIC"}
    for scheme in SCHEMES.values():
        validate_org_id(f"{scheme.code}-{scheme.example}")


def test_split_gives_the_scheme_and_the_id_even_when_the_id_has_a_hyphen():
    assert split("GB-LAE-GMCA") == ("GB-LAE", "GMCA")
    assert split("GB-COH-AB-1") == ("GB-COH", "AB-1")
    assert split("nonsense") is None and split("") is None


@pytest.mark.parametrize("good", ["1090095", "279417", "SC042386", "104226"])
def test_charity_numbers_of_the_three_registers_are_accepted(good):
    validate_charity_number(good)


@pytest.mark.parametrize("bad", ["0123456", "12345", "SC12", "NIC 100012", "charity"])
def test_a_charity_number_in_no_registers_format_is_refused(bad):
    with pytest.raises(ValidationError, match="charity number"):
        validate_charity_number(bad)


@pytest.mark.parametrize("bad", ["9506232", "095062321", "SC23445", "sc234456"])
def test_a_company_number_that_is_not_8_characters_is_refused(bad):
    with pytest.raises(ValidationError, match="8 characters"):
        validate_company_number(bad)


# -- the service -----------------------------------------------------------------------------------

def test_an_administrator_sets_their_organisations_identifiers_and_the_change_is_audited(cast):
    cleveland = Organisation.objects.get(name=CLEVELAND)
    before = LogEntry.objects.get_for_object(cleveland).count()
    organisation_identifiers_change(organisation=cleveland, org_id="GB-COH-09506232", charity_number="",
                                    company_number="09506232", by=cast["administrator"])
    cleveland.refresh_from_db()
    assert (cleveland.org_id, cleveland.company_number) == ("GB-COH-09506232", "09506232")
    entry = LogEntry.objects.get_for_object(cleveland).order_by("-pk").first()
    assert LogEntry.objects.get_for_object(cleveland).count() == before + 1
    assert entry.actor == cast["administrator"] and "org_id" in entry.changes_dict


@pytest.mark.parametrize("role", ["commissioner", "finance-officer", "provider-manager", "panel-member"])
def test_nobody_but_its_administrators_changes_an_organisations_identifiers(cast, role):
    cleveland = Organisation.objects.get(name=CLEVELAND)
    with pytest.raises(Http404):
        organisation_identifiers_change(organisation=cleveland, org_id="GB-GOR-D16", charity_number="",
                                        company_number="", by=cast[role])
    cleveland.refresh_from_db()
    assert cleveland.org_id == ""


def test_an_administrator_of_another_organisation_is_refused(cast):
    harbour = Organisation.objects.get(name="Harbour Support Services")  # the demo administrator runs Cleveland OPCC
    with pytest.raises(Http404):
        organisation_identifiers_change(organisation=harbour, org_id="GB-CHC-1090095", charity_number="1090095",
                                        company_number="", by=cast["administrator"])


def test_a_bad_identifier_saves_nothing(cast):
    cleveland = Organisation.objects.get(name=CLEVELAND)
    before = LogEntry.objects.get_for_object(cleveland).count()
    with pytest.raises(ValidationError) as refused:
        organisation_identifiers_change(organisation=cleveland, org_id="GB-CHC-0000001", charity_number="",
                                        company_number="", by=cast["administrator"])
    assert "org_id" in refused.value.message_dict
    cleveland.refresh_from_db()
    assert cleveland.org_id == "" and LogEntry.objects.get_for_object(cleveland).count() == before


def test_an_identifier_that_names_another_number_than_the_field_beside_it_is_refused(cast):
    cleveland = Organisation.objects.get(name=CLEVELAND)
    with pytest.raises(ValidationError) as refused:
        organisation_identifiers_change(organisation=cleveland, org_id="GB-CHC-1090095", charity_number="1173575",
                                        company_number="", by=cast["administrator"])
    assert "1090095" in refused.value.message_dict["charity_number"][0]


# -- the pages -------------------------------------------------------------------------------------

def test_the_organisations_page_offers_the_change_only_where_the_user_administers(cast, client_for):
    cleveland = Organisation.objects.get(name=CLEVELAND)
    change = reverse("organisation_identifiers", args=[cleveland.pk])
    page = client_for(cast["administrator"]).get(reverse("organisation_list"))
    assert page.status_code == 200 and change in page.content.decode()
    page = client_for(cast["commissioner"]).get(reverse("organisation_list"))
    assert page.status_code == 200 and CLEVELAND in unescape(page.content.decode())
    assert change not in page.content.decode()


def test_an_administrator_saves_identifiers_from_the_page_in_capitals_without_spaces(cast, client_for):
    cleveland = Organisation.objects.get(name=CLEVELAND)
    client = client_for(cast["administrator"])
    response = client.post(reverse("organisation_identifiers", args=[cleveland.pk]),
                           {"org_id": "gb-gor-d 16", "charity_number": "", "company_number": ""})
    assert response.status_code == 302
    cleveland.refresh_from_db()
    assert cleveland.org_id == "GB-GOR-D16"


def test_the_page_shows_why_an_identifier_is_refused_and_keeps_the_old_one(cast, client_for):
    cleveland = Organisation.objects.get(name=CLEVELAND)
    client = client_for(cast["administrator"])
    response = client.post(reverse("organisation_identifiers", args=[cleveland.pk]),
                           {"org_id": "GB-COH-1234567", "charity_number": "", "company_number": ""})
    text = unescape(response.content.decode())
    assert response.status_code == 200 and "is not a GB-COH identifier" in text and "8 characters" in text
    cleveland.refresh_from_db()
    assert cleveland.org_id == ""


def test_the_identifiers_page_answers_404_to_someone_who_may_not_change_them(cast, client_for):
    cleveland = Organisation.objects.get(name=CLEVELAND)
    url = reverse("organisation_identifiers", args=[cleveland.pk])
    assert client_for(cast["commissioner"]).get(url).status_code == 404
    assert client_for(cast["commissioner"]).post(url, {"org_id": "GB-GOR-D16"}).status_code == 404
    assert client_for(cast["administrator"]).get(url).status_code == 200
    assert client_for(cast["administrator"]).get(reverse("organisation_identifiers", args=[999999])).status_code == 404
