"""Referring from a ranking: one person per force's identifier, only to a provider delivering the
programme, and the only way a referral carries a police identifier (issue 16, items 1 and 10)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dapi.accounts.models import Organisation
from dapi.cases.models import Person, Referral
from dapi.cases.services.referrals import referral_create, referral_of_new_person_create
from dapi.funding.models import Programme
from dapi.identification.models import RankedPerpetrator
from dapi.identification.services import refer_from_ranking

from .test_outcomes import ELSEWHERE, INCIDENTS, manchester_analyst, upload  # noqa: F401 (fixture)

CLEVELAND = "cleveland-complex-needs"


def ranked(force: str, pid: str = "P1") -> RankedPerpetrator:
    return RankedPerpetrator.objects.filter(incident_import__organisation__name=force, perpetrator_id=pid).latest("pk")


def refer(ranked_one, by, provider="Harbour Support Services", programme=CLEVELAND):
    return refer_from_ranking(ranked=ranked_one, programme=Programme.objects.get(slug=programme),
                              provider=Organisation.objects.get(name=provider), reason="Ranked", by=by)


@pytest.fixture
def cleveland_ranking(cast):
    from dapi.demo.cases import load_rules
    load_rules()
    return upload("Cleveland Police", INCIDENTS, date(2023, 12, 31), cast["police-analyst"])


def test_referring_the_same_police_identifier_twice_is_one_person(cast, cleveland_ranking):
    first = refer(ranked("Cleveland Police"), cast["police-analyst"])
    # ranked again in a newer file of the same force, and referred again
    upload("Cleveland Police", INCIDENTS, date(2024, 1, 31), cast["police-analyst"])
    second = refer(ranked("Cleveland Police"), cast["police-analyst"])
    assert first.pk != second.pk and first.person_id == second.person_id
    assert Person.objects.count() == 1
    assert (second.police_perpetrator_id, second.referring_organisation.name) == ("P1", "Cleveland Police")


def test_another_forces_identifier_is_another_person(cast, cleveland_ranking, manchester_analyst):
    upload("Greater Manchester Police", ELSEWHERE, date(2023, 12, 31), manchester_analyst)
    cleveland = refer(ranked("Cleveland Police"), cast["police-analyst"])
    manchester = refer(ranked("Greater Manchester Police"), manchester_analyst, provider="The Hampton Trust",
                       programme="greater-manchester-cara")
    assert cleveland.person_id != manchester.person_id and Person.objects.count() == 2


def test_a_referral_from_a_ranking_goes_only_to_a_provider_delivering_the_programme(cast, client_for,
                                                                                   cleveland_ranking):
    one = ranked("Cleveland Police")
    with pytest.raises(ValidationError) as refused:
        refer(one, cast["police-analyst"], provider="The Hampton Trust")  # Hampshire and Manchester, not Cleveland
    assert "The Hampton Trust does not deliver" in str(refused.value.message_dict["provider"])
    client = client_for(cast["police-analyst"])
    page = client.post(reverse("identification:perpetrator_detail", args=[one.incident_import_id, one.pk]), {
        "programme": Programme.objects.get(slug=CLEVELAND).pk,
        "provider": Organisation.objects.get(name="The Hampton Trust").pk, "reason": "Ranked"})
    assert page.status_code == 200 and "does not deliver" in page.content.decode()
    assert not Referral.objects.exists() and not Person.objects.exists()
    assert refer(one, cast["police-analyst"]).provider.name == "Harbour Support Services"


def test_no_other_service_path_sets_a_police_identifier(cast, cleveland_ranking):
    org = Organisation.objects.get
    fields = {"programme": Programme.objects.get(slug=CLEVELAND), "provider": org(name="Harbour Support Services"),
              "source": "police", "received_on": date(2023, 5, 10), "reason": "Typed in",
              "lawful_basis": "law_enforcement", "police_perpetrator_id": "P1"}
    with pytest.raises(ValidationError):
        referral_of_new_person_create(by=cast["police-analyst"], referring_organisation=org(name="Cleveland Police"),
                                      **fields)
    with pytest.raises(ValidationError):
        referral_create(by=cast["provider-manager"], referring_organisation=org(name="Harbour Support Services"),
                        person=Person.objects.create(reference="P-TEST-0001", recorded_by=org(name="Harbour Support "
                                                                                                "Services")), **fields)
    assert not Referral.objects.exists()


def test_a_cohort_is_filtered_only_by_its_own_forces_earlier_referrals(cast, manchester_analyst):
    """Another force's referral of an identifier that happens to be the same says nothing about the
    man this force's file ranks."""
    from dapi.cases.services.referrals import referral_update_facts
    from dapi.demo.cases import load_rules
    from dapi.identification.selectors import cohort

    from .engine_helpers import ago

    load_rules()
    rows = [(f"I{p}-{i}", ago(10 + p + i), "Hartlepool", f"P{p:02d}", f"V{p}", "CA", 30)
            for p in range(25) for i in range(2)]
    cleveland = upload("Cleveland Police", rows, date(2024, 3, 31), cast["police-analyst"])
    programme = Programme.objects.get(slug=CLEVELAND)
    before = [r.perpetrator_id for r in cohort(cleveland, programme)[0]]
    assert len(before) == 5
    same_id = before[0]
    upload("Greater Manchester Police", [(f"M{i}", ago(5 + i), "Manchester", same_id, "W1", "CA", 40)
                                         for i in range(2)], date(2024, 3, 31), manchester_analyst)
    theirs = refer(ranked("Greater Manchester Police", same_id), manchester_analyst, provider="The Hampton Trust",
                   programme="greater-manchester-cara")
    referral_update_facts(referral=theirs, by=manchester_analyst, version=theirs.version, dash_score=20,
                          marac_criteria_met=True)
    assert [r.perpetrator_id for r in cohort(cleveland, programme)[0]] == before
