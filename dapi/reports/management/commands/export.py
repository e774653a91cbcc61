"""`dapi export 360giving [--format json|csv] [--output FILE]` and `dapi export ocds [--output FILE]`.

The data goes to stdout, or all at once to FILE (its format told by its extension when --format
is not given); every ledger row left out (with the reason) goes to stderr, and so does what was
published when the data is on stdout. The same files as the reports page's downloads and the
transparency page (reports/opendata.py), here of the whole ledger. See docs/exports.md."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from dapi.lib.commands import note, output_format
from dapi.reports import opendata

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
        parser.add_argument("--publisher", default=None,
                            help="The publisher's name in the package metadata (default DAPI_PUBLISHER_NAME).")
        parser.add_argument("--uri", default=DEFAULT_URI,
                            help="ocds only: the address the package will be published at.")

    def handle(self, *args, standard, format, output, publisher, uri, **options):
        formats = {".json": "json", ".csv": "csv"} if standard == "360giving" else {".json": "json"}
        format = output_format(format, output, formats, "json")
        if standard == "ocds" and format != "json":
            raise CommandError("--format csv is for 360giving only; OCDS is published as JSON.")
        try:
            if standard == "ocds":
                file = opendata.ocds_file(uri=uri, publisher=publisher or settings.DAPI_PUBLISHER_NAME)
            else:
                file = opendata.giving360_file(format, publisher=publisher or settings.DAPI_PUBLISHER_NAME)
        except opendata.NothingToPublish as e:
            raise CommandError(str(e)) from None
        for item in file.excluded:
            self.stderr.write(str(item))
        summary = file.summary + (f"; {len(file.excluded)} not published." if file.excluded else ".")
        if output:
            _write(Path(output), file.text)
            summary += f" Written to {output}."
        else:
            self.stdout.write(file.text, ending="")
        note(self, summary, stdout_is_the_result=not output)


def _write(path: Path, text: str) -> None:
    """All or nothing: a half-written export never appears under its name."""
    part = path.with_name(path.name + ".part")
    with part.open("w", encoding="utf-8", newline="") as f:
        f.write(text)
    part.replace(path)
