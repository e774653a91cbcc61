"""`dapi rank FILE --as-of YYYY-MM-DD [--top N] [--profile FILE] [--format csv|json] [--output FILE]`.

Runs without Django being set up (dapi/cli.py): it imports no model and runs no system check.
"""

import os
import sys
import tempfile
import time
from contextlib import nullcontext
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dapi.identification.engine import InvalidIncidentFile, ProfileError, default_profile, load_profile
from dapi.identification.engine.files import rank_file
from dapi.identification.engine.output import to_csv, to_json
from dapi.lib.commands import WITHOUT_DJANGO_HIDDEN, note, output_format

FORMATS = {".csv": "csv", ".json": "json"}
LARGE = 20 * 1024 * 1024  # bytes: show progress for files this big even when stderr is not a terminal


def _write_whole(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename it: readers see the old file
    or the whole new one, never half of it, and a failure leaves no file behind."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _spinner():
    """A live spinner on stderr for a terminal (rich is imported only then)."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=True)


class Command(BaseCommand):
    help = ("Rank perpetrators by RFGV in each area from a police incident file. CSV or Parquet in, "
            "as DOMAIN.md section 4; CSV or JSON on stdout or to --output.")
    requires_system_checks = []
    suppressed_base_arguments = WITHOUT_DJANGO_HIDDEN

    def add_arguments(self, parser):
        parser.add_argument("file", help="Incidents: .csv or .parquet with incident_id, occurred_on, area, "
                                         "perpetrator_id, victim_id, offence and optionally perpetrator_age.")
        parser.add_argument("--as-of", required=True, help="The as-of date T, YYYY-MM-DD.")
        parser.add_argument("--top", type=int, help="Top N per area (default: the profile's, 20).")
        parser.add_argument("--profile", help="A profile JSON file (default: the project's rfgv-default).")
        parser.add_argument("--format", choices=["csv", "json"],
                            help="csv or json (default: from the --output file's extension; csv on stdout).")
        parser.add_argument("--output", help="File to write (.csv or .json); stdout when absent.")

    def handle(self, *args, file, as_of, top, profile, format, output, **options):
        format = output_format(format, output, FORMATS, "csv")
        try:
            on = date.fromisoformat(as_of)
        except ValueError:
            raise CommandError(f"--as-of must be a date like 2024-03-31 (YYYY-MM-DD), not {as_of!r}") from None
        try:
            chosen = load_profile(profile) if profile else default_profile()
        except ProfileError as e:
            raise CommandError(f"profile {profile}: " + "; ".join(e.errors)) from None
        top = chosen.top_n if top is None else top
        if top < 1:
            raise CommandError("--top must be 1 or more")
        path, out = Path(file), Path(output) if output else None
        if out is not None and not out.parent.is_dir():
            raise CommandError(f"--output: the folder {out.parent} does not exist")
        # Progress goes to stderr (stdout carries only the ranking): a live spinner on a terminal,
        # plain timed lines for a large file in a log, nothing for a small file in a script.
        large = path.is_file() and path.stat().st_size >= LARGE
        started = time.perf_counter()
        live = _spinner() if sys.stderr.isatty() else None
        with live or nullcontext():
            step = live.add_task("Starting", total=None) if live else None

            def report(text: str) -> None:
                if live:
                    live.update(step, description=text)
                elif large:
                    note(self, f"[{time.perf_counter() - started:6.1f} s] {text}", stdout_is_the_result=True)

            try:
                ranked = rank_file(path, on, chosen, top, progress=report)
            except InvalidIncidentFile as e:
                for error in e.errors:
                    self.stderr.write(error)
                raise CommandError(f"{path.name} is not valid: nothing was ranked.") from None
            report("Writing the ranking")
            text = to_csv(ranked) if format == "csv" else to_json(ranked, as_of=on, profile_version=chosen.version,
                                                                  top=top)
        if out is None:
            self.stdout.write(text, ending="")
            return
        _write_whole(out, text)
        note(self, f"Ranked {ranked.height} perpetrators in {ranked['area'].n_unique()} areas "
                          f"(profile {chosen.version}, as of {on}, top {top}) to {out}.")
