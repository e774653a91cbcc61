"""A worker starting on a host takes back the tasks that a dead worker of the same host left
running, once, and leaves every other task alone (dapi/worker.py). The queue is the real
django-tasks-db table; the workers are real processes, live or ended."""

import subprocess
import sys

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from dapi.identification.tasks import rank_import
from dapi.worker import recover_interrupted_tasks, worker_id_for


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def ended_process(*argv) -> int:
    """The pid of a process that has run and ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass", *argv])
    process.wait()
    return process.pid


@pytest.fixture
def live():
    """Start a process that stays alive; its argv can name it a task worker or not."""
    started = []

    def start(*argv) -> int:
        started.append(subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", *argv]))
        return started[-1].pid

    yield start
    for process in started:
        process.kill()
        process.wait()


def claimed_by(worker_id: str, import_id: int = 7) -> DBTaskResult:
    result = DBTaskResult.objects.get(pk=rank_import.enqueue(import_id).id)
    result.claim(worker_id)
    return result


@pytest.mark.django_db
def test_a_task_left_running_by_a_dead_worker_here_is_failed_and_queued_again_with_its_arguments():
    dead = worker_id_for(ended_process("db_worker"))
    left = claimed_by(dead, import_id=42)

    recovered = recover_interrupted_tasks()

    left.refresh_from_db()
    assert (left.status, left.exception_class_path) == ("FAILED", "dapi.worker.WorkerStopped")
    assert f"worker {dead} stopped before the task finished" in left.traceback
    again = DBTaskResult.objects.get(status="READY")
    assert (again.task_path, again.args_kwargs) == ("dapi.identification.tasks.rank_import",
                                                    {"args": [42], "kwargs": {}})
    assert [(r.task_id, r.worker_id, r.requeued_as) for r in recovered] == [(str(left.pk), dead, str(again.pk))]


@pytest.mark.django_db
def test_tasks_of_live_workers_of_queued_tasks_and_of_other_hosts_are_left_alone(live):
    running_here = claimed_by(worker_id_for(live("db_worker")))
    elsewhere = claimed_by(f"another-host:{ended_process()}")
    queued = DBTaskResult.objects.get(pk=rank_import.enqueue(3).id)

    assert recover_interrupted_tasks() == []
    assert [DBTaskResult.objects.get(pk=r.pk).status for r in (running_here, elsewhere, queued)] == [
        "RUNNING", "RUNNING", "READY"]


@pytest.mark.django_db
def test_a_pid_now_used_by_another_program_counts_as_a_dead_worker(live):
    left = claimed_by(worker_id_for(live("not-a-worker")))
    assert len(recover_interrupted_tasks()) == 1
    left.refresh_from_db()
    assert left.status == "FAILED"


@pytest.mark.django_db
def test_a_task_is_taken_back_once_however_many_workers_start():
    claimed_by(worker_id_for(ended_process("db_worker")))
    assert len(recover_interrupted_tasks()) == 1
    assert recover_interrupted_tasks() == []
    assert DBTaskResult.objects.filter(status="READY").count() == 1


@pytest.mark.django_db(transaction=True)  # the worker's loop closes connections left in a transaction
def test_the_worker_command_names_itself_by_host_and_process_and_recovers_before_it_starts(capsys):
    dead = worker_id_for(ended_process("db_worker"))
    claimed_by(dead)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    # The queued-again task ran in this process (the import does not exist, so it failed): under
    # this process's worker id.
    again = DBTaskResult.objects.exclude(worker_ids=[dead]).get()
    assert again.worker_ids == [worker_id_for()]
    assert f"left running by stopped worker {dead}; queued again as {again.pk}" in capsys.readouterr().err
