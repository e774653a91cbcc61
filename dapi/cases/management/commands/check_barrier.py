"""`dapi check-barrier`: list everyone who holds a claim on both sides of a case; exit 1 if anyone does."""

from django.core.management.base import BaseCommand, CommandError

from dapi.audit.services import record_access
from dapi.cases.barrier import barrier_breaches


class Command(BaseCommand):
    help = ("List anyone who holds both sides of a case. Anyone with a claim on both the perpetrator and the victim "
            "side of a case is named (username, case reference, how they hold each side; no names of people). "
            "Exits 1 when there is any.")

    def handle(self, *args, **options):
        breaches = barrier_breaches()
        if not breaches:
            self.stdout.write("No one holds both sides of any case.")
            return
        self.stdout.write("user\tcase\tperpetrator side\tvictim side")
        for breach in breaches:
            record_access(breach.case, by=None)
            self.stdout.write(f"{breach.username}\t{breach.case.reference}\t{breach.perpetrator_side}\t"
                              f"{breach.victim_side}")
        raise CommandError(f"{len(breaches)} breach(es) of one person, one side. Each person sees only the "
                           "perpetrator side of that case now; end the membership or assignment that puts them "
                           "on the other side (docs/security.md).", returncode=1)
