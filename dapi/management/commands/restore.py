"""`dapi restore FILE --yes`: replace the database with a backup made by `dapi backup`."""

from django.core.management.base import BaseCommand, CommandError

from dapi.backup import BackupError, restore


class Command(BaseCommand):
    help = "Replace everything in the database with the backup in FILE. Stop the site first."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A backup file written by `dapi backup`.")
        parser.add_argument("--yes", action="store_true", help="Confirm: the current contents are replaced.")

    def handle(self, *args, file, yes, **options):
        if not yes:
            raise CommandError("Restoring replaces everything in the database: add --yes to confirm.")
        try:
            engine = restore(file)
        except (BackupError, OSError) as e:
            raise CommandError(str(e)) from None
        self.stdout.write(f"Restored the {engine} database from {file}.")
