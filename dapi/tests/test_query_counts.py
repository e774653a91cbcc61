"""The programme page, the runway API and the home page's runway read in a bounded number of
queries, however many agreements, decisions and programmes there are (one ledger loader,
dapi/funding/ledger.py; bench/pages.py measures the time)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dapi.decisions import services as decision_services
from dapi.funding import services as funding_services
from dapi.accounts.models import Organisation
from dapi.funding.models import Programme

URLS = ["/programmes/cleveland-complex-needs/", "/api/runway", "/api/programmes/cleveland-complex-needs/runway",
        "/api/programmes", "/api/programmes/cleveland-complex-needs", "/"]


def grow(by, extra: int):
    """`extra` more agreements and decisions on Cleveland, and `extra` more programmes."""
    cleveland = Programme.objects.get(slug="cleveland-complex-needs")
    opcc = cleveland.lead_commissioner
    harbour = Organisation.objects.get(name="Harbour Support Services")
    for i in range(extra):
        agreement = funding_services.agreement_create(
            by=by, programme=cleveland, kind="grant", title=f"Extra {i}", commissioner=opcc, provider=harbour,
            value=Decimal("100.00"), start=date(2024, 4, 1) + timedelta(days=i), end=date(2025, 3, 31),
            status="active", contributions=[{"partner": opcc, "amount": Decimal("100.00"), "basis": "total"}])
        decision_services.decision_create(
            by=by, reference=f"X-{i}", title=f"Extra decision {i}", organisation=opcc, decision_maker="PCC",
            status="approved", programmes=[cleveland], agreements=[agreement],
            stated_totals=[{"label": "Total", "amount": Decimal("100.00"), "component": "agreements"}])
        Programme.objects.create(name=f"Extra programme {i}", slug=f"extra-{i}", lead_commissioner=opcc)


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_query_counts_do_not_grow_with_the_ledger(cast, client_for):
    client = client_for(cast["commissioner"])
    for url in URLS:
        client.get(url)  # warm per-process caches
    small = {url: count_queries(client, url) for url in URLS}
    grow(cast["commissioner"], 12)
    large = {url: count_queries(client, url) for url in URLS}
    assert large == small
    assert max(large.values()) <= 40, large


@pytest.mark.parametrize("url", URLS)
def test_each_page_stays_under_the_query_limit(cast, client_for, django_assert_max_num_queries, url):
    client = client_for(cast["commissioner"])
    client.get(url)  # per-process caches (content types, code lists) are filled once, not per request
    with django_assert_max_num_queries(40):
        assert client.get(url).status_code == 200
