"""`dapi backup FILE`: a consistent copy of the whole database (see docs/runbook.md)."""

from django.core.management.base import BaseCommand, CommandError

from dapi.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the whole database to FILE. SQLite online backup, or pg_dump custom format on PostgreSQL."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file to write.")

    def handle(self, *args, file, **options):
        try:
            engine = backup(file)
        except (BackupError, OSError) as e:
            raise CommandError(str(e)) from None
        self.stdout.write(f"Backed up the {engine} database to {file}.")
