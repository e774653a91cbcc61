"""`dapi export 360giving [--format json|csv] [--output FILE]` and `dapi export ocds [--output FILE]`."""

import csv
import io
import json
from pathlib import Path

from django.core.management.base import BaseCommand

from dapi import clock
from dapi.reports import giving360, ocds


class Command(BaseCommand):
    help = "Open-data exports: 360giving (every grant) and ocds (every contract, as an OCDS 1.1 release package)."

    def add_arguments(self, parser):
        parser.add_argument("standard", choices=["360giving", "ocds"])
        parser.add_argument("--format", choices=["json", "csv"], default="json", help="360giving only: json or csv.")
        parser.add_argument("--output", help="File to write; stdout when absent.")

    def handle(self, *args, standard, format, output, **options):
        today = clock.today()
        if standard == "360giving":
            data, excluded = giving360.package(today)
            if format == "csv":
                buffer = io.StringIO()
                writer = csv.writer(buffer, lineterminator="\n")
                writer.writerow([title for title, _ in giving360.CSV_COLUMNS])
                writer.writerows([[get(g) for _, get in giving360.CSV_COLUMNS] for g in data["grants"]])
                text = buffer.getvalue()
            else:
                text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
            summary = f"{len(data['grants'])} grants"
            for item in excluded:
                self.stderr.write(f"Not published: {item.kind} {item.pk} ({item.title}): {item.reason}.")
        else:
            data = ocds.package(today)
            text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
            summary = f"{len(data['releases'])} contract releases"
        if output:
            path = Path(output)
            tmp = path.with_name(path.name + ".part")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
            self.stderr.write(f"Wrote {summary} to {output}.")
        else:
            self.stdout.write(text, ending="")
