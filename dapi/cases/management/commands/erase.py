"""`dapi erase REFERENCE --reason REASON --by USERNAME --yes`: erase one person's records."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from dapi.accounts.models import User
from dapi.cases.models import ErasureReason, Person
from dapi.cases.protection import erase_person


class Command(BaseCommand):
    help = "Erase one person's records. The audit log keeps only that an erasure happened, why, and how many rows."

    def add_arguments(self, parser):
        parser.add_argument("reference", help="The person's reference, e.g. P-7K3Q-9M2X.")
        parser.add_argument("--reason", required=True, choices=ErasureReason.values,
                            help="Why the records are erased (kept in the audit log).")
        parser.add_argument("--by", required=True, help="Username carrying out the erasure.")
        parser.add_argument("--yes", action="store_true", help="Confirm: erasure cannot be undone.")

    def handle(self, *args, reference, reason, by, yes, **options):
        person = Person.objects.filter(reference=reference.strip().upper()).first()
        if person is None:
            raise CommandError(f"No person with reference {reference!r}.")
        user = User.objects.filter(username=by).first()
        if user is None:
            raise CommandError(f"No user {by!r}.")
        if not yes:
            raise CommandError("Erasure cannot be undone: add --yes to confirm.")
        try:
            erasure = erase_person(person=person, reason=reason, by=user)
        except ValidationError as e:
            raise CommandError(" ".join(e.messages)) from None
        self.stdout.write(f"Erased: {sum(erasure.rows.values())} rows ({erasure.get_reason_display()}). "
                          f"Erasure record {erasure.pk}.")
