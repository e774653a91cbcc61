"""Who may see a programme's evidence and evaluator extracts (reports/access.py), role by role."""

from datetime import date

import pytest
import time_machine
from django.http import Http404

from dapi.accounts.models import Organisation
from dapi.demo.organisations import DEMO_USERS
from dapi.funding.models import Programme
from dapi.reports import access
from dapi.reports.services import extract_approve

USERNAMES = [username for username, _, _ in DEMO_USERS] + ["outsider"]
ALL = ["cleveland-complex-needs", "greater-manchester-cara", "greater-manchester-csp", "hampshire-perpetrator",
       "hampshire-victim", "jenkins-centre"]
REPORTS = {"commissioner": ALL, "finance-officer": ALL, "provider-manager": ["cleveland-complex-needs"],
           "panel-member": ["jenkins-centre"]}
COMMISSIONING = {"commissioner", "finance-officer"}
EVALUATORS = {"evaluator"}


@pytest.fixture
def everyone(cast, outsider):
    return {**cast, "outsider": outsider}


@pytest.fixture
def cleveland(seeded):
    return Programme.objects.get(slug="cleveland-complex-needs")


@pytest.fixture
def approval(cast, cleveland):
    with time_machine.travel("2024-01-10 12:00"):
        return extract_approve(programme=cleveland, evaluator=Organisation.objects.get(name="Barefoot Social Research"),
                               approved_on=date(2024, 1, 10), expires_on=date(2024, 4, 10), purpose="Evaluation",
                               by=cast["commissioner"])


@pytest.mark.parametrize("username", USERNAMES)
def test_each_role_sees_the_evidence_of_its_own_programmes_only(everyone, username):
    user = everyone[username]
    slugs = REPORTS.get(username, [])
    assert sorted(access.report_programme_list_for(user).values_list("slug", flat=True)) == slugs
    assert access.may_open_reports(user) is bool(slugs)
    for slug in ALL:
        if slug in slugs:
            assert access.report_programme_get_for(user, slug).slug == slug
        else:
            with pytest.raises(Http404, match="No such programme"):
                access.report_programme_get_for(user, slug)


@pytest.mark.parametrize("username", USERNAMES)
def test_only_commissioners_and_finance_officers_see_exact_counts(everyone, cleveland, username):
    assert access.sees_exact_counts(everyone[username], cleveland) is (username in COMMISSIONING)


@pytest.mark.parametrize("username", USERNAMES)
def test_an_approval_is_seen_by_the_approving_body_and_the_evaluator_only(everyone, approval, username):
    user = everyone[username]
    sees = username in COMMISSIONING | EVALUATORS
    assert list(access.extract_list_for(user)) == ([approval] if sees else [])
    if sees:
        assert access.extract_get_for(user, approval.pk) == approval
    else:
        with pytest.raises(Http404, match="No such extract"):
            access.extract_get_for(user, approval.pk)


@pytest.mark.parametrize("username", USERNAMES)
def test_only_the_evaluators_members_download_an_approval(everyone, approval, username):
    user = everyone[username]
    downloads = username in EVALUATORS
    assert list(access.extract_download_list_for(user)) == ([approval] if downloads else [])
    assert access.can_download_extract(user, approval) is downloads
    if downloads:
        assert access.extract_to_download(user, approval.pk) == approval
    else:
        with pytest.raises(Http404, match="No such extract"):
            access.extract_to_download(user, approval.pk)


@pytest.mark.parametrize("username", USERNAMES)
def test_only_the_lead_commissioners_commissioners_and_finance_officers_approve(everyone, cleveland, username):
    user = everyone[username]
    approves = username in COMMISSIONING
    assert access.can_approve_extract(user, cleveland) is approves
    assert (cleveland in access.approvable_programme_list_for(user)) is approves
    if approves:
        assert cleveland in access.programmes_to_approve(user)
    else:
        with pytest.raises(Http404):
            access.programmes_to_approve(user)


@pytest.mark.parametrize("username", USERNAMES)
def test_the_extracts_page_is_for_those_who_approve_and_the_evaluator_once_one_is_approved(everyone, approval,
                                                                                          username):
    assert access.may_open_extracts(everyone[username]) is (username in COMMISSIONING | EVALUATORS)


def test_the_extracts_page_is_the_evaluators_before_any_approval_and_says_none_is_approved(cast, client_for):
    assert access.may_open_extracts(cast["evaluator"]) is True
    response = client_for(cast["evaluator"]).get("/reports/extracts/")
    assert response.status_code == 200 and "No extracts approved." in response.content.decode()
    assert access.may_open_extracts(cast["perpetrator-worker"]) is False
