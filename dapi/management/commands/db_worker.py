"""`dapi db_worker`: django-tasks-db's worker, named `host:pid`, that first takes back the tasks a
dead worker of this host left running (see dapi/worker.py)."""

from django_tasks_db.management.commands import db_worker

from dapi.worker import recover_interrupted_tasks, worker_id_for


class Command(db_worker.Command):
    help = ("Run the background task worker. On start, tasks left running by a worker of this host that "
            "has since died are recorded as failed and queued again.")

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=worker_id_for())

    def handle(self, *args, **options):
        for recovered in recover_interrupted_tasks():
            # Task paths and ids only: task arguments can identify people.
            self.stderr.write(f"Task {recovered.task_id} ({recovered.task_path}) was left running by stopped "
                              f"worker {recovered.worker_id}; queued again as {recovered.requeued_as}.")
        return super().handle(*args, **options)
