"""`dapi export 360giving [--format json|csv] [--output FILE]` and `dapi export ocds [--output FILE]`.

The data goes to stdout, or all at once to FILE (its format told by its extension when --format
is not given); every ledger row left out (with the reason) goes to stderr, and so does what was
published when the data is on stdout. See docs/exports.md."""

import io
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from dapi.lib import csvfile
from dapi.lib.commands import note, output_format
from dapi.reports import giving360, ocds

DEFAULT_URI = "https://dapi.invalid/exports/ocds-release-package.json"


class Command(BaseCommand):
    help = ("Export the funding ledger as open data. 360giving (every grant; JSON package or CSV sheet) "
            "and ocds (every contract, as an OCDS 1.1 release package).")

    def add_arguments(self, parser):
        parser.add_argument("standard", choices=["360giving", "ocds"], help="The open-data standard.")
        parser.add_argument("--format", choices=["json", "csv"],
                            help="360giving only: a JSON data package or a CSV sheet (default: from the --output "
                                 "file's extension; json on stdout).")
        parser.add_argument("--output", metavar="FILE", help="File to write (.json, or .csv for 360giving); "
                                                             "stdout when absent.")
        parser.add_argument("--publisher", default="dapi", help="The publisher's name in the package metadata.")
        parser.add_argument("--uri", default=DEFAULT_URI,
                            help="ocds only: the address the package will be published at.")

    def handle(self, *args, standard, format, output, publisher, uri, **options):
        formats = {".json": "json", ".csv": "csv"} if standard == "360giving" else {".json": "json"}
        format = output_format(format, output, formats, "json")
        now = timezone.localtime().replace(microsecond=0)
        if standard == "ocds":
            if format != "json":
                raise CommandError("--format csv is for 360giving only; OCDS is published as JSON.")
            items, excluded = ocds.releases(ocds.contracts())
            self._report(excluded)
            if not items:
                raise CommandError("Nothing to export: an OCDS release package needs at least one contract.")
            text = _json(ocds.package(items, published=now, uri=uri, publisher=publisher))
            amendments = sum(len(c.get("amendments", [])) for r in items for c in r["contracts"])
            summary = f"OCDS: {len(items)} contract releases, {amendments} amendments"
        else:
            items, excluded = giving360.grants(*giving360.ledger_rows())
            self._report(excluded)
            if not items:
                raise CommandError("Nothing to export: a 360Giving package needs at least one grant.")
            if format == "csv":
                buffer = io.StringIO()
                csvfile.Writer(buffer, lineterminator="\r\n").writerows(giving360.csv_table(items))
                text = buffer.getvalue()
            else:
                text = _json(giving360.package(items, issued=now.date(), publisher=publisher))
            kinds = {kind: sum(g["id"].startswith(f"{giving360.PREFIX}-{kind}-") for g in items)
                     for kind in ("award", "agreement", "allocation")}
            summary = (f"360Giving {format}: {len(items)} grants ({kinds['award']} awards, {kinds['agreement']} grant "
                       f"agreements, {kinds['allocation']} allocations)")
        summary += f"; {len(excluded)} not published." if excluded else "."
        if output:
            _write(Path(output), text)
            summary += f" Written to {output}."
        else:
            self.stdout.write(text, ending="")
        note(self, summary, stdout_is_the_result=not output)

    def _report(self, excluded):
        for item in excluded:
            self.stderr.write(str(item))


def _json(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _write(path: Path, text: str) -> None:
    """All or nothing: a half-written export never appears under its name."""
    part = path.with_name(path.name + ".part")
    with part.open("w", encoding="utf-8", newline="") as f:
        f.write(text)
    part.replace(path)
