"""The Police and Crime Panel pack renders for the Cleveland demo programme, as PDF and HTML."""

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from dapi.tests.demo_volume import demo_cases_loaded  # noqa: F401 (a fixture)


@pytest.fixture
def seeded(demo_cases_loaded, db):
    """The seeds' demo and its synthetic cases for every test here, loaded once for the module
    (dapi/tests/demo_volume.py): each test runs in a savepoint, so what it writes is undone."""


@pytest.fixture
def demo(seeded):
    """The demo's synthetic cases (loaded with the seeds for this module)."""


def pdf_text(path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_the_cleveland_pack_pdf_shows_the_reconciled_total_and_the_runway_end(demo, tmp_path):
    out = tmp_path / "pack.pdf"
    call_command("report", "panel", "--programme", "cleveland-complex-needs", "--period", "2023/24",
                 "--format", "pdf", "--output", str(out), "--today", "2023-06-01", stderr=io.StringIO())
    pages, text = pdf_text(out)
    assert pages >= 4
    assert "229,135.00" in text
    assert "31 July 2024" in text  # the runway end as of 1 June 2023
    assert "Page 2 of" in text
    assert "Cleveland complex needs perpetrator programme (Team around the Couple) · 2023/24" in text  # running footer
    for heading in ("Summary", "Funding and runway", "Delivery in 2023/24", "Outcomes",
                    "Risks and contingency options", "Actions", "How each figure was computed"):
        assert heading in text


def test_the_pack_publishes_small_counts_only_under_disclosure_control(demo, tmp_path):
    out = tmp_path / "pack.html"
    call_command("report", "panel", "--programme", "Cleveland complex needs perpetrator programme (Team around the "
                 "Couple)", "--period", "2023/24", "--format", "html", "--output", str(out), "--today", "2023-06-01",
                 stderr=io.StringIO())
    html = out.read_text()
    assert "&lt;5" in html
    for person in ("Synthetic Person", "Synthetic Partner", "P-"):
        assert person not in html


def test_the_jenkins_centre_pack_shows_the_cliff_edge_and_the_options(seeded, tmp_path):
    out = tmp_path / "jenkins.html"
    call_command("report", "panel", "--programme", "jenkins-centre", "--period", "2022/23", "--format", "html",
                 "--output", str(out), "--today", "2023-02-01", stderr=io.StringIO())
    html = out.read_text()
    assert "Cliff edge: funding ends in 58 days, on 31 Mar 2023, and no approved funding follows it." in html
    assert "Fund locally" in html and "Close the programme" in html


def test_an_unknown_programme_or_period_is_refused_with_what_would_be_accepted(seeded, tmp_path):
    with pytest.raises(CommandError, match="slugs: cleveland-complex-needs"):
        call_command("report", "panel", "--programme", "nowhere", "--period", "2023/24",
                     "--output", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="like 2023/24"):
        call_command("report", "panel", "--programme", "jenkins-centre", "--period", "2023-24",
                     "--output", str(tmp_path / "x.pdf"))
    assert not list(tmp_path.iterdir())


def test_the_evidence_unpublished_shows_exact_counts(demo):
    from dapi.funding.models import Programme
    from dapi.lib.money import FinancialYear
    from dapi.reports.evidence import programme_evidence

    programme = Programme.objects.get(slug="cleveland-complex-needs")
    internal = programme_evidence(programme, FinancialYear(2023), date(2023, 6, 1), published=False)
    published = programme_evidence(programme, FinancialYear(2023), date(2023, 6, 1), published=True)
    assert internal.cases_total.value == published.cases_total.value
    assert all(not row.cell.hidden for row in internal.cases)
    assert any(row.cell.hidden for row in published.cases)
