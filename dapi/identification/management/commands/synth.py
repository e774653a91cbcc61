"""`dapi synth incidents --rows N --seed S --output FILE`: synthetic police incident data."""

from pathlib import Path

import polars as pl
from django.core.management.base import BaseCommand, CommandError

from dapi.identification.engine.synth import AS_OF, generate, write


class Command(BaseCommand):
    help = "Generate synthetic data. `incidents`: police incidents for the identification engine."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True)
        incidents = sub.add_parser("incidents", help="Synthetic police incidents (CSV or Parquet by extension).")
        incidents.add_argument("--rows", type=int, required=True)
        incidents.add_argument("--seed", type=int, default=1)
        incidents.add_argument("--output", required=True)

    def handle(self, *args, what, rows, seed, output, **options):
        if rows < 1:
            raise CommandError("--rows must be 1 or more")
        path = Path(output)
        if path.suffix.lower() not in (".csv", ".parquet", ".pq"):
            raise CommandError("--output must end in .csv or .parquet")
        frame = generate(rows, seed)
        write(frame, path)
        self.stderr.write(f"Wrote {frame.height:,} synthetic incident rows ({frame['incident_id'].n_unique():,} "
                          f"incidents, {frame['perpetrator_id'].n_unique():,} perpetrators, "
                          f"{frame.filter(pl.col('offence') == 'NCI').height / frame.height:.0%} non-crime) to {path}; "
                          f"shaped around as-of {AS_OF}.")
