"""Who may see and change identification data (identification/access.py), role by role: police
analysts of the importing force, and nobody else; a case's police outcomes for its perpetrator side."""

from datetime import date

import pytest
from django.http import Http404

from dapi.accounts.models import Organisation
from dapi.demo.organisations import DEMO_USERS
from dapi.identification import access
from dapi.identification.services import incident_import_create

from .test_identification_pages import csv_upload

USERNAMES = [username for username, _, _ in DEMO_USERS] + ["outsider"]
ANALYSTS = {"police-analyst"}
PERPETRATOR_SIDE = {"provider-manager", "perpetrator-worker"}


@pytest.fixture
def everyone(cast, outsider):
    return {**cast, "outsider": outsider}


@pytest.fixture
def police():
    return Organisation.objects.get(name="Cleveland Police")


@pytest.fixture
def ranked_import(cast, police):
    return incident_import_create(organisation=police, upload=csv_upload(),
                                  as_of=date(2024, 3, 31), by=cast["police-analyst"])


@pytest.mark.parametrize("username", USERNAMES)
def test_only_analysts_have_forces_to_upload_for(everyone, police, username):
    user = everyone[username]
    assert list(access.force_list_for(user)) == ([police] if username in ANALYSTS else [])
    assert access.may_open_imports(user) is (username in ANALYSTS)
    assert access.can_upload(user, police) is (username in ANALYSTS)
    if username in ANALYSTS:
        assert list(access.forces_to_upload_for(user)) == [police]
    else:
        with pytest.raises(Http404):
            access.forces_to_upload_for(user)


@pytest.mark.parametrize("username", USERNAMES)
def test_only_the_forces_analysts_see_its_imports(everyone, ranked_import, username):
    user = everyone[username]
    assert list(access.import_list_for(user)) == ([ranked_import] if username in ANALYSTS else [])
    if username in ANALYSTS:
        assert access.import_get_for(user, ranked_import.pk) == ranked_import
    else:
        with pytest.raises(Http404, match="No such import"):
            access.import_get_for(user, ranked_import.pk)


@pytest.mark.parametrize("username", USERNAMES)
def test_only_the_forces_analysts_rank_its_imports_and_refer_from_them(everyone, ranked_import, username):
    user = everyone[username]
    ranked = ranked_import.ranked.order_by("pk").first()
    assert access.can_rank(user, ranked_import) is (username in ANALYSTS)
    assert access.can_refer_from_ranking(user, ranked) is (username in ANALYSTS)


@pytest.mark.parametrize("username", USERNAMES)
def test_only_the_forces_analysts_see_a_ranked_perpetrator(everyone, ranked_import, username):
    user = everyone[username]
    ranked = ranked_import.ranked.order_by("pk").first()
    if username in ANALYSTS:
        assert access.ranked_get_for(user, ranked_import.pk, ranked.pk) == ranked
    else:
        with pytest.raises(Http404, match="No such import"):
            access.ranked_get_for(user, ranked_import.pk, ranked.pk)


def test_a_ranked_perpetrator_of_another_import_is_not_found_in_this_one(cast, police, ranked_import):
    other = incident_import_create(organisation=police, upload=csv_upload(name="more.csv"),
                                   as_of=date(2024, 3, 31), by=cast["police-analyst"])
    with pytest.raises(Http404, match="No such perpetrator in this import"):
        access.ranked_get_for(cast["police-analyst"], ranked_import.pk, other.ranked.first().pk)


def test_an_analyst_of_another_force_sees_nothing_of_this_forces_imports(cast, ranked_import):
    from dapi.accounts.models import Membership, Role, User

    other = User.objects.create_user("other-analyst", password="another-analyst-password")
    Membership.objects.create(user=other, organisation=Organisation.objects.create(name="Durham Constabulary",
                                                                                   kind="police_force"),
                              role=Role.POLICE_ANALYST)
    assert not access.import_list_for(other).exists()
    assert not access.can_rank(other, ranked_import)
    with pytest.raises(Http404):
        access.import_get_for(other, ranked_import.pk)


@pytest.mark.parametrize("username", USERNAMES)
def test_only_the_perpetrator_side_reads_a_cases_police_outcomes(everyone, cast, username):
    from dapi.cases.tests.builders import tatc_case

    case, _, _ = tatc_case(cast)
    user = everyone[username]
    if username in PERPETRATOR_SIDE:
        assert access.case_outcome_case_get_for(user, case.pk) == case
    else:
        with pytest.raises(Http404, match="No such case"):
            access.case_outcome_case_get_for(user, case.pk)
