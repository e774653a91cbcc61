"""`dapi report panel ...` (the Police and Crime Panel pack, PDF or HTML) and
`dapi report home-office ...` (the Home Office quarterly return, CSV)."""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dapi.lib import clock
from dapi.lib.commands import output_format
from dapi.lib.errors import OutOfBounds
from dapi.funding.models import Programme
from dapi.lib.money import FinancialYear


def programme_named(key: str) -> Programme:
    """A programme by id, slug or exact name (any case)."""
    found = Programme.objects.filter(pk=int(key)) if key.isdigit() else (
        Programme.objects.filter(slug=key) or Programme.objects.filter(name__iexact=key))
    programme = found.first()
    if programme is None:
        names = ", ".join(Programme.objects.order_by("slug").values_list("slug", flat=True)) or "none loaded"
        raise CommandError(f"No programme {key!r}. Give an id, a slug or a name; slugs: {names}.")
    return programme


def financial_year(text: str) -> FinancialYear:
    """A year the pages would accept too (dapi/lib/clock.py), or a message saying which."""
    try:
        year = clock.parse_period(text)
    except OutOfBounds:
        year = None
    if year is None:
        first, last = clock.period_bounds()
        raise CommandError(f"--period must be a financial year like 2023/24, from {first} to {last}, "
                           f"not {text!r}") from None
    return year


def _as_of(today: str | None) -> date:
    try:
        return date.fromisoformat(today) if today else clock.today()
    except ValueError:
        raise CommandError(f"--today must be a date like 2023-06-01, not {today!r}") from None


def _write(path: Path, data: bytes) -> None:
    """All or nothing: a half-written report never appears under its name."""
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)


class Command(BaseCommand):
    help = ("Write a report: a Police and Crime Panel pack or a Home Office return. `panel`: the pack (PDF or "
            "HTML) for one programme and year; `home-office`: the quarterly return (CSV).")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="report", required=True)
        panel = sub.add_parser("panel", help="The Police and Crime Panel pack for one programme and financial year.")
        panel.add_argument("--programme", required=True, help="Programme id, slug or name.")
        panel.add_argument("--period", required=True, help="Financial year, e.g. 2023/24.")
        panel.add_argument("--format", choices=["pdf", "html"],
                           help="pdf or html (default: from the --output file's extension).")
        panel.add_argument("--output", required=True, help="File to write: .pdf or .html.")
        panel.add_argument("--today", help="Position as of this date (YYYY-MM-DD); default today.")

        ho = sub.add_parser("home-office", help="The Home Office quarterly return (CSV) for one programme.")
        ho.add_argument("--programme", required=True, help="Programme id, slug or name.")
        ho.add_argument("--quarter", required=True, help="Financial-year quarter, e.g. 2023Q3 (Oct-Dec 2023).")
        ho.add_argument("--output", required=True, help="CSV file to write.")
        ho.add_argument("--today", help="Position as of this date (YYYY-MM-DD); default today.")

    def handle(self, *args, report, **options):
        if report == "panel":
            self.panel(**options)
        elif report == "home-office":
            self.home_office(**options)

    def home_office(self, *, programme, quarter, output, today, **_):
        from dapi.reports.periods import Quarter
        from dapi.reports.returns import home_office_csv

        prog = programme_named(programme)
        try:
            q = Quarter.parse(quarter)
        except ValueError as e:
            raise CommandError(str(e)) from None
        text = home_office_csv(prog, q, _as_of(today))
        _write(Path(output), text.encode())
        self.stdout.write(f"Wrote the Home Office return for {prog.name}, {q} ({q.start:%d %b %Y} to "
                          f"{q.end:%d %b %Y}), to {output}.")

    def panel(self, *, programme, period, format, output, today, **_):
        from dapi.reports.pack import pack_html_file, pack_pdf

        format = output_format(format, output, {".pdf": "pdf", ".html": "html", ".htm": "html"}, "pdf")
        prog, fy = programme_named(programme), financial_year(period)
        as_of = _as_of(today)
        path = Path(output)
        data = pack_pdf(prog, fy, as_of) if format == "pdf" else pack_html_file(prog, fy, as_of).encode()
        _write(path, data)
        self.stdout.write(f"Wrote the {fy} panel pack for {prog.name} as of {as_of:%d %b %Y} to {path} "
                          f"({len(data):,} bytes).")
