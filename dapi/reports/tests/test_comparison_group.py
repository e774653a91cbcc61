"""The comparison group in the dashboard and the panel pack (issue 17, item 7): from stored rows,
labelled observational, with the method in a note, under disclosure control where counts are small."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dapi.funding.models import Programme
from dapi.identification.models import IncidentImport
from dapi.identification.tests.test_comparison import cleveland_rows, compared, refer, upload  # noqa: F401 (fixture)
from dapi.lib.money import FinancialYear
from dapi.reports.pack import pack_html

from .test_counts import keep_counts  # noqa: F401 (fixture)

CLEVELAND = "cleveland-complex-needs"
OBSERVATIONAL = "Observational: the people compared were not chosen at random, so the difference may have other causes"


def pack(as_of=date(2024, 4, 1)) -> str:
    return pack_html(Programme.objects.get(slug=CLEVELAND), FinancialYear(2023), as_of)


def dashboard(client):
    return client.get(reverse("reports:dashboard", args=[CLEVELAND]), {"period": "2023/24", "today": "2024-04-01"})


def test_the_cleveland_2023_24_pack_shows_police_outcomes_with_the_comparison_group(compared, tmp_path):
    out = tmp_path / "pack.html"
    call_command("report", "panel", "--programme", CLEVELAND, "--period", "2023/24", "--format", "html",
                 "--output", str(out), "--today", "2024-04-01", stderr=io.StringIO())
    html = out.read_text()
    assert "Mean change in police incidents (after minus before)" in html  # the cases' own outcomes
    assert OBSERVATIONAL in html and "Compared with people the programme did not take on" in html
    # Cases: 2 incidents before, 1 after on average; comparators: 2 before, 2 after.
    assert ">2.00</td>" in html and ">1.00</td>" in html
    assert "Police incidents: difference in change" in html and "-1.00 (95% interval" in html
    assert "Harm (days): difference in change" in html and "-19.00 (95% interval" in html
    assert "matched on RFGV band" in html and "40 to under 50" in html and "2,000 times with a fixed seed" in html
    for identifier in ("C1", "P1", "R1"):
        assert f">{identifier}<" not in html and f" {identifier} " not in html


def test_the_pdf_pack_carries_the_comparison_and_its_label(compared):
    from pypdf import PdfReader

    from dapi.reports.pack import pack_pdf

    pdf = pack_pdf(Programme.objects.get(slug=CLEVELAND), FinancialYear(2023), date(2024, 4, 1))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Observational: the people compared were not chosen at random" in text
    assert "-1.00 (95% interval" in text


def test_the_figure_in_the_pack_moves_when_one_incident_row_changes(cast, compared):
    assert "-1.00 (95% interval" in pack()
    upload("Cleveland Police", cleveland_rows({"C1": 2}), date(2024, 3, 31), cast["police-analyst"])
    assert "-0.83 (95% interval" in pack()  # -1 + 1/6


def test_the_pack_reads_stored_comparisons_and_never_an_incident_file(compared):
    for incident_import in IncidentImport.objects.all():
        incident_import.file.delete(save=False)
    assert "-1.00 (95% interval" in pack()


def test_with_fewer_than_five_comparators_the_published_figures_are_withheld(cast, client_for, compared):
    from dapi.accounts.models import Organisation
    from dapi.identification.tasks import force_comparisons_compute

    for pid in ("C1", "C2", "C3"):
        refer(pid, cast)
    force_comparisons_compute(Organisation.objects.get(name="Cleveland Police").pk)
    html = pack()
    assert "Too few cases or comparators to show the comparison" in html and "&lt;5" in html
    assert "difference in change" not in html and OBSERVATIONAL in html
    # Commissioners see exact figures, for internal use: C4-C6 changed by 0, +1 and -1.
    response = dashboard(client_for(cast["commissioner"]))
    assert response.status_code == 200 and "-1.00 (95% interval" in response.content.decode()


def test_who_sees_the_comparison_is_who_sees_the_programmes_evidence(cast, client_for, compared):
    response = dashboard(client_for(cast["provider-manager"]))  # Harbour delivers it: published counts
    html = response.content.decode()
    assert response.status_code == 200 and "with disclosure control" in html and "-1.00 (95% interval" in html
    for role in ("panel-member", "police-analyst", "perpetrator-worker"):
        assert dashboard(client_for(cast[role])).status_code == 404


def test_a_programme_without_police_referrals_says_it_has_no_comparison(seeded):
    html = pack_html(Programme.objects.get(slug="jenkins-centre"), FinancialYear(2022), date(2023, 2, 1))
    assert "has a comparison group yet" in html and "difference in change" not in html


@pytest.mark.parametrize("published", [True, False])
def test_the_method_note_is_among_the_numbered_notes(compared, published):
    from dapi.reports.evidence import programme_evidence

    ev = programme_evidence(Programme.objects.get(slug=CLEVELAND), FinancialYear(2023), date(2024, 4, 1),
                            published=published)
    assert ev.notes[ev.comparison.note - 1].startswith("Comparison group: for each case referred from a police ranking")
    assert ev.comparison.shown


def test_the_comparison_is_made_when_the_groups_are_stored_and_made_again_when_they_change(cast, client_for,
                                                                                          keep_counts, compared):
    client = client_for(cast["commissioner"])
    # The upload that stored the groups also made the programme's comparison: the dashboard reads it,
    # without reading a comparator.
    with CaptureQueriesContext(connection) as queries:
        html = dashboard(client).content.decode()
    assert "-1.00 (95% interval" in html
    assert not [q for q in queries.captured_queries if "identification_comparator" in q["sql"]]
    upload("Cleveland Police", cleveland_rows({"C1": 2}), date(2024, 3, 31), cast["police-analyst"])
    assert "-0.83 (95% interval" in dashboard(client).content.decode()  # never an out-of-date comparison
    assert "-0.83 (95% interval" in pack()


def test_an_unmatched_case_is_counted_and_a_small_count_of_them_is_protected(cast, client_for, compared):
    # P6, ranked in Stockton-on-Tees, is not in Cleveland's newest file at all: not ranked on his entry date.
    upload("Cleveland Police", [("P6-1", "2023-03-01", "Stockton-on-Tees", "P6", "VP6", "ABH", 30),
                                ("P6-2", "2023-05-01", "Stockton-on-Tees", "P6", "VP6", "CA", 30)],
           date(2023, 5, 1), cast["police-analyst"])
    from dapi.identification.tests.test_comparison import enter

    enter(refer("P6", cast), cast)
    html = " ".join(pack().split())
    # 5 matched and 1 unmatched add up to the 6 cases with police outcome data: neither is published.
    assert 'Cases matched</th><td class="govuk-table__cell govuk-table__cell--numeric num">[c]</td>' in html
    assert 'Cases unmatched (left out)</th><td class="govuk-table__cell govuk-table__cell--numeric num">&lt;5' in html
    assert "-1.00 (95% interval" in html  # the five matched are still compared
    exact = dashboard(client_for(cast["commissioner"])).content.decode()
    assert 'Cases unmatched (left out)</th><td class="govuk-table__cell govuk-table__cell--numeric num">1</td>' in exact
