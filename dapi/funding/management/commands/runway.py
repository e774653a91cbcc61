"""`dapi runway [--format table|json] [--today YYYY-MM-DD] [--horizon DAYS]`: every programme's runway and cliff edge.

An operator's tool: it reads all programmes, with no user to limit what it sees.
"""

import argparse
import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from dapi.funding.selectors import programme_runways
from dapi.lib import clock


def _day(value: date | None) -> str:
    return value.strftime("%-d %b %Y") if value else "not known"


def _stranded(runway) -> list[str]:
    """"12 active cases at Harbour Support Services would be stranded", a line per provider, then the
    funding conditions at risk."""
    verb = "would be stranded" if runway.state == "funded" else "have no funding"
    lines = [f"{s.active_cases} active case{'s' if s.active_cases != 1 else ''} at {s.provider} {verb}."
             for s in runway.stranded_cases]
    return lines + [f"Funding at risk: {risk.message}" for risk in runway.funding_risks]


class Command(BaseCommand):
    help = ("Show every programme's runway and cliff edge. Days left, pending bids, the active cases its end would "
            "strand and unmet funding conditions of all programmes (no user).")

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["table", "json"], default="table",
                            help="A table (default) or a JSON list of runway records.")
        parser.add_argument("--json", action="store_const", const="json", dest="format", help=argparse.SUPPRESS)
        parser.add_argument("--today", help="View as of this date (YYYY-MM-DD) instead of today.")
        parser.add_argument("--horizon", type=int, help="Cliff-edge alert horizon in days (default: the setting, 183).")

    def handle(self, *args, format: str, today: str | None, horizon: int | None, **options):
        try:
            as_of = date.fromisoformat(today) if today else clock.today()
        except ValueError:
            raise CommandError(f"--today must be a date like 2023-02-01, not {today!r}.") from None
        if horizon is not None and horizon < 0:
            raise CommandError("--horizon must be 0 days or more.")
        runways = programme_runways(None, as_of, horizon)  # None: the system, which sees every programme
        if format == "json":
            self.stdout.write(json.dumps([r.as_dict() for r in runways], indent=2))
            return
        table = Table(title=f"Runway as of {_day(as_of)}")
        for column in ("Programme", "Runway end", "Days left", "Cliff edge", "Pending bids", "Active cases"):
            table.add_column(column, justify="right" if column in ("Days left", "Active cases") else "left")
        for r in runways:
            end = {"funded": _day(r.runway_end), "ended": f"ended {_day(r.runway_end)}",
                   "unfunded": "no funding"}[r.state]
            bids = "\n".join(f"{b.round.stream.funder}: decision {_day(b.expected_decision)}" for b in r.pending_bids)
            table.add_row(r.programme.name, end, str(r.days_left),
                          "[bold red]yes[/]" if r.cliff_edge else "no", bids or "none", str(r.stranded_total))
        console = Console(file=self.stdout, width=None if self.stdout.isatty() else 160)
        console.print(table)
        for r in runways:
            for line in _stranded(r):
                console.print(f"{r.programme.name}: {line}", markup=False)
