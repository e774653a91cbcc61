"""Repeat MARAC counted from her actual MARAC listings as well as from DASH referrals (DOMAIN.md §5
and §7): in the DASH's repeat criterion, on the case page; the programme's counts are in
reports/tests/test_counts.py."""

from datetime import date

from django.urls import reverse

from dapi.cases import dash
from dapi.cases.forums.models import ForumType
from dapi.cases.forums.services import forum_listing_create
from dapi.cases.services.risk import risk_assessment_create

from .builders import tatc_case


def answers(yes: int) -> dict:
    return {str(n): "yes" if n <= yes else "no" for n in range(1, 25)}


def marac():
    return ForumType.objects.get(code="MARAC")


def test_two_marac_listings_within_a_year_are_a_repeat_without_any_dash_referral():
    repeat = dash.repeat_marac([], [date(2023, 3, 1), date(2024, 2, 29)])
    assert str(repeat) == "MARAC listing of 1 Mar 2023, then MARAC listing of 29 Feb 2024"
    assert dash.repeat_marac([], [date(2023, 3, 1), date(2024, 3, 1)]) is None  # 366 days (2024 is a leap year)


def test_the_listing_that_hears_a_dash_referral_is_not_a_second_referral():
    assert dash.repeat_marac([date(2023, 3, 1)], [date(2023, 3, 28)]) is None
    assert dash.repeat_marac([date(2023, 3, 1)], [date(2023, 4, 26)]) is None  # 56 days: the meeting after next


def test_a_listing_long_after_a_dash_referral_is_a_referral_of_its_own():
    repeat = dash.repeat_marac([date(2023, 3, 1)], [date(2023, 3, 28), date(2023, 9, 1)])
    assert str(repeat) == "DASH referral of 1 Mar 2023, then MARAC listing of 1 Sep 2023"  # 28 Mar heard it
    repeat = dash.repeat_marac([date(2023, 3, 1)], [date(2023, 5, 1)])  # 61 days: not its hearing
    assert str(repeat) == "DASH referral of 1 Mar 2023, then MARAC listing of 1 May 2023"


def test_a_dash_referral_after_she_was_heard_at_marac_is_a_repeat():
    repeat = dash.repeat_marac([date(2023, 11, 2)], [date(2023, 1, 26)])
    assert str(repeat) == "MARAC listing of 26 Jan 2023, then DASH referral of 2 Nov 2023"


def test_two_dash_referrals_within_a_year_are_still_a_repeat():
    assert str(dash.repeat_marac([date(2023, 1, 12), date(2023, 11, 2)], [])) == (
        "DASH referral of 12 Jan 2023, then DASH referral of 2 Nov 2023")


def test_a_new_incident_within_a_year_of_her_marac_listing_meets_the_repeat_criterion():
    result = dash.assess(answers(2), incident_on=date(2024, 2, 20), marac_listing_dates=[date(2023, 3, 1)])
    assert result.marac_reasons == ["repeat: a new incident within 365 days of her MARAC listing of 01 Mar 2023"]
    assert not dash.assess(answers(2), incident_on=date(2024, 3, 1),
                           marac_listing_dates=[date(2023, 3, 1)]).marac_referral
    assert not dash.assess(answers(2), incident_on=date(2023, 2, 1),  # a listing after the incident
                           marac_listing_dates=[date(2023, 3, 1)]).marac_referral


def test_the_dash_service_looks_at_her_marac_listings_on_the_case(cast):
    case, victim, _ = tatc_case(cast)
    psw = cast["partner-support-worker"]
    first = risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 2, 2), answers=answers(3),
                                   by=psw, incident_on=date(2023, 2, 1))
    assert not first.marac_referral
    forum_listing_create(case=case, forum=marac(), meeting_on=date(2023, 3, 1), member=victim, by=psw)
    again = risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 10, 2), answers=answers(3),
                                   by=psw, incident_on=date(2023, 10, 1))
    assert again.marac_reasons == ["repeat: a new incident within 365 days of her MARAC listing of 01 Mar 2023"]


def test_a_listing_of_him_at_matac_is_not_a_marac_referral_of_hers(cast):
    case, victim, _ = tatc_case(cast)
    forum_listing_create(case=case, forum=ForumType.objects.get(code="MATAC"), meeting_on=date(2023, 3, 1), by=None)
    again = risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 10, 2), answers=answers(3),
                                   by=cast["partner-support-worker"], incident_on=date(2023, 10, 1))
    assert not again.marac_referral


def test_the_case_page_shows_a_repeat_marac_and_where_it_was_counted_from_to_both_sides(cast, client_for):
    case, victim, _ = tatc_case(cast)
    url = reverse("cases:case_detail", args=[case.pk])
    assert "Repeat MARAC" not in client_for(cast["perpetrator-worker"]).get(url).content.decode()
    risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 1, 12), answers=answers(15),
                           by=cast["partner-support-worker"], incident_on=date(2023, 1, 8))
    forum_listing_create(case=case, forum=marac(), meeting_on=date(2023, 2, 1), member=victim, by=None)  # its hearing
    assert "Repeat MARAC" not in client_for(cast["perpetrator-worker"]).get(url).content.decode()
    forum_listing_create(case=case, forum=marac(), meeting_on=date(2023, 8, 2), member=victim, by=None)
    for user in ("perpetrator-worker", "partner-support-worker"):
        response = client_for(cast[user]).get(url)
        assert response.status_code == 200
        assert "Repeat MARAC: DASH referral of 12 Jan 2023, then MARAC listing of 2 Aug 2023" \
            in response.content.decode()

