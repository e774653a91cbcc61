"""`dapi rank FILE --as-of YYYY-MM-DD [--top N] [--profile FILE] [--format csv|json] [--output FILE]`."""

import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from dapi.identification.engine import InvalidIncidentFile, ProfileError, default_profile, load_profile, rank, score
from dapi.identification.engine.output import to_csv, to_json
from dapi.identification.engine.read import read_incidents

LARGE = 20 * 1024 * 1024  # bytes: show progress for files this big even when stderr is not a terminal


class Command(BaseCommand):
    help = "Rank serial perpetrators by RFGV within each area from a police incident file (CSV or Parquet)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--as-of", required=True, help="The as-of date T, YYYY-MM-DD.")
        parser.add_argument("--top", type=int, help="Top N per area (default: the profile's, 20).")
        parser.add_argument("--profile", help="A profile JSON file (default: the project's rfgv-default).")
        parser.add_argument("--format", choices=["csv", "json"], default="csv")
        parser.add_argument("--output", help="File to write; stdout when absent.")

    def handle(self, *args, file, as_of, top, profile, format, output, **options):
        try:
            on = date.fromisoformat(as_of)
        except ValueError:
            raise CommandError(f"--as-of must be a date like 2024-03-31, not {as_of!r}") from None
        try:
            chosen = load_profile(profile) if profile else default_profile()
        except ProfileError as e:
            raise CommandError(f"profile: {e}") from None
        top = chosen.top_n if top is None else top
        if top < 1:
            raise CommandError("--top must be 1 or more")
        path = Path(file)
        show = sys.stderr.isatty() or (path.is_file() and path.stat().st_size >= LARGE)
        console = Console(stderr=True)
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console,
                      disable=not show, transient=True) as progress:
            step = progress.add_task(f"Reading and validating {path.name}", total=None)
            try:
                incidents = read_incidents(path, chosen)
            except InvalidIncidentFile as e:
                for error in e.errors:
                    self.stderr.write(error)
                raise CommandError(f"{path.name} is not valid: nothing was ranked.") from None
            progress.update(step, description="Scoring perpetrators")
            ranked = rank(score(incidents, on, chosen), top)
            progress.update(step, description="Writing the ranking")
            text = to_csv(ranked) if format == "csv" else to_json(ranked, as_of=on,
                                                                  profile_version=chosen.version, top=top)
        if output:
            out = Path(output)
            tmp = out.with_name(out.name + ".part")
            tmp.write_text(text)
            tmp.replace(out)
            self.stderr.write(f"Ranked {ranked.height} perpetrators in {ranked['area'].n_unique()} areas "
                              f"(profile {chosen.version}, as of {on}, top {top}) to {out}.")
        else:
            self.stdout.write(text, ending="")
