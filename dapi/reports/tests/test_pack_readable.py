"""A pack a panel can print and a screen reader can read (issue 17, item 10): a tagged PDF/UA file
with its language and title, chart text at least 8 pt on paper and never cut short, the web's
words for statuses and the runway, the programme page's option costs (the same runway as of the
same date: a pack made after funding ended, beside a page viewed as of a day before it, is what
showed "not stated" beside 36,886.31), footnote references that cannot be read as part of a
figure, and an invalid period answered with a message."""

import io
import re
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from pypdf import PdfReader

from dapi.funding.models import Programme
from dapi.lib.charts import PRINT_WIDTH_PX
from dapi.lib.money import FinancialYear
from dapi.reports.pack import pack_html
from dapi.tests.demo_volume import demo_cases_loaded  # noqa: F401 (a fixture)

CLEVELAND = "cleveland-complex-needs"


@pytest.fixture
def seeded(demo_cases_loaded, db):
    """The seeds' demo and its synthetic cases for every test here, loaded once for the module
    (dapi/tests/demo_volume.py): each test runs in a savepoint, so what it writes is undone."""


@pytest.fixture
def demo(seeded):
    """The demo's synthetic cases (loaded with the seeds for this module)."""


def write_pack(tmp_path, slug, period, today, fmt="pdf"):
    out = tmp_path / f"pack.{fmt}"
    call_command("report", "panel", "--programme", slug, "--period", period, "--format", fmt, "--output", str(out),
                 "--today", today, stderr=io.StringIO())
    return out


def structure_types(node, found):
    """Every structure element type (/S) under a node of the PDF's structure tree."""
    node = node.get_object()
    if isinstance(node, list):
        for kid in node:
            structure_types(kid, found)
    elif hasattr(node, "get"):
        if "/S" in node:
            found.add(node["/S"])
        if "/K" in node:
            structure_types(node["/K"], found)
    return found


def test_the_pack_pdf_is_tagged_with_its_language_and_title(demo, tmp_path):
    reader = PdfReader(write_pack(tmp_path, CLEVELAND, "2023/24", "2024-09-01"))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "en-GB"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == ("Police and Crime Panel pack: Cleveland complex needs perpetrator programme "
                                     "(Team around the Couple), 2023/24")
    # A screen reader follows the structure tree: headings, tables with their cells, lists.
    types = structure_types(root["/StructTreeRoot"]["/K"], set())
    assert {"/H1", "/H2", "/Table", "/TH", "/TD", "/L", "/LI", "/P", "/Figure"} <= types
    assert b"pdfuaid" in reader.xmp_metadata.stream.get_data()


def svgs(html: str) -> list[str]:
    return re.findall(r"<svg.*?</svg>", html, re.S)


@pytest.mark.parametrize(("slug", "period", "today"), [
    (CLEVELAND, "2023/24", "2024-09-01"), ("jenkins-centre", "2022/23", "2023-02-01"),
    ("hampshire-victim", "2023/24", "2023-06-01")])
def test_the_pack_charts_print_text_of_at_least_8_pt_and_cut_no_label_short(demo, slug, period, today):
    args = Programme.objects.get(slug=slug), FinancialYear.parse(period), date.fromisoformat(today)
    charts = svgs(pack_html(*args))
    assert any("Funding timeline" in svg for svg in charts)
    widths = []
    for svg in charts:
        widths.append(round(float(re.search(r'<svg[^>]* width="([\d.]+)"', svg)[1])))
        sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)px"', svg)]
        # Drawn no wider than the page, so printed at its own size: CSS pixels are 0.75 pt.
        assert widths[-1] <= PRINT_WIDTH_PX
        assert sizes and min(sizes) * 0.75 >= 8, (widths[-1], min(sizes))
        assert "…" not in svg  # Vega's ellipsis for a label cut short
    # The PDF shows each chart as a picture drawn from the same SVG, at the SVG's own size.
    images = re.findall(r'<img src="data:image/png;base64,[^"]+" width="(\d+)"', pack_html(*args, for_pdf=True))
    assert [int(w) for w in images] == widths


def test_the_dashboard_charts_draw_text_of_at_least_12_px(cast, client_for, demo):
    html = client_for(cast["commissioner"]).get(reverse("reports:dashboard", args=[CLEVELAND]),
                                                {"period": "2023/24", "today": "2024-09-01"}).content.decode()
    charts = svgs(html)
    assert len(charts) >= 4  # funding, timeline, referrals, cases (and any chart added since)
    for svg in charts:
        sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)px"', svg)]
        assert sizes and min(sizes) >= 12
        assert "…" not in svg
    # Values are written on the bars: the funding chart's amounts and the counts.
    assert ">£115,842<" in html


def test_the_pack_says_funding_ended_as_the_programme_page_does(cast, client_for, demo):
    html = pack_html(Programme.objects.get(slug=CLEVELAND), FinancialYear(2023), date(2024, 9, 1))
    page = client_for(cast["commissioner"]).get(reverse("funding:programme_detail", args=[CLEVELAND]),
                                                {"today": "2024-09-01"}).content.decode()
    ended = "Funding ended on 31 Jul 2024: no approved funding covers 1 Sep 2024."
    assert ended in page and ended in html
    assert "0 days" not in html and "funded to" not in html.lower()


def option_costs(html: str) -> dict[str, str]:
    rows = re.findall(r"<tr[^>]*>\s*<t[hd][^>]*>(?:\d+\. )?(Fund locally|Close the programme|Extend [^<]*|Continue "
                      r"[^<]*)</t[hd]>\s*<td[^>]*>([^<]*)</td>", html)
    return {title: cost.strip() for title, cost in rows}


@pytest.mark.parametrize("today", ["2023-06-01", "2024-07-31", "2024-09-01", "2026-12-06"])
def test_the_pack_states_the_option_costs_of_the_programme_page(cast, client_for, demo, today):
    page = client_for(cast["commissioner"]).get(reverse("funding:programme_detail", args=[CLEVELAND]),
                                                {"today": today}).content.decode()
    html = pack_html(Programme.objects.get(slug=CLEVELAND), FinancialYear(2023), date.fromisoformat(today))
    assert option_costs(html) == option_costs(page)
    # While the interim coordinator is funded, carrying on costs her annual cost; once funding has
    # ended the runway states no current cost, on the page and in the pack alike.
    assert option_costs(html)["Fund locally"] == ("£36,886.31" if today <= "2024-07-31" else "not stated")
    assert option_costs(html)["Close the programme"] == "£0.00"


def test_an_overdue_resolution_says_overdue_in_the_pack_as_on_the_web(cast, client_for, seeded):
    client = client_for(cast["commissioner"])
    web = client.get(reverse("funding:programme_detail", args=["jenkins-centre"]),
                     {"today": "2023-06-01"}).content.decode()
    dashboard = client.get(reverse("reports:dashboard", args=["jenkins-centre"]),
                           {"period": "2023/24", "today": "2023-06-01"}).content.decode()
    html = pack_html(Programme.objects.get(slug="jenkins-centre"), FinancialYear(2023), date(2023, 6, 1))
    rows = {text[:20]: status for text, status in
            re.findall(r"<tr><td>(That [^<]*)</td>.*?<td>\s*([^<]*?)\s*</td></tr>", html)}
    assert rows == {"That the PCC provide": "Open, Overdue",  # due 17 Mar 2023
                    "That a copy of the e": "Open"}  # due 30 Jun 2023
    assert re.search(r"That the PCC provide to panel members.*?Overdue</strong>", web, re.S)
    assert re.search(r"That the PCC provide to panel members[^<]*\(.*?due 17 Mar 2023\): Open, Overdue", dashboard)


def test_footnote_references_past_9_are_bracketed_links_to_their_notes(demo, tmp_path):
    reader = PdfReader(write_pack(tmp_path, CLEVELAND, "2023/24", "2024-09-01"))
    text = "\n".join(page.extract_text() for page in reader.pages)
    notes = text[text.index("How each figure was computed"):]
    numbered = [int(n) for n in re.findall(r"^(\d+)\. ", notes, re.M)]
    assert numbered == list(range(1, len(numbered) + 1)) and len(numbered) > 9
    references = {int(n) for n in re.findall(r"\[(\d+)\]", text[:text.index("How each figure was computed")])}
    assert references == set(numbered)
    # A reference can no longer run into the figure before it ("past due: 11.14"); the forum actions'
    # note is past 9 (its number moves as notes are added before it).
    html = write_pack(tmp_path, CLEVELAND, "2023/24", "2024-09-01", fmt="html").read_text()
    note = int(re.search(r'<li id="note-(\d+)">Open forum actions \(MARAC, MATAC, MAPPA, TATI\) past their due date',
                         html).group(1))
    assert note > 9
    assert re.search(rf"Open forum actions past due: \d+\.?\[{note}\]", text)
    assert re.search(rf'past due: \d+\.<sup><a href="#note-{note}">\[{note}\]</a></sup>', html)
    # Each reference is a link to its note inside the PDF.
    links = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])
             if a.get_object().get("/Subtype") == "/Link"]
    assert len(links) >= len(references)


def test_an_invalid_period_is_refused_with_a_message(cast, client_for, seeded, tmp_path):
    client = client_for(cast["commissioner"])
    for fmt in ("pdf", "html"):
        response = client.get(reverse("reports:panel_pack", args=[CLEVELAND, fmt]), {"period": "2023-24"})
        assert response.status_code == 400
        assert "?period= must be a financial year like 2023/24" in response.content.decode()
    with pytest.raises(CommandError, match=r"--period must be a financial year like 2023/24, from 1999/00 to"):
        call_command("report", "panel", "--programme", CLEVELAND, "--period", "1990/91",
                     "--output", str(tmp_path / "x.pdf"))
    assert not list(tmp_path.iterdir())
    assert client.get(reverse("reports:panel_pack", args=[CLEVELAND, "html"]), {"period": "2023/24"}).status_code == 200
