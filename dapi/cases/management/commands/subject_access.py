"""`dapi subject_access REFERENCE --by USERNAME [--output FILE]`: everything held about one person, as JSON."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dapi.accounts.models import User
from dapi.cases.models import Person
from dapi.cases.protection import subject_access_export


class Command(BaseCommand):
    help = "Export everything held about one person. A subject access request's answer, without third parties' data."

    def add_arguments(self, parser):
        parser.add_argument("reference", help="The person's reference, e.g. P-7K3Q-9M2X.")
        parser.add_argument("--by", required=True, help="Username answering the request (audited).")
        parser.add_argument("--output", help="File to write; stdout when absent.")

    def handle(self, *args, reference, by, output, **options):
        person = Person.objects.filter(reference=reference.strip().upper()).first()
        if person is None:
            raise CommandError(f"No person with reference {reference!r}.")
        user = User.objects.filter(username=by).first()
        if user is None:
            raise CommandError(f"No user {by!r}.")
        text = json.dumps(subject_access_export(person, by=user), indent=2, ensure_ascii=False)
        if output:
            # Written beside its name and renamed: never half an export under that name.
            part = Path(output).with_name(Path(output).name + ".part")
            part.write_text(text + "\n", encoding="utf-8")
            part.replace(output)
            self.stdout.write(f"Wrote the subject access export of {person.reference} to {output}.")
        else:
            self.stdout.write(text)
