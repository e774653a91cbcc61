"""Bounded work per request (issue 16, item 5): every `?today=` (as-of) and `?period=` a page or the
API takes is refused with 400 and a message naming what is accepted when it is out of range or not
a date, before any work is done; a date in range still answers. `?today=9999-12-30` on the panel
pack PDF used to take about 19 s and 5 MB; `?period=9999/00` was a server error."""

import time

import pytest
from django.urls import reverse

from dapi.decisions.models import Meeting
from dapi.funding import charts as timeline_charts
from dapi.reports import charts as evidence_charts

SLUG = "cleveland-complex-needs"
FAR_FUTURE, TOO_EARLY, NOT_A_DATE = "9999-12-30", "1999-12-31", "last-tuesday"


def pages() -> list[str]:
    return [reverse("home"), reverse("funding:programme_list"), reverse("funding:programme_detail", args=[SLUG]),
            reverse("funding:programme_timeline", args=[SLUG]), reverse("decisions:resolution_list"),
            reverse("decisions:meeting_detail", args=[Meeting.objects.order_by("pk").first().pk]),
            reverse("forums:overdue"), reverse("forums:open_actions"), reverse("reports:dashboard", args=[SLUG]),
            reverse("reports:panel_pack", args=[SLUG, "html"]), reverse("reports:panel_pack", args=[SLUG, "pdf"])]


def api() -> list[str]:
    from dapi.funding.models import Agreement

    agreement = Agreement.objects.filter(programme__slug=SLUG).order_by("pk").first()
    return ["/api/programmes", f"/api/programmes/{SLUG}", f"/api/programmes/{SLUG}/runway", "/api/runway",
            "/api/resolutions?overdue=true", "/api/forum-actions/overdue", f"/api/agreements/{agreement.pk}/targets",
            f"/api/agreements/{agreement.pk}/events"]


@pytest.mark.parametrize("value", [FAR_FUTURE, TOO_EARLY, NOT_A_DATE])
def test_every_page_refuses_an_as_of_date_out_of_range_with_400_and_says_what_is_accepted(cast, client_for, value):
    client = client_for(cast["commissioner"])
    for url in pages():
        response = client.get(url, {"today": value})
        assert response.status_code == 400, url
        html = response.content.decode()
        if url.endswith("/forums/actions/overdue/"):  # a filter form: the message is on its field
            assert ("Enter a real date" if value == NOT_A_DATE else "Enter a date from 1 Jan 2000 to") in html
        else:
            assert "?today= must be a date like 2023-02-01, from 1 Jan 2000 to" in html, url
        # Nothing of the programme was drawn or counted.
        assert "Cleveland complex needs" not in html or url.endswith("/overdue/"), url


def test_every_page_still_answers_for_a_date_in_range(cast, client_for):
    client = client_for(cast["commissioner"])
    for url in pages():
        assert client.get(url, {"today": "2023-06-01"}).status_code == 200, url


def test_the_api_refuses_an_as_of_date_out_of_range_with_400_naming_the_parameter(cast, client_for):
    client = client_for(cast["commissioner"])
    for url in api():
        response = client.get(url, {"today": FAR_FUTURE})
        assert response.status_code == 400, url
        body = response.json()
        assert body["errors"]["today"] == [body["detail"].removeprefix("today: ")]
        assert "from 1 Jan 2000 to" in body["detail"]
        assert client.get(url, {"today": "2023-06-01"}).status_code == 200, url


# Every operation that takes ?today=, as the OpenAPI document names its path: api() asks each of them.
API_PATHS = ["/api/programmes", "/api/programmes/{slug}", "/api/programmes/{slug}/runway", "/api/runway",
             "/api/resolutions", "/api/forum-actions/overdue", "/api/agreements/{agreement_id}/targets",
             "/api/agreements/{agreement_id}/events"]


def test_the_api_documents_the_400_of_every_operation_that_takes_today(client):
    operations = client.get("/api/openapi.json").json()["paths"]
    taking_today = [(path, op) for path, ops in operations.items() for op in ops.values()
                    if any(p["name"] == "today" for p in op.get("parameters", []))]
    assert sorted(path for path, _ in taking_today) == sorted(API_PATHS)
    for path, op in taking_today:
        assert "400" in op["responses"], path


def test_a_far_future_panel_pack_pdf_is_refused_at_once(cast, client_for):
    client = client_for(cast["commissioner"])
    started = time.perf_counter()
    response = client.get(reverse("reports:panel_pack", args=[SLUG, "pdf"]), {"today": FAR_FUTURE})
    elapsed = time.perf_counter() - started
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert elapsed < 5  # it took about 19 s, and 5 MB of PDF, before it was refused


@pytest.mark.parametrize("period", ["9999/00", "-1/00", "1990/91", "2099/00", "2023"])
def test_a_period_that_is_not_a_year_a_report_may_ask_for_answers_400_not_500(cast, client_for, period):
    client = client_for(cast["commissioner"])
    client.raise_request_exception = False
    pack = client.get(reverse("reports:panel_pack", args=[SLUG, "html"]), {"period": period})
    assert pack.status_code == 400
    assert "?period= must be a financial year like 2023/24, from 1999/00 to" in pack.content.decode()
    dashboard = client.get(reverse("reports:dashboard", args=[SLUG]), {"period": period})
    assert dashboard.status_code == 400
    assert "Enter a financial year" in dashboard.content.decode()
    assert client.get(reverse("reports:dashboard", args=[SLUG]), {"period": "2023/24"}).status_code == 200


def test_refused_dates_never_reach_the_chart_caches(cast, client_for):
    client = client_for(cast["commissioner"])
    kept = [timeline_charts._svg, evidence_charts._funding_svg, evidence_charts._counts_svg]
    for cache in kept:
        cache.cache_clear()
    for day in ("9999-12-30", "9999-12-29", "5000-01-01", "1066-10-14"):
        assert client.get(reverse("funding:programme_timeline", args=[SLUG]), {"today": day}).status_code == 400
        assert client.get(reverse("reports:dashboard", args=[SLUG]), {"today": day}).status_code == 400
    assert [cache.cache_info().currsize for cache in kept] == [0, 0, 0]
    assert client.get(reverse("funding:programme_timeline", args=[SLUG]), {"today": "2023-06-01"}).status_code == 200
    assert timeline_charts._svg.cache_info().currsize == 1
