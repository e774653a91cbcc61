"""`dapi synth incidents --rows N --seed S --output FILE`: synthetic police incidents (CSV or Parquet).

Runs without Django being set up (dapi/cli.py), as `dapi rank` does."""

from pathlib import Path

import polars as pl
from django.core.management.base import BaseCommand, CommandError

from dapi.identification.engine.synth import AS_OF, generate, write
from dapi.lib.commands import WITHOUT_DJANGO_HIDDEN, note


class Command(BaseCommand):
    help = "Generate clearly labelled synthetic data. The same for the same seed; `incidents`: police incidents."
    requires_system_checks = []
    suppressed_base_arguments = WITHOUT_DJANGO_HIDDEN

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True)
        incidents = sub.add_parser("incidents", help="Synthetic police incidents for `dapi rank` (CSV or Parquet "
                                                     "by the output's extension).")
        incidents.add_argument("--rows", type=int, required=True, help="How many incident rows to write (1 or more).")
        incidents.add_argument("--seed", type=int, default=1,
                               help="Seed of the generator (0 or more; default 1): the same seed, the same rows.")
        incidents.add_argument("--output", required=True, help="File to write: .csv or .parquet.")

    def handle(self, *args, what, rows, seed, output, **options):
        if rows < 1:
            raise CommandError("--rows must be 1 or more")
        if seed < 0:
            raise CommandError("--seed must be 0 or more")
        path = Path(output)
        if path.suffix.lower() not in (".csv", ".parquet", ".pq"):
            raise CommandError("--output must end in .csv or .parquet")
        if not path.parent.is_dir():
            raise CommandError(f"--output: the folder {path.parent} does not exist")
        frame = generate(rows, seed)
        write(frame, path)
        nci = frame.unique("incident_id").select((pl.col("offence") == "NCI").mean()).item()
        note(self, f"Wrote {frame.height:,} synthetic incident rows ({frame['incident_id'].n_unique():,} "
                          f"incidents, {frame['perpetrator_id'].n_unique():,} perpetrators, {nci:.0%} of incidents "
                          f"non-crime) to {path}; seed {seed}; shaped around the as-of date {AS_OF}.")
