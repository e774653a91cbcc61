"""The counts behind the evidence: split by area and provider, risk outcomes per victim, and kept
for a few minutes on dashboards (never in packs)."""

from datetime import date

import pytest
from django.core.cache import caches
from django.urls import reverse

from dapi.accounts.models import Area, Organisation
from dapi.demo.cases import load_demo_cases
from dapi.tests.demo_snapshot import loaded
from dapi.cases.forums.models import ForumType
from dapi.cases.forums.services import forum_listing_create
from dapi.cases.models import Case, CaseStatus, Referral
from dapi.cases.services.risk import risk_assessment_create
from dapi.cases.tests.builders import tatc_case
from dapi.funding.models import Programme
from dapi.reports import evidence
from dapi.reports.counts import programme_counts, total

YEAR = (date(2023, 4, 1), date(2024, 3, 31))


def answers(yes: int) -> dict:
    return {str(n): "yes" if n <= yes else "no" for n in range(1, 25)}


def cleveland() -> Programme:
    return Programme.objects.get(slug="cleveland-complex-needs")


@pytest.fixture
def keep_counts(settings):
    """Counts kept for five minutes, in memory rather than files under var/."""
    settings.DAPI_AGGREGATE_CACHE_SECONDS = 300
    settings.CACHES = {**settings.CACHES, "aggregates": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-aggregates"}}
    caches["aggregates"].clear()
    yield
    caches["aggregates"].clear()


def test_filtered_counts_are_the_sums_of_their_groups(seeded):
    loaded(load_demo_cases)
    counts = programme_counts(cleveland().pk, *YEAR)
    hartlepool = Area.objects.get(name="Hartlepool")
    harbour = Organisation.objects.get(name="Harbour Support Services")
    open_in_year = Case.objects.filter(programme=cleveland(), referred_on__lte=YEAR[1]).exclude(ended_on__lt=YEAR[0])
    assert sum(total(counts["cases"], label=s) for s in CaseStatus) == open_in_year.count() > 0
    assert sum(total(counts["cases"], {hartlepool.pk}, label=s) for s in CaseStatus) == open_in_year.filter(
        referral__area=hartlepool).count()
    assert sum(total(counts["cases"], provider_id=harbour.pk, label=s) for s in CaseStatus) == open_in_year.filter(
        provider=harbour).count()
    received = Referral.objects.filter(programme=cleveland(), received_on__range=YEAR)
    assert sum(total(counts["referrals"], label=s) for s in ("received", "accepted", "declined")) == received.count()
    assert total(counts["eligible"]) == sum(1 for r in received if r.screening.get("outcome") == "eligible")


def test_risk_outcomes_compare_each_victims_first_and_latest_grade_up_to_the_years_end(cast, seeded):
    by = cast["partner-support-worker"]
    rising, her, _ = tatc_case(cast)
    for on, yes in ((date(2023, 2, 1), 3), (date(2023, 5, 1), 15), (date(2023, 9, 1), 16)):
        risk_assessment_create(case=rising, member=her, assessed_on=on, answers=answers(yes), by=by)
    steady, other, _ = tatc_case(cast)
    for on, yes in ((date(2023, 6, 1), 11), (date(2023, 8, 1), 10), (date(2024, 6, 1), 2)):  # the last is after it
        risk_assessment_create(case=steady, member=other, assessed_on=on, answers=answers(yes), by=by)
    once, third, _ = tatc_case(cast)
    risk_assessment_create(case=once, member=third, assessed_on=date(2023, 6, 1), answers=answers(15), by=by)

    counts = programme_counts(cleveland().pk, *YEAR)
    changes = {label: total(counts["grade_changes"], label=label) for label in ("lower", "same", "higher")}
    assert changes == {"lower": 0, "same": 1, "higher": 1}
    assert total(counts["repeat_marac"]) == 1  # two MARAC referrals within a year: May and September
    harbour = Organisation.objects.get(name="Harbour Support Services")
    assert total(counts["grade_changes"], provider_id=harbour.pk, label="higher") == 1
    # these cases came without a referral, so they have no area: inside no area filter
    assert total(counts["grade_changes"], {Area.objects.get(name="Hartlepool").pk}, label="higher") == 0


def test_a_repeat_marac_is_counted_from_her_marac_listings_alone(cast, seeded):
    case, victim, _ = tatc_case(cast)
    marac = ForumType.objects.get(code="MARAC")
    forum_listing_create(case=case, forum=marac, meeting_on=date(2023, 5, 3), member=victim, by=None)
    assert total(programme_counts(cleveland().pk, *YEAR)["repeat_marac"]) == 0
    forum_listing_create(case=case, forum=marac, meeting_on=date(2024, 4, 3), member=victim, by=None)  # after it
    assert total(programme_counts(cleveland().pk, *YEAR)["repeat_marac"]) == 0
    forum_listing_create(case=case, forum=marac, meeting_on=date(2023, 11, 1), member=victim, by=None)
    assert total(programme_counts(cleveland().pk, *YEAR)["repeat_marac"]) == 1


def test_the_hearing_of_a_dash_referral_is_not_counted_as_a_second_marac_referral(cast, seeded):
    case, victim, _ = tatc_case(cast)
    risk_assessment_create(case=case, member=victim, assessed_on=date(2023, 5, 1), answers=answers(15),
                           by=cast["partner-support-worker"])
    forum_listing_create(case=case, forum=ForumType.objects.get(code="MARAC"), meeting_on=date(2023, 5, 24),
                         member=victim, by=None)
    assert total(programme_counts(cleveland().pk, *YEAR)["repeat_marac"]) == 0


def test_a_dashboard_keeps_its_counts_and_says_when_they_were_made(cast, client_for, seeded, keep_counts,
                                                                     monkeypatch):
    loaded(load_demo_cases)
    made = []
    count = evidence.programme_counts
    monkeypatch.setattr(evidence, "programme_counts", lambda *args: made.append(args) or count(*args))
    client = client_for(cast["commissioner"])
    url = reverse("reports:dashboard", args=["cleveland-complex-needs"])
    first = client.get(url, {"period": "2023/24", "today": "2023-06-01"}).content.decode()
    filtered = client.get(url, {"period": "2023/24", "today": "2023-06-01",
                                "area": Area.objects.get(name="Hartlepool").pk})
    assert filtered.status_code == 200 and len(made) == 1  # one count serves every filter
    assert "Counts of referrals, cases, victims and risk outcomes made at" in first
    assert "made again at most every 5 minutes" in first
    client.get(url, {"period": "2022/23", "today": "2023-06-01"})
    assert len(made) == 2  # another year is another count
    pack = client.get(reverse("reports:panel_pack", args=["cleveland-complex-needs", "html"]), {"period": "2023/24"})
    assert pack.status_code == 200 and len(made) == 3  # a pack counts afresh
    assert "made again at most every" not in pack.content.decode()


def test_without_keeping_every_dashboard_counts_afresh(cast, client_for, seeded, monkeypatch):
    made = []
    count = evidence.programme_counts
    monkeypatch.setattr(evidence, "programme_counts", lambda *args: made.append(args) or count(*args))
    client = client_for(cast["commissioner"])
    url = reverse("reports:dashboard", args=["cleveland-complex-needs"])
    for _ in range(2):
        assert "made again at most every" not in client.get(url, {"period": "2023/24"}).content.decode()
    assert len(made) == 2
