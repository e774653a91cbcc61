"""The Police and Crime Panel pack: one programme, one financial year, as HTML or an A4 PDF.

The same template renders both; WeasyPrint lays out the PDF (page numbers from CSS counters)
and the charts are Altair specs rendered to SVG by vl-convert, with their tables beside them.
"""

from datetime import date
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from dapi.funding.charts import timeline_svg
from dapi.lib.money import FinancialYear

from .charts import funding_by_year_svg
from .evidence import programme_evidence


def pack_html(programme, period: FinancialYear, as_of: date, *, for_pdf: bool = False) -> str:
    """The pack as a page of this site: its stylesheet is linked (the CSP allows no inline style)."""
    ev = programme_evidence(programme, period, as_of, published=True)
    return render_to_string("reports/panel_pack.html", {
        "ev": ev, "for_pdf": for_pdf, "timeline_svg": timeline_svg(programme, as_of, ev.ledger),
        "funding_svg": funding_by_year_svg(ev),
    })


def pack_html_file(programme, period: FinancialYear, as_of: date) -> str:
    """The pack as a file to send on (`dapi report panel --format html`): the stylesheet goes inside it."""
    css = Path(finders.find("dapi/panel-pack.css")).read_text()
    return pack_html(programme, period, as_of, for_pdf=True).replace("</head>", f"<style>\n{css}</style>\n</head>", 1)


def pack_pdf(programme, period: FinancialYear, as_of: date) -> bytes:
    from weasyprint import CSS, HTML  # imported here: it loads Pango and fonts, which only the PDF needs

    stylesheet = CSS(filename=finders.find("dapi/panel-pack.css"))
    return HTML(string=pack_html(programme, period, as_of, for_pdf=True)).write_pdf(stylesheets=[stylesheet])
