"""`dapi rank` and `dapi synth incidents`: the identification engine on the command line.

Both run without Django (dapi/cli.py runs them through `dapi.lib.plaincommand.run`, which imports
no Django, so a ranking pays for no Django start-up); `management/commands/rank.py` and `synth.py`
make the same bodies Django management commands for `call_command`.
"""

import os
import sys
import tempfile
import time
from contextlib import nullcontext
from datetime import date
from pathlib import Path

from dapi.lib.plaincommand import Problem, note, output_format

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


class Rank:
    help = ("Rank perpetrators by RFGV in each area from a police incident file. CSV or Parquet in, "
            "as DOMAIN.md section 4; CSV or JSON on stdout or to --output.")

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
        from dapi.identification.engine import InvalidIncidentFile, ProfileError, default_profile, load_profile
        from dapi.identification.engine.files import rank_file
        from dapi.identification.engine.output import to_csv, to_json

        format = output_format(format, output, FORMATS, "csv")
        try:
            on = date.fromisoformat(as_of)
        except ValueError:
            raise Problem(f"--as-of must be a date like 2024-03-31 (YYYY-MM-DD), not {as_of!r}") from None
        try:
            chosen = load_profile(profile) if profile else default_profile()
        except ProfileError as e:
            raise Problem(f"profile {profile}: " + "; ".join(e.errors)) from None
        top = chosen.top_n if top is None else top
        if top < 1:
            raise Problem("--top must be 1 or more")
        path, out = Path(file), Path(output) if output else None
        if out is not None and not out.parent.is_dir():
            raise Problem(f"--output: the folder {out.parent} does not exist")
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
                raise Problem(f"{path.name} is not valid: nothing was ranked.") from None
            report("Writing the ranking")
            text = to_csv(ranked) if format == "csv" else to_json(ranked, as_of=on, profile_version=chosen.version,
                                                                  top=top)
        if out is None:
            self.stdout.write(text, ending="")
            return
        _write_whole(out, text)
        note(self, f"Ranked {ranked.height} perpetrators in {ranked['area'].n_unique()} areas "
                   f"(profile {chosen.version}, as of {on}, top {top}) to {out}.")


class Synth:
    help = "Generate clearly labelled synthetic data. The same for the same seed; `incidents`: police incidents."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True)
        incidents = sub.add_parser("incidents", help="Synthetic police incidents for `dapi rank` (CSV or Parquet "
                                                     "by the output's extension).")
        incidents.add_argument("--rows", type=int, required=True, help="How many incident rows to write (1 or more).")
        incidents.add_argument("--seed", type=int, default=1,
                               help="Seed of the generator (0 or more; default 1): the same seed, the same rows.")
        incidents.add_argument("--output", required=True, help="File to write: .csv or .parquet.")

    def handle(self, *args, what, rows, seed, output, **options):
        import polars as pl

        from dapi.identification.engine.synth import AS_OF, generate, write

        if rows < 1:
            raise Problem("--rows must be 1 or more")
        if seed < 0:
            raise Problem("--seed must be 0 or more")
        path = Path(output)
        if path.suffix.lower() not in (".csv", ".parquet", ".pq"):
            raise Problem("--output must end in .csv or .parquet")
        if not path.parent.is_dir():
            raise Problem(f"--output: the folder {path.parent} does not exist")
        frame = generate(rows, seed)
        write(frame, path)
        nci = frame.unique("incident_id").select((pl.col("offence") == "NCI").mean()).item()
        note(self, f"Wrote {frame.height:,} synthetic incident rows ({frame['incident_id'].n_unique():,} "
                   f"incidents, {frame['perpetrator_id'].n_unique():,} perpetrators, {nci:.0%} of incidents "
                   f"non-crime) to {path}; seed {seed}; shaped around the as-of date {AS_OF}.")
