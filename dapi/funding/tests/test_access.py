"""Who sees and changes which programme, agreement, award and allocation: every access function,
one test per role (DESIGN.md access table), the outsider and the system (`None`) included."""

from datetime import date
from decimal import Decimal

import pytest
from django.http import Http404

from dapi.accounts.models import Membership, Organisation, Role, User
from dapi.funding import access, services
from dapi.funding.models import Agreement, Allocation, Award, Programme

ALL_SIX = {"cleveland-complex-needs", "jenkins-centre", "greater-manchester-csp", "greater-manchester-cara",
           "hampshire-perpetrator", "hampshire-victim"}
HAMPSHIRE = {"hampshire-perpetrator", "hampshire-victim"}  # led by Hampshire County Council; the OPCC pays in
ROLES = ["commissioner", "finance-officer", "provider-manager", "perpetrator-worker", "partner-support-worker",
         "police-analyst", "panel-member", "evaluator", "administrator", "outsider", "system"]
COMMISSIONING = {"commissioner", "finance-officer"}


def sees(role) -> set[str]:
    if role in COMMISSIONING or role == "system":
        return ALL_SIX
    return {"cleveland-complex-needs"} if role == "provider-manager" else set()


def sees_ledger_of(role) -> set[str]:
    return ALL_SIX if role in COMMISSIONING or role == "system" else set()


def changes(role) -> set[str]:
    if role == "system":
        return ALL_SIX
    return ALL_SIX - HAMPSHIRE if role in COMMISSIONING else set()


@pytest.fixture
def user_of(cast, outsider):
    return lambda role: None if role == "system" else outsider if role == "outsider" else cast[role]


@pytest.fixture
def hampshire_award_and_allocation(seeded):
    """An award and an allocation of a programme the commissioner sees but does not lead (the
    seeds record none), recorded by the system."""
    hampshire = Programme.objects.get(slug="hampshire-perpetrator")
    home_office = Organisation.objects.get(name="Home Office")
    award = services.award_create(by=None, programme=hampshire, funder=home_office, title="Hampshire test award",
                                  recipient=hampshire.lead_commissioner, amount=Decimal("10.00"),
                                  awarded_on=date(2023, 1, 1), start=date(2023, 4, 1), end=date(2024, 3, 31))
    allocation = services.allocation_create(by=None, programme=hampshire, recipient=hampshire.lead_commissioner,
                                            financial_year=2023, amount=Decimal("10.00"))
    return award, allocation


def outcome(call):
    """What an access getter answers: the object, or "404" with its message."""
    try:
        return call()
    except Http404 as refused:
        return f"404 {refused}"


@pytest.mark.parametrize("role", ROLES)
def test_programme_list_and_get_for_show_each_role_only_its_programmes(role, user_of):
    user = user_of(role)
    assert set(access.programme_list_for(user).values_list("slug", flat=True)) == sees(role)
    for slug in ALL_SIX:
        expected = slug if slug in sees(role) else "404 No such programme"
        got = outcome(lambda slug=slug: access.programme_get_for(user, slug))
        assert getattr(got, "slug", got) == expected, slug


@pytest.mark.parametrize("role", ROLES)
def test_only_commissioning_roles_and_the_system_see_a_programmes_whole_ledger(role, user_of):
    user = user_of(role)
    assert set(access.ledger_programme_list_for(user).values_list("slug", flat=True)) == sees_ledger_of(role)
    for programme in Programme.objects.all():
        assert access.can_see_ledger(user, programme) is (programme.slug in sees_ledger_of(role)), programme.slug
        expected = programme if programme.slug in sees_ledger_of(role) else "404 No such programme"
        assert outcome(lambda p=programme: access.programme_ledger_get_for(user, p.slug)) == expected


@pytest.mark.parametrize("role", ROLES)
def test_only_the_lead_commissioners_staff_and_the_system_may_change_a_programme(role, user_of):
    user = user_of(role)
    for programme in Programme.objects.all():
        assert access.can_change_programme(user, programme) is (programme.slug in changes(role)), programme.slug
        expected = programme if programme.slug in changes(role) else "404 No such programme"
        assert outcome(lambda p=programme: access.programme_to_change(user, p.slug)) == expected
        assert outcome(lambda p=programme: access.programme_to_change(user, p.pk)) == expected


def agreements_seen(role) -> set[int]:
    if role == "provider-manager":
        return set(Agreement.objects.filter(provider__name="Harbour Support Services").values_list("pk", flat=True))
    return set(Agreement.objects.filter(programme__slug__in=sees_ledger_of(role)).values_list("pk", flat=True))


@pytest.mark.parametrize("role", ROLES)
def test_agreements_are_seen_with_the_ledger_or_by_their_own_provider_and_changed_with_the_programme(role, user_of):
    user = user_of(role)
    assert set(access.agreement_list_for(user).values_list("pk", flat=True)) == agreements_seen(role)
    for agreement in Agreement.objects.select_related("programme"):
        seen = agreement.pk in agreements_seen(role)
        assert outcome(lambda a=agreement: access.agreement_get_for(user, a.pk)) == (
            agreement if seen else "404 No such agreement")
        changeable = seen and agreement.programme.slug in changes(role)
        assert outcome(lambda a=agreement: access.agreement_to_change(user, a.pk)) == (
            agreement if changeable else "404 No such agreement")
    assert outcome(lambda: access.agreement_get_for(user, "not-a-number")) == "404 No such agreement"


@pytest.mark.parametrize("role", ROLES)
def test_awards_are_seen_with_the_ledger_and_changed_with_the_programme(role, user_of, hampshire_award_and_allocation):
    user = user_of(role)
    seen = set(Award.objects.filter(programme__slug__in=sees_ledger_of(role)).values_list("pk", flat=True))
    assert set(access.award_list_for(user).values_list("pk", flat=True)) == seen
    assert len(seen) in (0, Award.objects.count())
    for award in Award.objects.select_related("programme"):
        assert outcome(lambda a=award: access.award_get_for(user, a.pk)) == (
            award if award.pk in seen else "404 No such award")
        changeable = award.pk in seen and award.programme.slug in changes(role)
        assert outcome(lambda a=award: access.award_to_change(user, a.pk)) == (
            award if changeable else "404 No such award")


@pytest.mark.parametrize("role", ROLES)
def test_allocations_are_seen_with_the_ledger_and_changed_with_the_programme(role, user_of,
                                                                             hampshire_award_and_allocation):
    user = user_of(role)
    seen = set(Allocation.objects.filter(programme__slug__in=sees_ledger_of(role)).values_list("pk", flat=True))
    assert set(access.allocation_list_for(user).values_list("pk", flat=True)) == seen
    for allocation in Allocation.objects.select_related("programme"):
        assert outcome(lambda a=allocation: access.allocation_get_for(user, a.pk)) == (
            allocation if allocation.pk in seen else "404 No such allocation")
        changeable = allocation.pk in seen and allocation.programme.slug in changes(role)
        assert outcome(lambda a=allocation: access.allocation_to_change(user, a.pk)) == (
            allocation if changeable else "404 No such allocation")


def test_a_commissioner_who_also_manages_a_provider_sees_the_ledger_only_of_programmes_it_commissions(seeded):
    """Roles are held per organisation: commissioning Jenkins does not open the whole ledger of the
    Cleveland programme this user sees only as Harbour's manager."""
    user = User.objects.create_user("two-hats", password="two-hats-password-123")
    Membership.objects.create(user=user, role=Role.COMMISSIONER, organisation=Organisation.objects.get(
        name="Office of the Police and Crime Commissioner for Leicester, Leicestershire and Rutland"))
    Membership.objects.create(user=user, role=Role.PROVIDER_MANAGER,
                              organisation=Organisation.objects.get(name="Harbour Support Services"))
    assert set(access.programme_list_for(user).values_list("slug", flat=True)) == {
        "jenkins-centre", "cleveland-complex-needs"}
    assert set(access.ledger_programme_list_for(user).values_list("slug", flat=True)) == {"jenkins-centre"}
    cleveland = Agreement.objects.filter(programme__slug="cleveland-complex-needs")
    assert set(access.agreement_list_for(user).filter(programme__slug="cleveland-complex-needs")) == set(
        cleveland.filter(provider__name="Harbour Support Services"))
    assert not access.award_list_for(user).filter(programme__slug="cleveland-complex-needs").exists()
    with pytest.raises(Http404):
        access.programme_ledger_get_for(user, "cleveland-complex-needs")
