"""The runway shows the active cases its end would strand, by provider (DOMAIN.md section 3; issue 18,
item 11): counted by the cases app through `settings.DAPI_ACTIVE_CASES_BY_PROVIDER` (funding cannot
import cases), counts only, exact for the commissioning side as the dashboard is, and only their own
organisation's for a provider manager. On the programme page, the runway API and `dapi runway`."""

import json
from datetime import date, timedelta
from html import unescape
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Q

from dapi.accounts.models import Organisation
from dapi.cases.models import Case
from dapi.cases.models.cases import ENDED
from dapi.cases.selectors import active_cases_by_provider
from dapi.demo.cases import load_demo_cases
from dapi.funding.models import Programme
from dapi.funding.selectors import programme_page
from dapi.tests.demo_snapshot import loaded

AS_OF = date(2024, 3, 15)
CLEVELAND = "cleveland-complex-needs"


@pytest.fixture
def cases(seeded, monkeypatch):
    monkeypatch.setenv("DAPI_TODAY", AS_OF.isoformat())
    loaded(load_demo_cases)
    return Programme.objects.get(slug=CLEVELAND)


def open_on(programme, day, **filters) -> int:
    return (Case.objects.filter(programme=programme, referred_on__lte=day, **filters)
            .exclude(Q(ended_on__lte=day) | Q(ended_on__isnull=True, status__in=ENDED)).count())


def test_the_cases_app_counts_open_cases_by_provider_and_names_no_one(cases):
    harbour = Organisation.objects.get(name="Harbour Support Services")
    counted = active_cases_by_provider([cases.pk], AS_OF)
    assert counted == {cases.pk: [(harbour.pk, "Harbour Support Services", open_on(cases, AS_OF))]}
    assert open_on(cases, AS_OF) > 0
    # A case ended on the day is not open; a case ended later was open then.
    case = Case.objects.filter(programme=cases, ended_on__isnull=True, referred_on__lt=AS_OF).first()
    Case.objects.filter(pk=case.pk).update(ended_on=AS_OF, status="closed")
    assert active_cases_by_provider([cases.pk], AS_OF)[cases.pk][0][2] == open_on(cases, AS_OF)
    assert active_cases_by_provider([cases.pk], AS_OF - timedelta(days=1)) == {
        cases.pk: [(harbour.pk, "Harbour Support Services", open_on(cases, AS_OF - timedelta(days=1)))]}
    assert active_cases_by_provider([cases.pk], date(2000, 1, 1)) == {}


def test_the_programme_page_shows_the_stranded_cases_by_provider(cases, cast, client_for):
    n = open_on(cases, AS_OF)
    html = unescape(client_for(cast["commissioner"]).get(f"/programmes/{CLEVELAND}/?today=2024-03-15").content.decode())
    assert "Active cases its end would strand" in html
    assert f"{n} active case{'s' if n != 1 else ''} at Harbour Support Services would be stranded" in html
    assert "Cases open on 15 Mar 2024 by the provider delivering them, if funding ends on 31 Jul 2024" in html


def test_commissioners_see_every_providers_exact_count_and_a_provider_manager_only_their_own(cases, cast):
    msp = Organisation.objects.get(name="My Sister's Place")
    moved = Case.objects.filter(programme=cases, ended_on__isnull=True, referred_on__lt=AS_OF).first()
    Case.objects.filter(pk=moved.pk).update(provider=msp)  # one case, a count under five
    n = open_on(cases, AS_OF)
    seen = {s.provider: s.active_cases for s in programme_page(cast["commissioner"], CLEVELAND, AS_OF).runway.stranded_cases}
    assert seen == {"Harbour Support Services": n - 1, "My Sister's Place": 1}  # exact, as on the dashboard
    own = {s.provider: s.active_cases for s in programme_page(cast["provider-manager"], CLEVELAND, AS_OF).runway.stranded_cases}
    assert own == {"Harbour Support Services": n - 1}


def test_the_runway_api_and_command_say_how_many_cases_would_be_stranded(cases, cast, client_for):
    n = open_on(cases, AS_OF)
    body = client_for(cast["commissioner"]).get(f"/api/programmes/{CLEVELAND}/runway?today=2024-03-15").json()
    assert body["stranded_cases"] == [{"provider_id": Organisation.objects.get(name="Harbour Support Services").pk,
                                       "provider": "Harbour Support Services", "active_cases": n}]
    assert body["stranded_cases_total"] == n
    listed = client_for(cast["finance-officer"]).get("/api/runway?today=2024-03-15").json()["results"]
    assert next(r for r in listed if r["slug"] == CLEVELAND)["stranded_cases_total"] == n
    out = StringIO()
    call_command("runway", "--today", "2024-03-15", stdout=out)
    assert f"{n} active cases at Harbour Support Services would be stranded" in " ".join(out.getvalue().split())
    out = StringIO()
    call_command("runway", "--json", "--today", "2024-03-15", stdout=out)
    cleveland = next(r for r in json.loads(out.getvalue()) if r["slug"] == CLEVELAND)
    assert cleveland["stranded_cases"][0]["active_cases"] == n
