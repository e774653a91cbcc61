"""`dapi register import FILE [--mapping FIELD=HEADER ...] [--dry-run]` and
`dapi register export [--format csv|xlsx] --output FILE`: a grants or contracts register in and out.

An operator's tool, as the system (no user): an import may add agreements to any programme. The
columns are matched to dapi's fields by their headers unless --mapping says otherwise; every bad row
goes to stderr with its row number, column and what would be accepted, and then nothing is written
(exit 1). The export writes the same columns, so an exported register imports back as it was."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from dapi.funding.registers.columns import BY_KEY, COLUMNS, suggest_mapping
from dapi.funding.registers.files import RegisterFileError, read_register
from dapi.funding.registers.selectors import register_export
from dapi.funding.registers.services import register_import, register_plan
from dapi.lib.commands import USAGE, note, output_format


class Command(BaseCommand):
    help = ("Bring a grants or contracts register (CSV or XLSX) into the ledger or export it. All or nothing; "
            "bad rows are named with what would be accepted.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Create an agreement for each row of a register file.")
        imp.add_argument("file", metavar="FILE", help="The register: a .csv (UTF-8) or .xlsx file, headers in row 1.")
        imp.add_argument("--mapping", action="append", default=[], metavar="FIELD=HEADER",
                         help="Read FIELD from the column headed HEADER (repeat for each field); fields not given "
                              f"are matched by header. Fields: {', '.join(c.key for c in COLUMNS)}.")
        imp.add_argument("--dry-run", action="store_true",
                         help="Check every row and say what would be created; write nothing.")
        exp = sub.add_parser("export", help="Write every agreement of the ledger as a register file.")
        exp.add_argument("--format", choices=["csv", "xlsx"],
                         help="csv or xlsx (default: from the --output file's extension).")
        exp.add_argument("--output", required=True, metavar="FILE", help="The file to write (.csv or .xlsx).")

    def handle(self, *args, action, **options):
        if action == "export":
            return self.export(options["format"], options["output"])
        return self.import_(options["file"], options["mapping"], options["dry_run"])

    def export(self, format, output):
        kind = output_format(format, output, {".csv": "csv", ".xlsx": "xlsx"}, "csv")
        data = register_export(None, kind)
        path = Path(output)
        part = path.with_name(path.name + ".part")
        part.write_bytes(data)
        part.replace(path)  # all or nothing: a half-written register never appears under its name
        note(self, f"Register written to {output} ({kind}).")

    def import_(self, file, mappings, dry_run):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file.")
        try:
            sheet = read_register(path.name, path.read_bytes())
        except RegisterFileError as e:
            raise CommandError(str(e)) from None
        mapping = suggest_mapping(sheet.headers)
        for item in mappings:
            field, _, header = item.partition("=")
            if field not in BY_KEY or not header:
                raise CommandError(f"--mapping {item!r}: write FIELD=HEADER, FIELD one of "
                                   f"{', '.join(BY_KEY)}.", returncode=USAGE)
            if header not in sheet.headers:
                raise CommandError(f"--mapping {item!r}: the file has no column headed {header!r}; its columns are "
                                   f"{', '.join(map(repr, sheet.headers))}.")
            mapping[field] = sheet.headers.index(header)
        for column in COLUMNS:
            chosen = mapping.get(column.key)
            note(self, f"{column.label}: {repr(sheet.headers[chosen]) if chosen is not None else '(not in the file)'}")
        try:
            plan = register_plan(sheet=sheet, mapping=mapping, by=None)
            if plan.errors:
                for error in plan.errors:
                    self.stderr.write(error)
                raise CommandError(f"{len(plan.errors)} problem(s) in {path.name}; nothing was imported.")
            if dry_run:
                note(self, f"Dry run: {len(plan.rows)} agreement(s) would be created; nothing was written.")
                return
            created = register_import(sheet=sheet, mapping=mapping, by=None)
        except ValidationError as e:
            raise CommandError(" ".join(e.messages)) from None
        note(self, f"{len(created)} agreement(s) created from {path.name}.")
