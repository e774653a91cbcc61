"""The Police and Crime Panel pack: one programme, one financial year, as HTML or an A4 PDF.

The same template renders both; WeasyPrint lays out the PDF (page numbers from CSS counters)
and the charts are Altair specs rendered to SVG by vl-convert, with their tables beside them.
"""

import base64
import re
from datetime import date
from pathlib import Path

import vl_convert

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from dapi.funding.charts import timeline_svg
from dapi.lib.money import FinancialYear

from .charts import funding_by_year_svg
from .evidence import programme_evidence


def chart_image(svg: str) -> dict | None:
    """A chart for the PDF: a PNG drawn from the SVG at twice its size, shown at the SVG's own size
    (`width`, `height` in CSS pixels), so its text prints at the size it was drawn (12 px, 9 pt).
    WeasyPrint draws a right-aligned label of several lines from the wrong point, cutting off the
    start of the timeline's labels; the picture has no such fault."""
    if not svg:
        return None
    size = re.search(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"', svg)
    png = vl_convert.svg_to_png(svg, scale=2)
    return {"src": "data:image/png;base64," + base64.b64encode(png).decode(), "width": round(float(size[1])),
            "height": round(float(size[2]))}


def pack_html(programme, period: FinancialYear, as_of: date, *, for_pdf: bool = False) -> str:
    """The pack as a page of this site: its stylesheet is linked (the CSP allows no inline style)."""
    ev = programme_evidence(programme, period, as_of, published=True)
    charts = {"timeline_svg": timeline_svg(programme, as_of, ev.ledger), "funding_svg": funding_by_year_svg(ev)}
    images = {"timeline_image": chart_image(charts["timeline_svg"]),
              "funding_image": chart_image(charts["funding_svg"])} if for_pdf else {}
    return render_to_string("reports/panel_pack.html", {"ev": ev, "for_pdf": for_pdf, **charts, **images})


def pack_html_file(programme, period: FinancialYear, as_of: date) -> str:
    """The pack as a file to send on (`dapi report panel --format html`): the stylesheet goes inside it."""
    css = Path(finders.find("dapi/panel-pack.css")).read_text()
    return pack_html(programme, period, as_of, for_pdf=True).replace("</head>", f"<style>\n{css}</style>\n</head>", 1)


def pack_pdf(programme, period: FinancialYear, as_of: date) -> bytes:
    from weasyprint import CSS, HTML  # imported here: it loads Pango and fonts, which only the PDF needs

    stylesheet = CSS(filename=finders.find("dapi/panel-pack.css"))
    # PDF/UA-1: a tagged PDF (structure tree, MarkInfo) that a screen reader can follow; its
    # language and title come from the template's <html lang> and <title>.
    return HTML(string=pack_html(programme, period, as_of, for_pdf=True)).write_pdf(
        stylesheets=[stylesheet], pdf_variant="pdf/ua-1", pdf_tags=True)
