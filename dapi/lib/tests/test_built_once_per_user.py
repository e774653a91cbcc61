"""Access querysets built once per user object (dapi/lib/access.py): a copy runs afresh, so it finds what a
new build would, and the build itself happens once."""

import pytest
from django.contrib.auth.models import AnonymousUser

from dapi.accounts.models import Membership, Organisation, OrganisationKind, Role, User
from dapi.funding.access import programme_list_for
from dapi.funding.models import Programme
from dapi.lib.access import built_once_per_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def commissioner():
    office = Organisation.objects.create(name="Office of the Commissioner (test)", kind=OrganisationKind.OPCC)
    user = User.objects.create_user("built-once", password="built-once-password-123")
    Membership.objects.create(user=user, organisation=office, role=Role.COMMISSIONER)
    return user, office


def test_a_programme_made_after_the_first_build_is_in_the_next_copy(commissioner):
    user, office = commissioner
    assert list(programme_list_for(user)) == []
    made = Programme.objects.create(name="Made later", slug="made-later", lead_commissioner=office)
    assert list(programme_list_for(user)) == [made]
    made.delete()
    assert list(programme_list_for(user)) == []


def test_each_user_object_builds_once_and_never_shares_with_another(commissioner):
    user, _ = commissioner
    builds = []

    @built_once_per_user
    def visible(u):
        builds.append(u)
        return User.objects.filter(pk=u.pk)

    first, second = visible(user), visible(user)
    assert builds == [user] and first is not second and list(first) == list(second) == [user]
    other = User.objects.create_user("another", password="another-password-123")
    assert list(visible(other)) == [other] and builds == [user, other]


def test_the_system_and_anonymous_visitors_are_built_for_every_call():
    builds = []

    @built_once_per_user
    def visible(u):
        builds.append(u)
        return User.objects.none()

    anonymous = AnonymousUser()
    visible(None), visible(None), visible(anonymous), visible(anonymous)
    assert len(builds) == 4
