"""Who sees which programme and agreement: one test per role (DESIGN.md access table)."""

import pytest
from django.http import Http404

from dapi.funding import access
from dapi.funding.models import Agreement

ALL_SIX = {"cleveland-complex-needs", "jenkins-centre", "greater-manchester-csp", "greater-manchester-cara",
           "hampshire-perpetrator", "hampshire-victim"}


def slugs(user):
    return set(access.programme_list_for(user).values_list("slug", flat=True))


@pytest.mark.parametrize("username", ["commissioner", "finance-officer"])
def test_commissioning_roles_see_every_programme_their_bodies_lead_or_pay_into(cast, username):
    assert slugs(cast[username]) == ALL_SIX


def test_provider_manager_sees_only_programmes_its_organisation_delivers(cast):
    assert slugs(cast["provider-manager"]) == {"cleveland-complex-needs"}
    providers = set(access.agreement_list_for(cast["provider-manager"]).values_list("provider__name", flat=True))
    assert providers == {"Harbour Support Services"}


@pytest.mark.parametrize("username", ["perpetrator-worker", "partner-support-worker", "police-analyst",
                                      "panel-member", "evaluator", "administrator"])
def test_roles_without_ledger_access_see_no_programme_and_get_404(cast, username):
    assert slugs(cast[username]) == set()
    with pytest.raises(Http404):
        access.programme_get_for(cast[username], "cleveland-complex-needs")


def test_an_outsider_sees_nothing(seeded, outsider):
    assert slugs(outsider) == set()
    assert not access.agreement_list_for(outsider).exists()


def test_provider_manager_gets_404_for_another_providers_agreement(cast):
    other = Agreement.objects.get(provider__name="My Sister's Place")
    with pytest.raises(Http404):
        access.agreement_get_for(cast["provider-manager"], other.pk)


def test_only_the_lead_commissioners_staff_may_change_a_programme(cast):
    cleveland = access.programme_get_for(cast["commissioner"], "cleveland-complex-needs")
    hampshire = access.programme_get_for(cast["commissioner"], "hampshire-perpetrator")
    assert access.can_change_programme(cast["commissioner"], cleveland)
    assert not access.can_change_programme(cast["commissioner"], hampshire)  # led by Hampshire County Council
    assert not access.can_change_programme(cast["provider-manager"], cleveland)


def test_rules_permissions_agree_with_access_functions(cast):
    cleveland = access.programme_get_for(cast["commissioner"], "cleveland-complex-needs")
    assert cast["commissioner"].has_perm("funding.view_programme", cleveland)
    assert not cast["police-analyst"].has_perm("funding.view_programme", cleveland)
    assert cast["finance-officer"].has_perm("funding.change_programme", cleveland)
    assert not cast["provider-manager"].has_perm("funding.change_programme", cleveland)
