"""The reads behind the pages, the API and the runway command: each applies access.py itself and
says what the user may do, so that no page or API operation decides it."""

from datetime import date

import pytest
from django.http import Http404

from dapi.funding import selectors
from dapi.funding.models import Agreement

DAY = date(2023, 6, 1)
ROLES = ["commissioner", "finance-officer", "provider-manager", "perpetrator-worker", "police-analyst", "outsider"]


@pytest.fixture
def user_of(cast, outsider):
    return lambda role: outsider if role == "outsider" else cast[role]


@pytest.mark.parametrize("role", ROLES)
def test_the_programme_page_says_what_each_role_sees_and_may_change(role, user_of):
    user = user_of(role)
    if role not in ("commissioner", "finance-officer", "provider-manager"):
        with pytest.raises(Http404, match="No such programme"):
            selectors.programme_page(user, "cleveland-complex-needs", DAY)
        return
    page = selectors.programme_page(user, "cleveland-complex-needs", DAY)
    commissioning = role != "provider-manager"
    assert (page.sees_ledger, page.can_change) == (commissioning, commissioning)
    assert bool(page.funding and page.awards and page.timeline) is commissioning
    providers = {a.provider.name for a in page.agreements}
    assert providers == ({"Harbour Support Services"} if not commissioning else
                         {a.provider.name for a in Agreement.objects.filter(programme__slug="cleveland-complex-needs")})


def test_a_commissioner_sees_but_may_not_change_a_programme_another_body_leads(cast):
    page = selectors.programme_page(cast["commissioner"], "hampshire-perpetrator", DAY)
    detail = selectors.programme_detail(cast["commissioner"], "hampshire-perpetrator", DAY)
    assert (page.sees_ledger, page.can_change, detail.can_change) == (True, False, False)
    assert selectors.programme_detail(cast["commissioner"], "jenkins-centre", DAY).can_change is True


@pytest.mark.parametrize("role", ROLES)
def test_the_agreement_page_says_whether_each_role_may_change_it(role, user_of):
    agreement = Agreement.objects.get(reference="2022-0007", provider__name="Harbour Support Services")
    user = user_of(role)
    if role in ("perpetrator-worker", "police-analyst", "outsider"):
        with pytest.raises(Http404, match="No such agreement"):
            selectors.agreement_page(user, agreement.pk)
        return
    page = selectors.agreement_page(user, agreement.pk)
    assert (page.agreement, page.can_change) == (agreement, role != "provider-manager")


@pytest.mark.parametrize("role", ROLES)
def test_the_timeline_is_drawn_only_for_those_who_see_the_whole_ledger(role, user_of):
    user = user_of(role)
    if role in ("commissioner", "finance-officer"):
        assert "<svg" in selectors.programme_timeline_svg(user, "jenkins-centre", DAY)
    else:
        with pytest.raises(Http404, match="No such programme"):
            selectors.programme_timeline_svg(user, "jenkins-centre", DAY)


@pytest.mark.parametrize("role", ROLES)
def test_runway_lists_hold_the_programmes_each_role_sees_and_pages_read_only_their_slice(role, user_of):
    user = user_of(role)
    runways = selectors.programme_runways(user, DAY)
    pages = selectors.runway_pages(user, DAY, item=lambda runway: runway.programme.slug)
    assert len(pages) == len(runways)
    assert pages[0:100] == [r.programme.slug for r in runways]
    expected = {"commissioner": 6, "finance-officer": 6, "provider-manager": 1}.get(role, 0)
    assert len(runways) == expected
    if runways:
        assert pages[-1] == runways[-1].programme.slug


def test_the_system_sees_the_runway_of_every_programme(cast):
    assert [r.programme.slug for r in selectors.programme_runways(None, DAY)] == [
        r.programme.slug for r in selectors.programme_runways(cast["commissioner"], DAY)]
