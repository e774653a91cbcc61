"""`dapi outcomes`: queue the stored police outcomes (and comparison groups) of every case, and the
police incidents of their victims, to be worked out again."""

from django.core.management.base import BaseCommand

from dapi.identification import outcomes, tasks, victims


class Command(BaseCommand):
    help = ("Queue the police outcomes of referred cases to be worked out again. The outcomes and comparison groups "
            "of every case that entered a programme on a referral carrying a force's police identifier, and the "
            "police incidents of the victims of such cases who have a police identifier, for the worker (after an "
            "upgrade, or a failed task).")

    def handle(self, *args, **options):
        case_ids = list(outcomes.referred_police_cases().values_list("pk", flat=True))
        for case_id in case_ids:
            tasks.case_outcome_compute.enqueue(case_id)
        person_ids = sorted({member.person_id for member, _, _ in victims.police_victims()})
        for person_id in person_ids:
            tasks.victim_incidents_compute.enqueue(person_id)
        self.stdout.write(f"Queued the police outcomes of {len(case_ids):,} cases and the police incidents of "
                          f"{len(person_ids):,} of their victims; `dapi db_worker` works them out.")
