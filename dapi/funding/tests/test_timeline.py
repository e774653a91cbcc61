"""The programme timeline chart (SVG) and the rows it draws."""

import json
from datetime import date

from django.urls import reverse

from dapi.funding import charts
from dapi.funding.ledger import load_ledger
from dapi.funding.models import Programme


def ledger(slug):
    return load_ledger(Programme.objects.get(slug=slug))


def test_timeline_responds_with_an_svg_image(cast, client_for):
    url = reverse("funding:programme_timeline", args=["cleveland-complex-needs"]) + "?today=2023-02-01"
    response = client_for(cast["commissioner"]).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "<svg" in response.content.decode()


def test_provider_manager_gets_404_for_the_whole_ledger_timeline(cast, client_for):
    url = reverse("funding:programme_timeline", args=["cleveland-complex-needs"])
    assert client_for(cast["provider-manager"]).get(url).status_code == 404


def test_timeline_has_a_bar_per_agreement_and_award(seeded):
    rows = charts.timeline_rows(ledger("cleveland-complex-needs"))
    assert [r.kind for r in rows].count("Agreement") == 4
    assert [r.kind for r in rows].count("Award") == 2


def test_allocations_are_drawn_as_one_bar_per_financial_year(seeded):
    rows = [r for r in charts.timeline_rows(ledger("greater-manchester-csp")) if r.kind == "Allocations"]
    assert len(rows) == 1
    assert rows[0].label == "Allocations 2023/24 (9 recipients)"
    assert rows[0].amount == 329450


def test_an_unstated_start_begins_at_the_earliest_date_and_says_so(seeded):
    chart = charts.timeline_chart(ledger("jenkins-centre"), date(2023, 2, 1))
    bars = json.loads(chart.to_json())["layer"][0]["data"]["values"]
    assert bars[0]["label"].replace("\n", " ").endswith("(start not stated)")  # wrapped on lines
    assert bars[0]["start"] == "2023-02-01"
    assert bars[0]["period"] == "start not stated to 31 Mar 2023"


def test_extension_options_are_drawn_after_the_term(seeded):
    rows = charts.timeline_rows(ledger("hampshire-perpetrator"))
    extension = next(r for r in rows if r.kind == "Extension option")
    assert (extension.start, extension.end) == (date(2024, 4, 1), date(2026, 3, 31))


def test_the_same_chart_is_converted_once(seeded):
    jenkins = ledger("jenkins-centre")
    charts._svg.cache_clear()
    first = charts.timeline_svg(jenkins.programme, date(2023, 2, 1), jenkins)
    second = charts.timeline_svg(jenkins.programme, date(2023, 2, 1))  # its ledger read again: the same rows
    assert first == second
    assert charts._svg.cache_info().hits == 1
