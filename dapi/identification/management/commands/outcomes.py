"""`dapi outcomes`: queue the stored police outcomes (and comparison groups) of every case to be worked out again."""

from django.core.management.base import BaseCommand

from dapi.identification import outcomes, tasks


class Command(BaseCommand):
    help = ("Queue the police outcomes of referred cases to be worked out again. The outcomes and comparison groups "
            "of every case that entered a programme on a referral carrying a force's police identifier, for the "
            "worker (after an upgrade, or a failed task).")

    def handle(self, *args, **options):
        case_ids = list(outcomes.referred_police_cases().values_list("pk", flat=True))
        for case_id in case_ids:
            tasks.case_outcome_compute.enqueue(case_id)
        self.stdout.write(f"Queued the police outcomes of {len(case_ids):,} cases; `dapi db_worker` works them out.")
